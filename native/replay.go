package native

import "sort"

// Replay is a plugin as the tier installed it into the session: enough
// for another process of the same worker program (a child of package
// gokernel/proc) to install the same compiled functions, without a type
// checker or a build.
type Replay struct {
	Path    string   `json:"path"`    // the plugin file
	Module  string   `json:"module"`  // its module path
	Exports []string `json:"exports"` // the compiled functions' symbols
	Name    string   `json:"name"`    // the import name Src uses
	Src     string   `json:"src"`     // the wrappers that declare Funcs again
	Funcs   []string `json:"funcs"`   // the functions the wrappers declare
}

// Replays returns the plugins whose functions are compiled now, in the
// order they were installed.
func (t *Tier) Replays() []Replay {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	seen := map[*job]bool{}
	var jobs []*job
	for _, e := range t.funcs {
		if e.state == compiled && e.job != nil && e.job.replay != nil && !seen[e.job] {
			seen[e.job] = true
			jobs = append(jobs, e.job)
		}
	}
	sort.Slice(jobs, func(i, k int) bool { return jobs[i].seq < jobs[k].seq })
	out := make([]Replay, len(jobs))
	for i, j := range jobs {
		out[i] = *j.replay
	}
	return out
}

// Reinstall opens r's plugin and installs its functions into host.
func Reinstall(host Installer, r Replay) error {
	values, err := Open(&Plugin{Path: r.Path, Module: r.Module}, r.Exports)
	if err != nil {
		return err
	}
	return host.InstallNative(&Install{Path: r.Module, Name: r.Name, Values: values, Src: r.Src, Funcs: r.Funcs,
		Current: func() bool { return true }})
}

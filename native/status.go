package native

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

// Command runs %native with its arguments: "" lists the compiled
// functions with their build times and, for each function that stays
// interpreted, why; "on" and "off" switch tier-up (off: every function
// runs interpreted again; on: the qualifying ones are built).
func (t *Tier) Command(args string) (string, error) {
	switch strings.TrimSpace(args) {
	case "":
		return t.Status(), nil
	case "on":
		t.mu.Lock()
		t.off = false
		for _, e := range t.funcs {
			if e.state == interpreted {
				e.state, e.reason = pending, ""
			}
		}
		t.schedule()
		t.mu.Unlock()
		return "Tier-up is on: functions that qualify are compiled in the background after their cell runs.\n", nil
	case "off":
		t.mu.Lock()
		t.off = true
		var names []string
		for _, e := range t.sorted() {
			if e.state == compiled {
				names = append(names, e.a.Name)
			}
			if e.state != interpreted {
				e.state, e.reason, e.job = interpreted, "tier-up is off (%native on)", nil
			}
		}
		t.mu.Unlock()
		if len(names) > 0 {
			if err := t.host.Reinterpret(names); err != nil {
				return "", fmt.Errorf("%%native off: %v", err)
			}
		}
		return "Tier-up is off: every function runs interpreted.\n", nil
	}
	return "", fmt.Errorf("%%native takes no argument, on or off (not %q)", args)
}

// Status is the %native listing.
func (t *Tier) Status() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var b strings.Builder
	switch {
	case t.unavailable != "":
		fmt.Fprintf(&b, "Native tier: unavailable, every function runs interpreted: %s\n", t.unavailable)
	case t.off:
		b.WriteString("Native tier: off (%native on to compile the functions that qualify)\n")
	default:
		fmt.Fprintf(&b, "Native tier: on (%d of at most %d plugins loaded by this worker)\n", Loaded(), MaxPlugins)
	}
	var comp, interp, build []*entry
	for _, e := range t.sorted() {
		switch e.state {
		case compiled:
			comp = append(comp, e)
		case interpreted:
			interp = append(interp, e)
		default:
			build = append(build, e)
		}
	}
	if len(comp)+len(interp)+len(build) == 0 {
		b.WriteString("No function defined yet.\n")
		return b.String()
	}
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	if len(comp) > 0 {
		fmt.Fprintln(tw, "\ncompiled\tgo build\ttier-up\tplugin")
		for _, e := range comp {
			built := "cached"
			if e.built > 0 {
				built = fmt.Sprintf("%.2f s", e.built.Seconds())
			}
			fmt.Fprintf(tw, "  %s\t%s\t%.2f s\t%.1f MB\n", e.a.Name, built, e.tierUp.Seconds(), float64(e.plugin.Size)/(1<<20))
		}
	}
	if len(build) > 0 {
		fmt.Fprintln(tw, "\nbuilding\t\t\t")
		for _, e := range build {
			fmt.Fprintf(tw, "  %s\t\t\t\n", e.a.Name)
		}
	}
	tw.Flush()
	if len(interp) > 0 {
		b.WriteString("\ninterpreted\n")
		for _, e := range interp {
			r := e.reason
			if r == "" {
				r = e.a.Reason
			}
			fmt.Fprintf(&b, "  %s: %s\n", e.a.Name, r)
		}
	}
	return b.String()
}

// Compiled returns the names of the functions that run compiled now.
func (t *Tier) Compiled() []string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	var names []string
	for _, e := range t.sorted() {
		if e.state == compiled {
			names = append(names, e.a.Name)
		}
	}
	return names
}

// Idle waits until no build is queued or under way (every function that
// qualifies is compiled, or stays interpreted with its reason), or until
// ctx ends.
func (t *Tier) Idle(ctx context.Context) error {
	for t != nil {
		t.mu.Lock()
		busy := t.running || len(t.queue) > 0
		t.mu.Unlock()
		if !busy {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
	return nil
}

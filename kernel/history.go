package kernel

import (
	"regexp"
	"strings"

	"gokernel/pipe"
)

// historySession is the session number history entries carry: gokernel
// keeps the history of the running session only.
const historySession = 1

// historyEntry is one executed cell.
type historyEntry struct {
	line   int
	input  string
	output string
}

// addHistory records an executed cell and the text/plain of its result.
func (k *Kernel) addHistory(count int, code string, ev *pipe.Event) {
	out := ""
	if ev != nil && ev.Result != nil {
		if s, ok := ev.Result["text/plain"].(string); ok {
			out = s
		}
	}
	k.mu.Lock()
	k.history = append(k.history, historyEntry{line: count, input: code, output: out})
	k.mu.Unlock()
}

// historyContent is the content of a history_request.
type historyContent struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// historyRequest answers tail, range and search history requests over the
// cells of this session.
func (k *Kernel) historyRequest(s *socket, m *Message) {
	var c historyContent
	if !k.decode(s, m, &c) {
		return
	}
	k.mu.Lock()
	all := append([]historyEntry(nil), k.history...)
	k.mu.Unlock()

	var picked []historyEntry
	switch c.HistAccessType {
	case "range":
		if c.Session == 0 || c.Session == historySession {
			for _, e := range all {
				if e.line >= c.Start && (c.Stop <= 0 || e.line < c.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		match := globMatcher(c.Pattern)
		seen := map[string]bool{}
		for i := len(all) - 1; i >= 0; i-- {
			e := all[i]
			if !match(e.input) {
				continue
			}
			if c.Unique && seen[e.input] {
				continue
			}
			seen[e.input] = true
			picked = append([]historyEntry{e}, picked...)
			if c.N > 0 && len(picked) == c.N {
				break
			}
		}
	default: // "tail"
		picked = all
		if c.N > 0 && len(picked) > c.N {
			picked = picked[len(picked)-c.N:]
		}
	}
	rows := make([]any, 0, len(picked))
	for _, e := range picked {
		if c.Output {
			rows = append(rows, []any{historySession, e.line, []any{e.input, e.output}})
		} else {
			rows = append(rows, []any{historySession, e.line, e.input})
		}
	}
	k.reply(s, m, "history_reply", map[string]any{"status": "ok", "history": rows})
}

// globMatcher returns a matcher for a history search pattern: a glob in
// which * matches any text (newlines included) and ? one character, like
// IPython's history search.
func globMatcher(pattern string) func(string) bool {
	if pattern == "" {
		return func(string) bool { return true }
	}
	var re strings.Builder
	re.WriteString("(?s)^")
	for _, r := range pattern {
		switch r {
		case '*':
			re.WriteString(".*")
		case '?':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString("$")
	rx := regexp.MustCompile(re.String())
	return rx.MatchString
}

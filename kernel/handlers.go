package kernel

import (
	"context"
	"os"
	"runtime"
	"strings"

	"gokernel/pipe"
)

// Version is the gokernel version, reported by kernel_info and `gokernel version`.
const Version = pipe.Version

// shellHandlers maps shell request types to their handlers.
func (k *Kernel) shellHandlers() map[string]handler {
	return map[string]handler{
		"kernel_info_request": k.kernelInfo,
		"execute_request":     k.execute,
		"complete_request":    k.complete,
		"inspect_request":     k.inspect,
		"is_complete_request": k.isComplete,
		"history_request":     k.historyRequest,
		"comm_info_request":   k.commInfo,
		"comm_open":           k.commOpen,
		"comm_msg":            k.commIgnore,
		"comm_close":          k.commIgnore,
		"shutdown_request":    k.shutdown,
	}
}

// controlHandlers maps control request types to their handlers.
func (k *Kernel) controlHandlers() map[string]handler {
	return map[string]handler{
		"kernel_info_request":     k.kernelInfo,
		"shutdown_request":        k.shutdown,
		"interrupt_request":       k.interrupt,
		"gokernel_stats_request":  k.stats,
		"create_subshell_request": k.createSubshell,
		"delete_subshell_request": k.deleteSubshell,
		"list_subshell_request":   k.listSubshells,
		"debug_request":           k.debugRequest,
	}
}

// stats answers gokernel_stats_request (control channel, gokernel's own):
// the supervisor's goroutines, threads and open files, so tests and
// operators can check that faults leak nothing.
func (k *Kernel) stats(s *socket, m *Message) {
	fds, _ := os.ReadDir("/proc/self/fd")
	k.reply(s, m, "gokernel_stats_reply", map[string]any{
		"status":     "ok",
		"goroutines": runtime.NumGoroutine(),
		"fds":        len(fds),
	})
}

// LanguageInfo is kernel_info's language_info.
var LanguageInfo = map[string]any{
	"name":               "go",
	"version":            strings.TrimPrefix(runtime.Version(), "go"),
	"mimetype":           "text/x-go",
	"file_extension":     ".go",
	"pygments_lexer":     "go",
	"codemirror_mode":    "go",
	"nbconvert_exporter": "script",
}

// SupportedFeatures is kernel_info's supported_features (JEP 92).
var SupportedFeatures = []string{"kernel subshells", "debugger"}

func (k *Kernel) kernelInfo(s *socket, m *Message) {
	k.reply(s, m, "kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "gokernel",
		"implementation_version": Version,
		"language_info":          LanguageInfo,
		"banner": "gokernel " + Version + " — Go " + LanguageInfo["version"].(string) +
			" (interpreted by yaegi in a worker process; %help lists the magics)",
		"help_links": []map[string]string{
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
			{"text": "A Tour of Go", "url": "https://go.dev/tour/"},
		},
		// What the kernel supports beyond the 5.5 core (JEP 92):
		// subshells and the debugger ("debugger" is kept, deprecated,
		// for older frontends).
		"supported_features": SupportedFeatures,
		"debugger":           true,
	})
}

func (k *Kernel) complete(s *socket, m *Message) {
	var c struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	ev := k.worker.Complete(context.Background(), c.Code, c.CursorPos)
	if ev.Status == "error" {
		k.reply(s, m, "complete_reply", errorContent(ev, map[string]any{
			"matches": []string{}, "cursor_start": c.CursorPos, "cursor_end": c.CursorPos, "metadata": map[string]any{}}))
		return
	}
	matches := ev.Matches
	if matches == nil {
		matches = []string{}
	}
	meta := ev.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	start, end := ev.CursorStart, ev.CursorEnd
	if len(matches) == 0 {
		start, end = c.CursorPos, c.CursorPos
	}
	k.reply(s, m, "complete_reply", map[string]any{
		"status": "ok", "matches": matches, "cursor_start": start, "cursor_end": end, "metadata": meta,
	})
}

func (k *Kernel) inspect(s *socket, m *Message) {
	var c struct {
		Code        string `json:"code"`
		CursorPos   int    `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	ev := k.worker.Inspect(context.Background(), c.Code, c.CursorPos, c.DetailLevel)
	if ev.Status == "error" {
		k.reply(s, m, "inspect_reply", errorContent(ev, map[string]any{"found": false, "data": map[string]any{}, "metadata": map[string]any{}}))
		return
	}
	data := ev.Data
	if data == nil {
		data = map[string]any{}
	}
	k.reply(s, m, "inspect_reply", map[string]any{"status": "ok", "found": ev.Found, "data": data, "metadata": map[string]any{}})
}

func (k *Kernel) isComplete(s *socket, m *Message) {
	var c struct {
		Code string `json:"code"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	ev := k.worker.IsComplete(context.Background(), c.Code)
	content := map[string]any{"status": ev.Status}
	switch ev.Status {
	case "incomplete":
		content["indent"] = ev.Indent
	case "complete", "invalid":
	default:
		content["status"] = "unknown"
	}
	k.reply(s, m, "is_complete_reply", content)
}

func (k *Kernel) commInfo(s *socket, m *Message) {
	k.reply(s, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
}

// commOpen answers a comm_open for a target the kernel does not have with
// comm_close, as the protocol asks.
func (k *Kernel) commOpen(s *socket, m *Message) {
	var c struct {
		CommID     string `json:"comm_id"`
		TargetName string `json:"target_name"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	k.log.Printf("comm_open for unknown target %q: closing it", c.TargetName)
	k.publish("comm_close", map[string]any{"comm_id": c.CommID, "data": map[string]any{}}, parentOf(m))
}

func (k *Kernel) commIgnore(s *socket, m *Message) {}

func (k *Kernel) shutdown(s *socket, m *Message) {
	var c struct {
		Restart bool `json:"restart"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	k.worker.Shutdown()
	// With restart, the frontend's kernel manager starts a new kernel
	// process once this one has exited.
	k.reply(s, m, "shutdown_reply", map[string]any{"status": "ok", "restart": c.Restart})
	k.Stop()
}

func (k *Kernel) interrupt(s *socket, m *Message) {
	k.Interrupt()
	k.reply(s, m, "interrupt_reply", map[string]any{"status": "ok"})
}

// errorContent adds the error fields of ev to a reply content.
func errorContent(ev *pipe.Event, content map[string]any) map[string]any {
	content["status"] = "error"
	content["ename"] = ev.Error.Name
	content["evalue"] = ev.Error.Value
	content["traceback"] = ev.Error.Traceback
	return content
}

package kernel

import (
	"context"
	"encoding/json"
	"time"

	"gokernel/pipe"
)

// DebugWorker is a Worker with a debugger: it answers the Debug Adapter
// Protocol requests of debug_request messages and sends DAP events, which
// the kernel publishes as debug_event. A Worker without it gets DAP error
// responses for every debug request.
type DebugWorker interface {
	// Debug answers one DAP request (the content of a debug_request);
	// the reply event's DAP is the DAP response.
	Debug(ctx context.Context, request json.RawMessage) *pipe.Event
	// SetDebugEvents sets the function that receives the worker's DAP
	// events (the content of debug_event messages).
	SetDebugEvents(func(event json.RawMessage))
}

// debugTimeout bounds a debug request: the control channel waits for it.
const debugTimeout = 10 * time.Second

// debugRequest answers debug_request (control channel) with debug_reply,
// whose content is the DAP response. Requests that are not DAP requests,
// and failures of the worker, get a DAP error response: the frontend always
// has an answer.
func (k *Kernel) debugRequest(s *socket, m *Message) {
	var req struct {
		Seq     int    `json:"seq"`
		Command string `json:"command"`
	}
	fail := func(msg string) {
		k.reply(s, m, "debug_reply", DAPError(req.Seq, req.Command, msg))
	}
	if err := json.Unmarshal(m.Content, &req); err != nil {
		fail("the debug request is not a DAP request: " + err.Error())
		return
	}
	dw, ok := k.worker.(DebugWorker)
	if !ok {
		fail("this kernel's worker has no debugger")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), debugTimeout)
	defer cancel()
	ev := dw.Debug(ctx, m.Content)
	if ev == nil || len(ev.DAP) == 0 || !json.Valid(ev.DAP) {
		msg := "the debugger did not answer"
		if ev != nil && ev.Error != nil {
			msg = ev.Error.Name + ": " + ev.Error.Value
		}
		fail(msg)
		return
	}
	k.reply(s, m, "debug_reply", ev.DAP)
}

// publishDebugEvent publishes a DAP event of the worker as debug_event.
func (k *Kernel) publishDebugEvent(event json.RawMessage) {
	if k.socks == nil || !json.Valid(event) {
		return
	}
	k.publish("debug_event", event, Parent{})
}

// DAPError is a DAP error response to request seq (command may be empty).
func DAPError(seq int, command, msg string) map[string]any {
	return map[string]any{
		"seq": 0, "type": "response", "request_seq": seq, "success": false,
		"command": command, "message": msg, "body": map[string]any{"error": map[string]any{"id": 1, "format": msg}},
	}
}

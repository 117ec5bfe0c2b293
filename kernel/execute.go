package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"

	"gokernel/pipe"
)

// executeContent is the content of an execute_request.
type executeContent struct {
	Code            *string           `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

// execute answers an execute_request: it runs the cell on the worker,
// publishes execute_input, the result or the error, and replies. After an
// error with stop_on_error, the execute requests already queued are
// aborted, as ipykernel does.
func (k *Kernel) execute(s *socket, m *Message) {
	var c executeContent
	if err := json.Unmarshal(m.Content, &c); err != nil || c.Code == nil {
		k.reply(s, m, "execute_reply", map[string]any{
			"status": "error", "execution_count": k.executionCount(), "ename": "BadRequest",
			"evalue": "execute_request without a string \"code\"", "traceback": []string{"BadRequest: execute_request without a string \"code\""},
		})
		return
	}
	if len(*c.Code) > MaxCellSize {
		k.reply(s, m, "execute_reply", map[string]any{
			"status": "error", "execution_count": k.executionCount(), "ename": "CellTooLarge",
			"evalue":    fmt.Sprintf("the cell has %d bytes; gokernel runs cells of up to %d bytes", len(*c.Code), MaxCellSize),
			"traceback": []string{fmt.Sprintf("CellTooLarge: the cell has %d bytes; gokernel runs cells of up to %d bytes", len(*c.Code), MaxCellSize)},
		})
		return
	}
	storeHistory := c.StoreHistory == nil || *c.StoreHistory
	if c.Silent {
		storeHistory = false
	}
	k.mu.Lock()
	if storeHistory {
		k.count++
	}
	count := k.count
	k.mu.Unlock()

	parent := parentOf(m)
	if !c.Silent {
		k.publish("execute_input", map[string]any{"code": *c.Code, "execution_count": count}, parent)
	}
	out := &requestOutput{k: k, parent: parent, silent: c.Silent}
	var ev *pipe.Event
	var payload []any
	if name, detail, ok := pagerRequest(*c.Code); ok {
		// "fmt.Println?" (and "??") pages the documentation, as in IPython.
		ev, payload = k.page(name, detail, out)
	} else if strings.TrimSpace(*c.Code) == "" && len(c.UserExpressions) == 0 {
		// Nothing to run (IPython does the same for blank cells).
		ev = &pipe.Event{Kind: pipe.EvReply, Status: "ok"}
	} else {
		ev = k.worker.Execute(context.Background(), ExecuteRequest{
			Code: *c.Code, Count: count, Silent: c.Silent, AllowStdin: c.AllowStdin, UserExpressions: c.UserExpressions,
		}, out)
	}

	if storeHistory {
		k.addHistory(count, *c.Code, ev)
	}
	userExpr := ev.UserExpressions
	if userExpr == nil {
		userExpr = map[string]any{}
	}
	if ev.Status == "error" && ev.Error != nil {
		if !c.Silent {
			k.publish("error", map[string]any{
				"ename": ev.Error.Name, "evalue": ev.Error.Value, "traceback": ev.Error.Traceback,
			}, parent)
		}
		// Taken before the reply goes out: nothing queued yet, and nothing
		// sent before this time, can be a reaction to it.
		sh := m.shell
		if sh == nil {
			sh = k.main
		}
		failed, queued := time.Now(), len(sh.queue)
		k.reply(s, m, "execute_reply", errorContent(ev, map[string]any{
			"execution_count": count, "user_expressions": userExpr, "payload": []any{},
		}))
		if c.StopOnError == nil || *c.StopOnError {
			k.abortQueued(sh, failed, queued)
		}
		return
	}
	if ev.Result != nil && !c.Silent {
		k.publish("execute_result", map[string]any{
			"execution_count": count, "data": ev.Result, "metadata": resultMetadata(ev),
		}, parent)
	}
	if payload == nil {
		payload = []any{}
	}
	k.reply(s, m, "execute_reply", map[string]any{
		"status": "ok", "execution_count": count, "user_expressions": userExpr, "payload": payload,
	})
}

// pagerRequest reports whether code is "name?" (detail 0) or "name??"
// (detail 1): a name, or names joined by dots, then ? or ??, with spaces
// around. (A loop rather than a regular expression: compiling one with
// Unicode classes cost the kernel 2.5 ms and 230 KB at start.)
func pagerRequest(code string) (name string, detail int, ok bool) {
	const space = " \t\n\f\r"
	s, ok := strings.CutSuffix(strings.Trim(code, space), "?")
	if !ok {
		return "", 0, false
	}
	if rest, two := strings.CutSuffix(s, "?"); two {
		s, detail = rest, 1
	}
	name = strings.TrimRight(s, space)
	for part := range strings.SplitSeq(name, ".") {
		if !isIdent(part) {
			return "", 0, false
		}
	}
	return name, detail, true
}

// isIdent reports whether s is a Go identifier (letters, digits and _,
// not starting with a digit).
func isIdent(s string) bool {
	for i, r := range s {
		if !(unicode.IsLetter(r) || r == '_' || i > 0 && unicode.IsNumber(r)) {
			return false
		}
	}
	return s != ""
}

// page answers a pager request: the inspect_reply's bundle as a "page"
// payload of the execute_reply (frontends show it in their pager), or a
// line saying the name is unknown.
func (k *Kernel) page(name string, detail int, out Output) (*pipe.Event, []any) {
	ev := k.worker.Inspect(context.Background(), name, len(name), detail)
	if ev.Status == "error" {
		return ev, nil
	}
	if !ev.Found || len(ev.Data) == 0 {
		out.Stream("stdout", "Object `"+name+"` not found.\n")
		return &pipe.Event{Kind: pipe.EvReply, Status: "ok"}, nil
	}
	return &pipe.Event{Kind: pipe.EvReply, Status: "ok"}, []any{map[string]any{"source": "page", "data": ev.Data, "start": 0}}
}

// MaxCellSize is the largest cell the kernel runs, in bytes.
const MaxCellSize = 16 << 20

// executionCount returns the current execution count.
func (k *Kernel) executionCount() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.count
}

// resultMetadata returns the metadata of an execute_result.
func resultMetadata(ev *pipe.Event) map[string]any {
	if ev.Metadata != nil {
		return ev.Metadata
	}
	return map[string]any{}
}

// abortWindow is how long after a failed cell arriving execute requests
// are still aborted: "Run All" sends every cell at once, and the last ones
// may still be on their way (ipykernel's stop_on_error_timeout). Only
// those sent before the failure are aborted, and requests sent after it
// are handled at once while the window lasts, so a long window costs
// nothing; 20 ms let a request sent before the failure run on a loaded
// machine (CI).
const abortWindow = 250 * time.Millisecond

// abortState is what a failed cell leaves its shell to abort (see
// abortQueued). Only the shell's goroutine uses it.
type abortState struct {
	failed, until time.Time
	queued        int // requests queued when the cell failed, still to come
}

// abortQueued makes shell sh answer with status "aborted" the first queued
// execute_requests (those waiting in its queue when the cell failed; the
// queues of other shells are not touched) and those it handles within
// abortWindow that were sent before the failure at failed (by their
// header date): a request sent after the client saw the error is run.
// Other requests are handled normally. It returns at once: the failed
// cell's idle status must not wait for the window (jupyter_kernel_test
// waits 0.1 s for it).
func (k *Kernel) abortQueued(sh *shell, failed time.Time, queued int) {
	sh.abort = &abortState{failed: failed, until: failed.Add(abortWindow), queued: queued}
}

// aborted answers m with status "aborted" if the failure recorded by
// abortQueued aborts it, and reports whether it did.
func (k *Kernel) aborted(sh *shell, m *Message) bool {
	st := sh.abort
	if st == nil {
		return false
	}
	st.queued--
	if st.queued < 0 && time.Now().After(st.until) {
		sh.abort = nil
		return false
	}
	if m.Header.MsgType != "execute_request" || (st.queued < 0 && sentAfter(m, st.failed)) {
		return false
	}
	idle := k.busy(parentOf(m), false)
	k.reply(k.socks.shell, m, "execute_reply", map[string]any{
		"status": "aborted", "execution_count": k.executionCount(), "user_expressions": map[string]any{}, "payload": []any{},
	})
	idle()
	sh.pending.Add(-1)
	return true
}

// sentAfter reports whether request m says it was sent after t. Requests
// without a readable date are taken as sent before.
func sentAfter(m *Message, t time.Time) bool {
	d, err := time.Parse(time.RFC3339Nano, m.Header.Date)
	return err == nil && d.After(t)
}

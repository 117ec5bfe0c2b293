package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"
)

// Kernel subshells (protocol 5.5, JEP 91).
//
// The kernel has one main shell and any number of subshells. Each shell has
// its own queue and goroutine: it handles its requests one at a time, in
// order, and independently of the other shells, so a subshell's cell runs
// while the main shell is busy. Every shell runs its cells in the same
// worker process, in the same interpreter session: a subshell sees the
// variables of the main shell's cells. See README.md ("Kernel subshells")
// for what runs concurrently and what is serialized.

// shell is the main shell or one subshell.
type shell struct {
	id    string // "" for the main shell
	queue chan *Message
	// pending counts the requests routed to this shell and not yet
	// answered (queued or running): a subshell with pending requests is
	// not deleted.
	pending atomic.Int64
	stop    chan struct{} // closed when the subshell is deleted

	mu      sync.Mutex
	running string // msg_type of the request being handled, "" if none

	abort *abortState // set by a failed cell (abortQueued)
}

const (
	mainQueueLen     = 4096
	subshellQueueLen = 1024
	maxSubshells     = 64
)

func newShell(id string, queueLen int) *shell {
	return &shell{id: id, queue: make(chan *Message, queueLen), stop: make(chan struct{})}
}

func (sh *shell) name() string {
	if sh.id == "" {
		return "the main shell"
	}
	return "subshell " + sh.id
}

// serve handles the shell's requests one at a time, in order, until the
// kernel stops or the subshell is deleted.
func (k *Kernel) serve(ctx context.Context, sh *shell) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-k.done:
			return
		case <-sh.stop:
			return
		case m := <-sh.queue:
			k.handleShell(sh, m)
		}
	}
}

// handleShell handles one request of shell sh.
func (k *Kernel) handleShell(sh *shell, m *Message) {
	if k.aborted(sh, m) {
		return
	}
	defer sh.pending.Add(-1)
	sh.mu.Lock()
	sh.running = m.Header.MsgType
	sh.mu.Unlock()
	defer func() {
		sh.mu.Lock()
		sh.running = ""
		sh.mu.Unlock()
	}()
	m.shell = sh
	k.handle(k.socks.shell, m, k.shellHandlers())
}

// subshellID returns the subshell a shell request is for: "" for the main
// shell (no subshell_id, or null). ok is false when the id is not a string.
func subshellID(m *Message) (id string, ok bool) {
	raw := strings.TrimSpace(string(m.Header.SubshellID))
	if raw == "" || raw == "null" {
		return "", true
	}
	if err := json.Unmarshal(m.Header.SubshellID, &id); err != nil {
		return "", false
	}
	return id, true
}

// routeShell passes a request read on the shell socket to the queue of its
// shell. A request for a subshell that does not exist (or with an id that
// is not a string) gets an error reply; the kernel carries on.
func (k *Kernel) routeShell(m *Message) {
	id, ok := subshellID(m)
	if !ok {
		k.refuse(m, "BadSubshellId", fmt.Sprintf("subshell_id must be a string or null, not %s", m.Header.SubshellID))
		return
	}
	if id == "" {
		k.main.pending.Add(1)
		k.main.queue <- m
		return
	}
	k.subMu.Lock()
	sh := k.subshells[id]
	if sh == nil {
		k.subMu.Unlock()
		k.refuse(m, "UnknownSubshell", fmt.Sprintf("there is no subshell %q (it was deleted, or never created; list_subshell_request lists them)", id))
		return
	}
	sh.pending.Add(1)
	select {
	case sh.queue <- m:
		k.subMu.Unlock()
	default:
		sh.pending.Add(-1)
		k.subMu.Unlock()
		k.refuse(m, "SubshellQueueFull", fmt.Sprintf("subshell %s has %d requests waiting; this one was not queued", id, subshellQueueLen))
	}
}

// refuse answers a shell request that no shell will handle with an error
// reply between busy and idle, as for any other request.
func (k *Kernel) refuse(m *Message, ename, evalue string) {
	k.log.Printf("shell: %s: %s", m.Header.MsgType, evalue)
	defer k.busy(parentOf(m), false)()
	base, ok := strings.CutSuffix(m.Header.MsgType, "_request")
	if !ok {
		return
	}
	content := map[string]any{"status": "error", "ename": ename, "evalue": evalue, "traceback": []string{ename + ": " + evalue}}
	if m.Header.MsgType == "execute_request" {
		content["execution_count"] = k.executionCount()
		content["user_expressions"] = map[string]any{}
		content["payload"] = []any{}
	}
	k.reply(k.socks.shell, m, base+"_reply", content)
}

// createSubshell answers create_subshell_request (control): a new subshell
// with its own queue and goroutine.
func (k *Kernel) createSubshell(s *socket, m *Message) {
	k.subMu.Lock()
	if len(k.subshells) >= maxSubshells {
		k.subMu.Unlock()
		k.reply(s, m, "create_subshell_reply", map[string]any{
			"status": "error", "ename": "TooManySubshells",
			"evalue":    fmt.Sprintf("the kernel has %d subshells, the most it keeps; delete one first", maxSubshells),
			"traceback": []string{},
		})
		return
	}
	sh := newShell(uuid.NewString(), subshellQueueLen)
	k.subshells[sh.id] = sh
	k.subMu.Unlock()
	go k.serve(k.ctx, sh)
	k.log.Printf("control: created subshell %s", sh.id)
	k.reply(s, m, "create_subshell_reply", map[string]any{"status": "ok", "subshell_id": sh.id})
}

// deleteSubshell answers delete_subshell_request (control). A subshell that
// is running or has queued requests is not deleted: the reply is an error
// that says so (interrupt it or wait, then delete it again).
func (k *Kernel) deleteSubshell(s *socket, m *Message) {
	var c struct {
		SubshellID *string `json:"subshell_id"`
	}
	if !k.decode(s, m, &c) {
		return
	}
	fail := func(ename, evalue string) {
		k.log.Printf("control: delete_subshell: %s", evalue)
		k.reply(s, m, "delete_subshell_reply", map[string]any{
			"status": "error", "ename": ename, "evalue": evalue, "traceback": []string{ename + ": " + evalue},
		})
	}
	if c.SubshellID == nil {
		fail("BadRequest", "delete_subshell_request needs a string subshell_id")
		return
	}
	id := *c.SubshellID
	k.subMu.Lock()
	sh := k.subshells[id]
	if sh == nil {
		k.subMu.Unlock()
		fail("UnknownSubshell", fmt.Sprintf("there is no subshell %q to delete", id))
		return
	}
	if n := sh.pending.Load(); n > 0 {
		k.subMu.Unlock()
		sh.mu.Lock()
		running := sh.running
		sh.mu.Unlock()
		what := fmt.Sprintf("has %d request(s) waiting", n)
		if running != "" {
			what = fmt.Sprintf("is running a request (%s)", running)
			if n > 1 {
				what += fmt.Sprintf(" and has %d more waiting", n-1)
			}
		}
		fail("SubshellBusy", fmt.Sprintf("subshell %s %s, so it was not deleted; interrupt the kernel or wait until it is idle, then delete it", id, what))
		return
	}
	delete(k.subshells, id)
	k.subMu.Unlock()
	close(sh.stop)
	k.log.Printf("control: deleted subshell %s", id)
	k.reply(s, m, "delete_subshell_reply", map[string]any{"status": "ok"})
}

// listSubshells answers list_subshell_request (control).
func (k *Kernel) listSubshells(s *socket, m *Message) {
	k.subMu.Lock()
	ids := make([]string, 0, len(k.subshells))
	for id := range k.subshells {
		ids = append(ids, id)
	}
	k.subMu.Unlock()
	sort.Strings(ids)
	k.reply(s, m, "list_subshell_reply", map[string]any{"status": "ok", "subshell_id": ids})
}

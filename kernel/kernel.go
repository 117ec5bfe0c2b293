package kernel

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// startingDelay is how long after binding the "starting" status is published.
const startingDelay = 50 * time.Millisecond

// Kernel is a running Jupyter kernel: the sockets of one connection file,
// the request dispatch and the worker that runs cells.
type Kernel struct {
	conn   *ConnectionInfo
	worker Worker
	log    *log.Logger
	signer *Signer

	session string // the kernel's session id, in every header it sends
	socks   *sockets

	ctx        context.Context // Run's context, for the goroutines of subshells
	main       *shell          // the main shell
	subMu      sync.Mutex      // guards subshells
	started    sync.Once       // publishes "starting" once, before any other status
	subshells  map[string]*shell
	stdinReply chan *Message

	status statusTracker // the execution state frontends show

	mu      sync.Mutex // guards the fields below
	count   int        // execution count
	history []historyEntry

	done     chan struct{}
	stopOnce sync.Once
}

// New returns a kernel for connection info ci that runs cells on w.
// Diagnostics go to logger (stderr when nil).
func New(ci *ConnectionInfo, w Worker, logger *log.Logger) (*Kernel, error) {
	if logger == nil {
		logger = log.New(os.Stderr, "[gokernel] ", log.LstdFlags|log.Lmicroseconds)
	}
	signer, err := NewSigner(ci.SignatureScheme, ci.Key)
	if err != nil {
		return nil, err
	}
	return &Kernel{
		conn:       ci,
		worker:     w,
		log:        logger,
		signer:     signer,
		session:    uuid.NewString(),
		main:       newShell("", mainQueueLen),
		subshells:  map[string]*shell{},
		stdinReply: make(chan *Message, 1),
		done:       make(chan struct{}),
	}, nil
}

// Run binds the sockets and serves requests until a shutdown request or
// until ctx is done. The worker is shut down before Run returns.
func (k *Kernel) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	socks, err := bind(ctx, k.conn, k.log)
	if err != nil {
		return err
	}
	k.socks = socks
	k.ctx = ctx
	defer socks.close()
	socks.iopub.SetWelcome(k.welcome)
	if dw, ok := k.worker.(DebugWorker); ok {
		dw.SetDebugEvents(k.publishDebugEvent)
	}

	go k.serveHeartbeat()
	go k.readLoop(socks.shell, k.routeShell)
	go k.readLoop(socks.control, k.handleControl)
	go k.readLoop(socks.stdin, k.handleStdin)
	go k.serve(ctx, k.main)
	// "starting" is published once, a moment after binding, so that
	// subscribers that connected early (and reconnect every few ms) see it.
	// Nothing waits for it: kernel_info is answered at once, and a status
	// published before the moment publishes "starting" first (a late
	// "starting" after an idle would leave frontends showing a kernel
	// that never became ready).
	time.AfterFunc(startingDelay, k.announceStarting)

	select {
	case <-ctx.Done():
	case <-k.done:
	}
	k.worker.Shutdown()
	// Give the last replies a moment to leave the sockets.
	time.Sleep(20 * time.Millisecond)
	return nil
}

// Interrupt stops the running cell (SIGINT to the kernel ends up here).
func (k *Kernel) Interrupt() {
	k.worker.Interrupt()
	select {
	case k.stdinReply <- nil: // wakes a pending input request
	default:
	}
}

// Stop ends Run.
func (k *Kernel) Stop() {
	k.stopOnce.Do(func() { close(k.done) })
}

// serveHeartbeat echoes every heartbeat ping, on its own goroutine so it
// answers while cells run.
func (k *Kernel) serveHeartbeat() {
	for {
		msg, err := k.socks.hb.Recv()
		if err != nil {
			if k.stopped() {
				return
			}
			continue
		}
		if err := k.socks.hb.send(msg.Frames); err != nil && k.stopped() {
			return
		}
	}
}

func (k *Kernel) stopped() bool {
	select {
	case <-k.done:
		return true
	default:
		return false
	}
}

// readLoop receives messages on s, verifies and decodes them and passes
// each valid one to handle. Invalid messages are logged and dropped.
func (k *Kernel) readLoop(s *socket, handle func(*Message)) {
	var drops dropLog
	for {
		raw, err := s.Recv()
		if err != nil {
			if k.stopped() || errors.Is(err, context.Canceled) {
				return
			}
			k.log.Printf("%s: receive: %v", s.name, err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		m, err := k.signer.Decode(raw.Frames)
		if err != nil {
			drops.note(k.log, s.name, err)
			continue
		}
		handle(m)
	}
}

// dropLog logs dropped messages without letting a flood of bad messages
// flood the log: the first few of each minute in full, then a count.
type dropLog struct {
	window  time.Time
	count   int
	skipped int
}

const dropsLoggedPerMinute = 10

func (d *dropLog) note(l *log.Logger, socket string, err error) {
	now := time.Now()
	if now.Sub(d.window) > time.Minute {
		if d.skipped > 0 {
			l.Printf("%s: dropped %d more invalid messages in the last minute", socket, d.skipped)
		}
		d.window, d.count, d.skipped = now, 0, 0
	}
	d.count++
	if d.count <= dropsLoggedPerMinute {
		l.Printf("%s: dropped a message: %v", socket, err)
	} else {
		d.skipped++
	}
}

// handleControl handles one control request; control is served while a
// cell runs on shell.
func (k *Kernel) handleControl(m *Message) {
	k.handle(k.socks.control, m, k.controlHandlers())
}

// handleStdin passes an input_reply to the waiting input request.
func (k *Kernel) handleStdin(m *Message) {
	if m.Header.MsgType != "input_reply" {
		k.log.Printf("stdin: unexpected %s", m.Header.MsgType)
		return
	}
	select {
	case k.stdinReply <- m:
	default:
		k.log.Printf("stdin: input_reply with no pending input_request")
	}
}

// handler answers one request type.
type handler func(s *socket, m *Message)

// handle runs the handler for m's type between busy and idle status
// messages. Unknown request types get an error reply.
func (k *Kernel) handle(s *socket, m *Message, handlers map[string]handler) {
	idle := k.busy(parentOf(m), s == k.socks.shell)
	defer idle()
	defer func() {
		if r := recover(); r != nil {
			k.log.Printf("%s: %s handler panicked: %v", s.name, m.Header.MsgType, r)
		}
	}()
	if h, ok := handlers[m.Header.MsgType]; ok {
		h(s, m)
		return
	}
	k.log.Printf("%s: unknown message type %q", s.name, m.Header.MsgType)
	if base, ok := strings.CutSuffix(m.Header.MsgType, "_request"); ok {
		k.reply(s, m, base+"_reply", map[string]any{
			"status": "error", "ename": "UnknownMessageType",
			"evalue": fmt.Sprintf("gokernel does not handle %s", m.Header.MsgType), "traceback": []string{},
		})
	}
}

// decode reads m's content into v. If the content does not decode, it
// answers m with status "error" (ename "BadRequest") and returns false; a
// message that expects no reply (comm_open) is logged instead.
func (k *Kernel) decode(s *socket, m *Message, v any) bool {
	err := json.Unmarshal(m.Content, v)
	if err == nil {
		return true
	}
	msg := fmt.Sprintf("the content of %s does not decode: %v", m.Header.MsgType, err)
	k.log.Printf("%s: %s", s.name, msg)
	if base, ok := strings.CutSuffix(m.Header.MsgType, "_request"); ok {
		k.reply(s, m, base+"_reply", map[string]any{
			"status": "error", "ename": "BadRequest", "evalue": msg, "traceback": []string{"BadRequest: " + msg},
		})
	}
	return false
}

// reply sends a reply to request m on socket s.
func (k *Kernel) reply(s *socket, m *Message, msgType string, content any) {
	k.send(s, m.Identities, msgType, content, parentOf(m))
}

// welcome returns the iopub_welcome message (protocol 5.5) for a new
// subscription to topic. Its topic frame matches the subscription, so the
// subscriber's own filter keeps it.
func (k *Kernel) welcome(topic []byte) [][]byte {
	t := []byte("kernel." + k.session + ".iopub_welcome")
	if !bytes.HasPrefix(t, topic) {
		t = append([]byte(nil), topic...)
	}
	return k.encode([][]byte{t}, "iopub_welcome", map[string]string{"subscription": string(topic)}, Parent{})
}

// announceStarting publishes the "starting" status, once, before any
// other status.
func (k *Kernel) announceStarting() {
	k.started.Do(func() {
		k.publishFrames("status", map[string]string{"execution_state": "starting"}, Parent{})
	})
}

// publish sends a message on iopub with the given parent. The first status
// is always "starting".
func (k *Kernel) publish(msgType string, content any, parent Parent) {
	if msgType == "status" {
		k.announceStarting()
	}
	k.publishFrames(msgType, content, parent)
}

// publishFrames encodes, signs and publishes one iopub message.
func (k *Kernel) publishFrames(msgType string, content any, parent Parent) {
	topic := []byte("kernel." + k.session + "." + msgType)
	if frames := k.encode([][]byte{topic}, msgType, content, parent); frames != nil {
		k.socks.iopub.Publish(frames)
	}
}

// send encodes, signs and sends one message on a ROUTER socket.
func (k *Kernel) send(s *socket, ids [][]byte, msgType string, content any, parent Parent) {
	frames := k.encode(ids, msgType, content, parent)
	if frames == nil {
		return
	}
	if err := s.send(frames); err != nil {
		k.log.Printf("%s: send %s: %v", s.name, msgType, err)
	}
}

// encode builds the signed frames of a message; nil if content does not
// encode.
func (k *Kernel) encode(ids [][]byte, msgType string, content any, parent Parent) [][]byte {
	header, _ := json.Marshal(newHeader(msgType, k.session))
	body, err := json.Marshal(content)
	if err != nil {
		k.log.Printf("encode %s: %v", msgType, err)
		return nil
	}
	ph := parent.Header
	if ph == nil {
		ph = emptyObject
	}
	return k.signer.Encode(ids, header, ph, emptyObject, body, nil)
}

// statusTracker keeps the execution state that frontends show true. Every
// request is handled between a busy and an idle status message with its
// own parent, as the protocol asks, and frontends show the state of the
// last one (JupyterLab's kernel indicator, jupyter_server's
// execution_state). A control request answered while a cell runs (an
// interrupt, a debug request, a kernel_info nudge) would then leave the
// kernel shown as idle while it is busy (jupyter_client issue 838,
// JupyterLab issue 10701). So after any idle, while shell requests are
// still being handled, busy is published again with the parent of the
// newest of them; its own idle comes when it ends.
type statusTracker struct {
	mu      sync.Mutex
	running []*Parent // the shell requests being handled, oldest first
}

// busy publishes busy for the request with parent p and returns the func
// that publishes its idle. shell says p is a request of a shell (main or
// subshell) rather than a short one (control, refused, aborted).
func (k *Kernel) busy(p Parent, shell bool) (idle func()) {
	t := &k.status
	t.mu.Lock()
	k.publish("status", map[string]string{"execution_state": "busy"}, p)
	if shell {
		t.running = append(t.running, &p)
	}
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if shell {
			t.running = slices.DeleteFunc(t.running, func(q *Parent) bool { return q == &p })
		}
		k.publish("status", map[string]string{"execution_state": "idle"}, p)
		if n := len(t.running); n > 0 {
			k.publish("status", map[string]string{"execution_state": "busy"}, *t.running[n-1])
		}
	}
}

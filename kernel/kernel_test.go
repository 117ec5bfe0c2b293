package kernel

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"gokernel/pipe"
)

// fakeWorker runs "cells" without an interpreter: code "fail" is an error,
// anything else prints the code and returns it as the result.
type fakeWorker struct{}

func (fakeWorker) Execute(ctx context.Context, req ExecuteRequest, out Output) *pipe.Event {
	if req.Code == "fail" {
		return pipe.ErrorReply("Failure", "the cell failed")
	}
	if req.Code == "slow" {
		time.Sleep(200 * time.Millisecond)
	}
	out.Stream("stdout", "ran "+req.Code+"\n")
	return &pipe.Event{Kind: pipe.EvReply, Status: "ok", Result: map[string]any{"text/plain": req.Code}}
}
func (fakeWorker) Complete(context.Context, string, int) *pipe.Event {
	return &pipe.Event{Status: "ok", Matches: []string{"Println"}, CursorStart: 4, CursorEnd: 6}
}
func (fakeWorker) Inspect(context.Context, string, int, int) *pipe.Event {
	return &pipe.Event{Status: "ok", Found: true, Data: map[string]any{"text/plain": "doc"}}
}
func (fakeWorker) IsComplete(context.Context, string) *pipe.Event {
	return &pipe.Event{Status: "incomplete", Indent: "\t"}
}
func (fakeWorker) Interrupt()     {}
func (fakeWorker) Restart() error { return nil }
func (fakeWorker) Shutdown()      {}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// client is a minimal Go Jupyter client for the dispatch tests.
type client struct {
	t      *testing.T
	signer *Signer
	shell  zmq4.Socket
	iopub  zmq4.Socket
}

func startTestKernel(t *testing.T) (*Kernel, *client) {
	ci := &ConnectionInfo{Transport: "tcp", IP: "127.0.0.1", Key: "test-key", SignatureScheme: "hmac-sha256",
		ShellPort: freePort(t), ControlPort: freePort(t), StdinPort: freePort(t), IOPubPort: freePort(t), HBPort: freePort(t)}
	k, err := New(ci, fakeWorker{}, log.New(io.Discard, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { k.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	c := &client{t: t, signer: k.signer}
	c.shell = zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("test-client")))
	c.iopub = zmq4.NewSub(ctx)
	var dialErr error
	for i := 0; i < 100; i++ {
		if dialErr = c.shell.Dial(ci.Endpoint(ci.ShellPort)); dialErr == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if dialErr != nil {
		t.Fatal(dialErr)
	}
	if err := c.iopub.Dial(ci.Endpoint(ci.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	c.iopub.SetOption(zmq4.OptionSubscribe, "")
	time.Sleep(100 * time.Millisecond) // let the subscription reach the kernel
	t.Cleanup(func() { c.shell.Close(); c.iopub.Close() })
	return k, c
}

func (c *client) send(signer *Signer, msgType string, content any) string {
	h := newHeader(msgType, "client")
	hb, _ := json.Marshal(h)
	body, _ := json.Marshal(content)
	frames := signer.Encode(nil, hb, []byte("{}"), []byte("{}"), body, nil)
	if err := c.shell.Send(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatal(err)
	}
	return h.MsgID
}

func (c *client) recv(s zmq4.Socket) *Message {
	type res struct {
		m   zmq4.Msg
		err error
	}
	ch := make(chan res, 1)
	go func() { m, err := s.Recv(); ch <- res{m, err} }()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatal(r.err)
		}
		m, err := c.signer.Decode(r.m.Frames)
		if err != nil {
			c.t.Fatal(err)
		}
		return m
	case <-time.After(5 * time.Second):
		c.t.Fatal("timed out waiting for a message")
		return nil
	}
}

// iopubFor returns the msg_types published for request id until idle.
func (c *client) iopubFor(id string) ([]string, []*Message) {
	var types []string
	var msgs []*Message
	for {
		m := c.recv(c.iopub)
		var ph Header
		json.Unmarshal(m.ParentHeader, &ph)
		if ph.MsgID != id {
			continue
		}
		types = append(types, m.Header.MsgType)
		msgs = append(msgs, m)
		if m.Header.MsgType == "status" && strings.Contains(string(m.Content), "idle") {
			return types, msgs
		}
	}
}

func TestDispatchExecute(t *testing.T) {
	_, c := startTestKernel(t)
	id := c.send(c.signer, "execute_request", map[string]any{"code": "42", "silent": false})
	reply := c.recv(c.shell)
	if reply.Header.MsgType != "execute_reply" || !strings.Contains(string(reply.Content), `"status":"ok"`) {
		t.Fatalf("reply %s %s", reply.Header.MsgType, reply.Content)
	}
	types, msgs := c.iopubFor(id)
	want := "status execute_input stream execute_result status"
	if strings.Join(types, " ") != want {
		t.Fatalf("iopub %v, want %s", types, want)
	}
	if !strings.Contains(string(msgs[3].Content), `"execution_count":1`) {
		t.Errorf("execute_result %s", msgs[3].Content)
	}
}

func TestDispatchDropsBadSignature(t *testing.T) {
	_, c := startTestKernel(t)
	wrong, _ := NewSigner("hmac-sha256", "wrong")
	c.send(wrong, "kernel_info_request", map[string]any{})
	c.send(c.signer, "kernel_info_request", map[string]any{})
	reply := c.recv(c.shell)
	var ph Header
	json.Unmarshal(reply.ParentHeader, &ph)
	if reply.Header.MsgType != "kernel_info_reply" {
		t.Fatalf("got %s", reply.Header.MsgType)
	}
	// Only one reply: the wrongly signed request was dropped.
	c.send(c.signer, "comm_info_request", map[string]any{})
	if m := c.recv(c.shell); m.Header.MsgType != "comm_info_reply" {
		t.Fatalf("a reply to the badly signed request arrived: %s", m.Header.MsgType)
	}
}

func TestDispatchStopOnErrorAborts(t *testing.T) {
	_, c := startTestKernel(t)
	c.send(c.signer, "execute_request", map[string]any{"code": "slow"})
	c.send(c.signer, "execute_request", map[string]any{"code": "fail"})
	c.send(c.signer, "execute_request", map[string]any{"code": "1"})
	c.send(c.signer, "execute_request", map[string]any{"code": "2"})
	var statuses []string
	for i := 0; i < 4; i++ {
		var content struct{ Status string }
		json.Unmarshal(c.recv(c.shell).Content, &content)
		statuses = append(statuses, content.Status)
	}
	if strings.Join(statuses, " ") != "ok error aborted aborted" {
		t.Fatalf("statuses %v", statuses)
	}
}

// A request sent after the client saw the error reply runs, however fast
// it comes (it was aborted when it reached the queue before the kernel
// looked at the queue; seen end to end with the one-thread kernel).
func TestDispatchRunsRequestSentAfterError(t *testing.T) {
	_, c := startTestKernel(t)
	for i := 0; i < 100; i++ {
		c.send(c.signer, "execute_request", map[string]any{"code": "fail"})
		var content struct{ Status string }
		json.Unmarshal(c.recv(c.shell).Content, &content)
		c.send(c.signer, "execute_request", map[string]any{"code": "1"})
		var next struct{ Status string }
		json.Unmarshal(c.recv(c.shell).Content, &next)
		if content.Status != "error" || next.Status != "ok" {
			t.Fatalf("run %d: statuses %s %s, want error ok", i, content.Status, next.Status)
		}
	}
}

func TestDispatchUnknownAndOthers(t *testing.T) {
	_, c := startTestKernel(t)
	for _, tc := range []struct{ req, reply, want string }{
		{"bogus_request", "bogus_reply", `"status":"error"`},
		{"is_complete_request", "is_complete_reply", `"indent":"\t"`},
		{"complete_request", "complete_reply", `"cursor_start":4`},
		{"inspect_request", "inspect_reply", `"found":true`},
		{"comm_info_request", "comm_info_reply", `"comms":{}`},
		{"kernel_info_request", "kernel_info_reply", `"codemirror_mode":"go"`},
	} {
		c.send(c.signer, tc.req, map[string]any{"code": "fmt.Pr", "cursor_pos": 6})
		m := c.recv(c.shell)
		if m.Header.MsgType != tc.reply || !strings.Contains(string(m.Content), tc.want) {
			t.Errorf("%s: got %s %s", tc.req, m.Header.MsgType, m.Content)
		}
	}
	c.send(c.signer, "execute_request", map[string]any{"silent": false}) // no code
	if m := c.recv(c.shell); !strings.Contains(string(m.Content), "BadRequest") {
		t.Errorf("execute without code: %s", m.Content)
	}
}

// A request whose content does not decode gets an error reply that says
// so, for every handler that reads content.
func TestDispatchUndecodableContent(t *testing.T) {
	_, c := startTestKernel(t)
	for _, req := range []string{"complete_request", "inspect_request", "is_complete_request", "history_request", "shutdown_request"} {
		c.send(c.signer, req, map[string]any{"code": 42, "cursor_pos": "x", "restart": "no", "hist_access_type": 7})
		m := c.recv(c.shell)
		reply := strings.TrimSuffix(req, "_request") + "_reply"
		if m.Header.MsgType != reply || !strings.Contains(string(m.Content), `"status":"error"`) ||
			!strings.Contains(string(m.Content), `"ename":"BadRequest"`) || !strings.Contains(string(m.Content), "does not decode") {
			t.Errorf("%s: got %s %s", req, m.Header.MsgType, m.Content)
		}
	}
	// The kernel is still there (the shutdown request was refused).
	c.send(c.signer, "kernel_info_request", map[string]any{})
	if m := c.recv(c.shell); m.Header.MsgType != "kernel_info_reply" {
		t.Errorf("after bad requests: got %s", m.Header.MsgType)
	}
}

func TestDispatchHistory(t *testing.T) {
	_, c := startTestKernel(t)
	for _, code := range []string{"a := 1", "b := 2", "a + b"} {
		c.send(c.signer, "execute_request", map[string]any{"code": code})
		c.recv(c.shell)
	}
	c.send(c.signer, "history_request", map[string]any{"hist_access_type": "tail", "n": 2, "output": true})
	m := c.recv(c.shell)
	if !strings.Contains(string(m.Content), `[1,2,["b := 2","b := 2"]]`) || strings.Contains(string(m.Content), "a := 1") {
		t.Fatalf("history tail: %s", m.Content)
	}
	c.send(c.signer, "history_request", map[string]any{"hist_access_type": "search", "pattern": "a*"})
	m = c.recv(c.shell)
	if !strings.Contains(string(m.Content), `[1,1,"a := 1"],[1,3,"a + b"]`) {
		t.Fatalf("history search: %s", m.Content)
	}
}

// TestStatusStaysBusyAcrossControlRequests: a control request answered
// while a cell runs ends with its own idle, and then the kernel says busy
// again for the cell, so a frontend showing the last status (JupyterLab's
// indicator) shows busy until the cell's own idle.
func TestStatusStaysBusyAcrossControlRequests(t *testing.T) {
	k, c := startTestKernel(t)
	control := zmq4.NewDealer(context.Background(), zmq4.WithID(zmq4.SocketIdentity("test-control")))
	defer control.Close()
	if err := control.Dial(k.conn.Endpoint(k.conn.ControlPort)); err != nil {
		t.Fatal(err)
	}
	type status struct{ parent, state string }
	next := func() status {
		for {
			m := c.recv(c.iopub)
			if m.Header.MsgType != "status" {
				continue
			}
			var ph Header
			var st struct {
				State string `json:"execution_state"`
			}
			json.Unmarshal(m.ParentHeader, &ph)
			json.Unmarshal(m.Content, &st)
			if st.State == "starting" {
				continue // the kernel's own announcement, a moment after binding
			}
			return status{ph.MsgID, st.State}
		}
	}
	// A first request on control, answered, so that the connection is up
	// before the cell starts (on a loaded machine, a dial can take longer
	// than the cell's 200 ms).
	warm := newHeader("kernel_info_request", "client")
	wb, _ := json.Marshal(warm)
	if err := control.Send(zmq4.NewMsgFrom(c.signer.Encode(nil, wb, []byte("{}"), []byte("{}"), []byte("{}"), nil)...)); err != nil {
		t.Fatal(err)
	}
	if _, err := control.Recv(); err != nil {
		t.Fatal(err)
	}
	for next() != (status{warm.MsgID, "idle"}) {
	}
	exec := c.send(c.signer, "execute_request", map[string]any{"code": "slow", "silent": false})
	if s := next(); s != (status{exec, "busy"}) {
		t.Fatalf("first status %+v", s)
	}
	h := newHeader("kernel_info_request", "client")
	hb, _ := json.Marshal(h)
	if err := control.Send(zmq4.NewMsgFrom(c.signer.Encode(nil, hb, []byte("{}"), []byte("{}"), []byte("{}"), nil)...)); err != nil {
		t.Fatal(err)
	}
	var seen []status
	for {
		s := next()
		seen = append(seen, s)
		if s == (status{exec, "idle"}) {
			break
		}
	}
	want := []status{{h.MsgID, "busy"}, {h.MsgID, "idle"}, {exec, "busy"}, {exec, "idle"}}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("statuses after the control request:\n got %v\nwant %v", seen, want)
	}
}

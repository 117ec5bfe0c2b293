package kernel

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/go-zeromq/zmq4"
)

// iopubHWM bounds the iopub send queue (zmq4's PUB queue is unbounded by
// default, so a subscriber that stops reading would grow memory forever).
// Stream output is coalesced into chunks of up to 64 KiB, so this is at
// most a few tens of MiB.
const iopubHWM = 1000

// socket is a ZeroMQ socket with a send lock: zmq4 sockets must not be
// written from several goroutines at once.
type socket struct {
	name string
	zmq4.Socket
	mu sync.Mutex
}

// send sends frames on the socket.
func (s *socket) send(frames [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Socket.Send(zmq4.NewMsgFrom(frames...))
}

// listen creates a socket of the given kind and binds it to endpoint. A
// stale ipc socket file (left by a killed kernel) is removed first.
func listen(ctx context.Context, name string, s zmq4.Socket, endpoint string) (*socket, error) {
	if path, ok := strings.CutPrefix(endpoint, "ipc://"); ok {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: remove stale ipc socket: %w", name, err)
		}
	}
	if err := s.Listen(endpoint); err != nil {
		s.Close()
		return nil, fmt.Errorf("%s: listen on %s: %w", name, endpoint, err)
	}
	return &socket{name: name, Socket: s}, nil
}

// sockets are the five Jupyter channels.
type sockets struct {
	shell, control, stdin, iopub, hb *socket
}

// bind opens all five sockets on the addresses of the connection file.
func bind(ctx context.Context, ci *ConnectionInfo) (*sockets, error) {
	var ss sockets
	specs := []struct {
		dst  **socket
		name string
		new  func() zmq4.Socket
		port int
	}{
		{&ss.shell, "shell", func() zmq4.Socket { return zmq4.NewRouter(ctx) }, ci.ShellPort},
		{&ss.control, "control", func() zmq4.Socket { return zmq4.NewRouter(ctx) }, ci.ControlPort},
		{&ss.stdin, "stdin", func() zmq4.Socket { return zmq4.NewRouter(ctx) }, ci.StdinPort},
		{&ss.iopub, "iopub", func() zmq4.Socket {
			s := zmq4.NewPub(ctx)
			_ = s.SetOption(zmq4.OptionHWM, iopubHWM)
			return s
		}, ci.IOPubPort},
		{&ss.hb, "heartbeat", func() zmq4.Socket { return zmq4.NewRep(ctx) }, ci.HBPort},
	}
	for _, sp := range specs {
		s, err := listen(ctx, sp.name, sp.new(), ci.Endpoint(sp.port))
		if err != nil {
			ss.close()
			return nil, err
		}
		*sp.dst = s
	}
	return &ss, nil
}

// close closes every open socket.
func (ss *sockets) close() {
	for _, s := range []*socket{ss.shell, ss.control, ss.stdin, ss.iopub, ss.hb} {
		if s != nil {
			s.Close()
		}
	}
}

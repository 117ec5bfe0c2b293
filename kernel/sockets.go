package kernel

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"

	"github.com/go-zeromq/zmq4"
)

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

// removeStaleIPC removes the socket file of an ipc endpoint left behind by
// a kernel that was killed (zmq4 does not remove it, and Listen fails).
func removeStaleIPC(name, endpoint string) error {
	if path, ok := strings.CutPrefix(endpoint, "ipc://"); ok {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("%s: remove stale ipc socket: %w", name, err)
		}
	}
	return nil
}

// listen binds socket s to endpoint.
func listen(name string, s zmq4.Socket, endpoint string) (*socket, error) {
	if err := removeStaleIPC(name, endpoint); err != nil {
		return nil, err
	}
	if err := s.Listen(endpoint); err != nil {
		s.Close()
		return nil, fmt.Errorf("%s: listen on %s: %w", name, endpoint, err)
	}
	return &socket{name: name, Socket: s}, nil
}

// sockets are the five Jupyter channels.
type sockets struct {
	shell, control, stdin, hb *socket
	iopub                     *pubSocket
}

// bind opens all five sockets on the addresses of the connection file.
func bind(ctx context.Context, ci *ConnectionInfo, logger *log.Logger) (*sockets, error) {
	var ss sockets
	// zmq4 logs every peer that connects and leaves without a handshake
	// (port scanners, clients that gave up); keep it in the kernel's log.
	zlog := zmq4.WithLogger(log.New(logger.Writer(), logger.Prefix()+"zmq: ", logger.Flags()))
	specs := []struct {
		dst  **socket
		name string
		new  func() zmq4.Socket
		port int
	}{
		{&ss.shell, "shell", func() zmq4.Socket { return zmq4.NewRouter(ctx, zlog) }, ci.ShellPort},
		{&ss.control, "control", func() zmq4.Socket { return zmq4.NewRouter(ctx, zlog) }, ci.ControlPort},
		{&ss.stdin, "stdin", func() zmq4.Socket { return zmq4.NewRouter(ctx, zlog) }, ci.StdinPort},
		{&ss.hb, "heartbeat", func() zmq4.Socket { return zmq4.NewRep(ctx, zlog) }, ci.HBPort},
	}
	for _, sp := range specs {
		s, err := listen(sp.name, sp.new(), ci.Endpoint(sp.port))
		if err != nil {
			ss.close()
			return nil, err
		}
		*sp.dst = s
	}
	ep := ci.Endpoint(ci.IOPubPort)
	if err := removeStaleIPC("iopub", ep); err != nil {
		ss.close()
		return nil, err
	}
	pub, err := listenPub(ep, logger)
	if err != nil {
		ss.close()
		return nil, fmt.Errorf("iopub: listen on %s: %w", ep, err)
	}
	ss.iopub = pub
	return &ss, nil
}

// close closes every open socket.
func (ss *sockets) close() {
	for _, s := range []*socket{ss.shell, ss.control, ss.stdin, ss.hb} {
		if s != nil {
			s.Close()
		}
	}
	if ss.iopub != nil {
		ss.iopub.Close()
	}
}

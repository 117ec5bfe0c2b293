package kernel

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"time"
)

// pubSocket is the iopub socket: a ZeroMQ PUB socket speaking ZMTP 3.0
// with the NULL mechanism, written for the kernel instead of zmq4's PUB,
// whose send queue is unbounded and drained by one goroutine that blocks
// every subscriber behind the slowest (go-zeromq/zmq4#151).
//
// Each subscriber has its own bounded queue and writer. Publish waits
// (backpressure) while a subscriber's queue is full, so output is never
// dropped for a frontend that keeps reading; a subscriber that has not
// taken a message for subscriberStall is disconnected (its frontend
// reconnects and sees the messages that follow). Memory is bounded by
// maxSubscribers x subscriberQueue messages.
type pubSocket struct {
	ln  net.Listener
	log *log.Logger

	mu   sync.Mutex // serializes Publish, guards subs
	subs map[*subscriber]bool
}

const (
	subscriberQueue = 64              // messages queued per subscriber (stream chunks are at most 64 KiB)
	subscriberStall = 5 * time.Second // no progress for this long: disconnect
	maxSubscribers  = 64
	zmtpGreetingLen = 64
)

// subscriber is one connected SUB peer.
type subscriber struct {
	conn   net.Conn
	queue  chan []byte // encoded messages
	closed chan struct{}
	once   sync.Once

	mu     sync.Mutex
	topics [][]byte // subscriptions (prefixes)
}

// listenPub binds a PUB socket to a tcp:// or ipc:// endpoint.
func listenPub(endpoint string, logger *log.Logger) (*pubSocket, error) {
	network, addr, err := splitEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, err
	}
	p := &pubSocket{ln: ln, log: logger, subs: map[*subscriber]bool{}}
	go p.accept()
	return p, nil
}

// splitEndpoint turns a ZeroMQ endpoint into a net.Listen network and address.
func splitEndpoint(endpoint string) (network, addr string, err error) {
	switch {
	case strings.HasPrefix(endpoint, "tcp://"):
		return "tcp", strings.TrimPrefix(endpoint, "tcp://"), nil
	case strings.HasPrefix(endpoint, "ipc://"):
		return "unix", strings.TrimPrefix(endpoint, "ipc://"), nil
	}
	return "", "", fmt.Errorf("unsupported endpoint %q", endpoint)
}

func (p *pubSocket) accept() {
	for {
		conn, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		go p.serve(conn)
	}
}

// serve runs the handshake with a new peer, then its writer and reader.
func (p *pubSocket) serve(conn net.Conn) {
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(conn)
	if err := handshake(conn, br); err != nil {
		p.logf("iopub: handshake with %s failed: %v", conn.RemoteAddr(), err)
		conn.Close()
		return
	}
	_ = conn.SetDeadline(time.Time{})
	s := &subscriber{conn: conn, queue: make(chan []byte, subscriberQueue), closed: make(chan struct{})}
	p.mu.Lock()
	if len(p.subs) >= maxSubscribers {
		p.mu.Unlock()
		p.logf("iopub: too many subscribers, refusing %s", conn.RemoteAddr())
		conn.Close()
		return
	}
	p.subs[s] = true
	p.mu.Unlock()
	go s.write()
	s.read(br) // until the peer goes away
	p.drop(s)
}

// drop disconnects a subscriber.
func (p *pubSocket) drop(s *subscriber) {
	p.mu.Lock()
	delete(p.subs, s)
	p.mu.Unlock()
	s.close()
}

func (s *subscriber) close() {
	s.once.Do(func() {
		close(s.closed)
		s.conn.Close()
	})
}

// write sends queued messages to the peer.
func (s *subscriber) write() {
	for {
		select {
		case <-s.closed:
			return
		case msg := <-s.queue:
			_ = s.conn.SetWriteDeadline(time.Now().Add(subscriberStall))
			if _, err := s.conn.Write(msg); err != nil {
				s.close()
				return
			}
		}
	}
}

// read reads what the peer sends: subscriptions (ZMTP 3.0 messages
// starting with 1 or 0, or ZMTP 3.1 SUBSCRIBE/CANCEL commands).
func (s *subscriber) read(br *bufio.Reader) {
	for {
		flags, body, err := readFrame(br)
		if err != nil {
			return
		}
		switch {
		case flags&0x04 != 0: // command
			name, rest := commandName(body)
			switch name {
			case "SUBSCRIBE":
				s.subscribe(rest, true)
			case "CANCEL":
				s.subscribe(rest, false)
			}
		case len(body) > 0:
			s.subscribe(body[1:], body[0] == 1)
		}
	}
}

// subscribe adds or removes a topic prefix.
func (s *subscriber) subscribe(topic []byte, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, t := range s.topics {
		if bytes.Equal(t, topic) {
			if !on {
				s.topics = append(s.topics[:i], s.topics[i+1:]...)
			}
			return
		}
	}
	if on {
		s.topics = append(s.topics, append([]byte(nil), topic...))
	}
}

// wants reports whether the subscriber subscribed to a prefix of topic.
func (s *subscriber) wants(topic []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.topics {
		if bytes.HasPrefix(topic, t) {
			return true
		}
	}
	return false
}

// Publish sends a multipart message to every subscriber whose subscription
// matches its first frame. It waits while a subscriber's queue is full and
// disconnects a subscriber that makes no progress for subscriberStall.
func (p *pubSocket) Publish(frames [][]byte) {
	if len(frames) == 0 {
		return
	}
	msg := encodeFrames(frames)
	p.mu.Lock()
	defer p.mu.Unlock()
	for s := range p.subs {
		if !s.wants(frames[0]) {
			continue
		}
		select {
		case s.queue <- msg:
			continue
		case <-s.closed:
			delete(p.subs, s)
			continue
		default:
		}
		t := time.NewTimer(subscriberStall)
		select {
		case s.queue <- msg:
		case <-s.closed:
			delete(p.subs, s)
		case <-t.C:
			p.logf("iopub: subscriber %s stopped reading for %v: disconnecting it", s.conn.RemoteAddr(), subscriberStall)
			delete(p.subs, s)
			s.close()
		}
		t.Stop()
	}
}

// Close closes the listener and every subscriber.
func (p *pubSocket) Close() error {
	err := p.ln.Close()
	p.mu.Lock()
	for s := range p.subs {
		s.close()
	}
	p.subs = map[*subscriber]bool{}
	p.mu.Unlock()
	return err
}

func (p *pubSocket) logf(format string, args ...any) {
	if p.log != nil {
		p.log.Printf(format, args...)
	}
}

// encodeFrames encodes a multipart message as ZMTP frames.
func encodeFrames(frames [][]byte) []byte {
	n := 0
	for _, f := range frames {
		n += 9 + len(f)
	}
	buf := make([]byte, 0, n)
	for i, f := range frames {
		var flags byte
		if i < len(frames)-1 {
			flags |= 0x01
		}
		if len(f) > 255 {
			flags |= 0x02
			buf = append(buf, flags)
			buf = binary.BigEndian.AppendUint64(buf, uint64(len(f)))
		} else {
			buf = append(buf, flags, byte(len(f)))
		}
		buf = append(buf, f...)
	}
	return buf
}

// maxPeerFrame bounds frames read from subscribers (they only send
// subscriptions and handshake commands).
const maxPeerFrame = 1 << 20

// readFrame reads one ZMTP frame.
func readFrame(r *bufio.Reader) (flags byte, body []byte, err error) {
	flags, err = r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	var size uint64
	if flags&0x02 != 0 {
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		size = binary.BigEndian.Uint64(b[:])
	} else {
		b, err := r.ReadByte()
		if err != nil {
			return 0, nil, err
		}
		size = uint64(b)
	}
	if size > maxPeerFrame {
		return 0, nil, fmt.Errorf("frame of %d bytes from a subscriber", size)
	}
	body = make([]byte, size)
	_, err = io.ReadFull(r, body)
	return flags, body, err
}

// commandName splits a command body into its name and data.
func commandName(body []byte) (string, []byte) {
	if len(body) == 0 || int(body[0]) > len(body)-1 {
		return "", nil
	}
	n := int(body[0])
	return string(body[1 : 1+n]), body[1+n:]
}

// handshake exchanges greetings and READY commands (NULL mechanism).
func handshake(conn net.Conn, br *bufio.Reader) error {
	greeting := make([]byte, zmtpGreetingLen)
	greeting[0], greeting[9] = 0xFF, 0x7F
	greeting[10], greeting[11] = 3, 0 // ZMTP 3.0
	copy(greeting[12:32], "NULL")
	if _, err := conn.Write(greeting); err != nil {
		return err
	}
	peer := make([]byte, zmtpGreetingLen)
	if _, err := io.ReadFull(br, peer); err != nil {
		return err
	}
	if peer[0] != 0xFF || peer[9] != 0x7F || peer[10] < 3 {
		return errors.New("not a ZMTP 3 peer")
	}
	if mech := string(bytes.TrimRight(peer[12:32], "\x00")); mech != "NULL" {
		return fmt.Errorf("security mechanism %q (only NULL)", mech)
	}
	if _, err := conn.Write(readyCommand("PUB")); err != nil {
		return err
	}
	flags, body, err := readFrame(br)
	if err != nil {
		return err
	}
	if name, _ := commandName(body); flags&0x04 == 0 || name != "READY" {
		return errors.New("expected READY")
	}
	return nil
}

// readyCommand is the READY command announcing socket type typ.
func readyCommand(typ string) []byte {
	var body []byte
	body = append(body, 5)
	body = append(body, "READY"...)
	body = append(body, byte(len("Socket-Type")))
	body = append(body, "Socket-Type"...)
	body = binary.BigEndian.AppendUint32(body, uint32(len(typ)))
	body = append(body, typ...)
	return append([]byte{0x04, byte(len(body))}, body...)
}

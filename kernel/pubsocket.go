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
// taken a message for subscriberStall is skipped (its messages dropped)
// until it reads again, so it cannot hold the others back. Memory is
// bounded by maxSubscribers x subscriberQueue messages.
type pubSocket struct {
	ln  net.Listener
	log *log.Logger

	mu   sync.Mutex // serializes Publish, guards subs
	subs map[*subscriber]bool

	// welcome, when set, returns the frames of the iopub_welcome message
	// (protocol 5.5) sent to a subscriber for each new subscription: the
	// socket behaves as the XPUB socket of the spec, with a queue of its
	// own per subscriber.
	welcome func(topic []byte) [][]byte
}

const (
	subscriberBytes = 4 << 20         // stream bytes queued per subscriber before Publish waits
	subscriberMsgs  = 10000           // messages queued for a subscriber that reads nothing: disconnect
	subscriberStall = 5 * time.Second // no progress for this long: stop waiting for it
	maxSubscribers  = 64
	zmtpGreetingLen = 64
)

// subscriber is one connected SUB peer.
type subscriber struct {
	conn   net.Conn
	closed chan struct{}
	once   sync.Once

	mu      sync.Mutex
	cond    *sync.Cond
	queue   []queued // messages waiting for the writer
	bytes   int      // size of the droppable messages in queue
	lagging bool     // stopped reading: stream messages are dropped, not waited for
	dropped int
	topics  [][]byte // subscriptions (prefixes)
}

// queued is an encoded message; stream output may be dropped for a
// subscriber that stopped reading, status and results never are.
type queued struct {
	data      []byte
	droppable bool
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
	s := &subscriber{conn: conn, closed: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
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
	s.read(br, p.sendWelcome) // until the peer goes away
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
		s.mu.Lock()
		s.cond.Broadcast()
		s.mu.Unlock()
	})
}

func (s *subscriber) isClosed() bool {
	select {
	case <-s.closed:
		return true
	default:
		return false
	}
}

// write sends queued messages to the peer.
func (s *subscriber) write() {
	for {
		s.mu.Lock()
		for len(s.queue) == 0 && !s.isClosed() {
			s.cond.Wait()
		}
		if s.isClosed() {
			s.mu.Unlock()
			return
		}
		m := s.queue[0]
		s.queue = s.queue[1:]
		if m.droppable {
			s.bytes -= len(m.data)
		}
		s.cond.Broadcast() // room for a waiting Publish
		s.mu.Unlock()
		// No write deadline: a peer that stopped reading stays connected
		// (lagging) and resumes; a dead one is found by TCP keepalive.
		if _, err := s.conn.Write(m.data); err != nil {
			s.close()
			return
		}
	}
}

// enqueue queues a message for the subscriber. A droppable message waits
// for room while the subscriber makes progress; after subscriberStall
// without progress the subscriber is lagging and its droppable messages are
// dropped until it has read half of its queue. It reports false if the
// subscriber must be disconnected.
func (s *subscriber) enqueue(data []byte, droppable bool, logf func(string, ...any)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.isClosed() {
		return false
	}
	if !droppable {
		if len(s.queue) >= subscriberMsgs {
			logf("iopub: subscriber %s has %d messages waiting: disconnecting it", s.conn.RemoteAddr(), len(s.queue))
			return false
		}
		s.queue = append(s.queue, queued{data, false})
		s.cond.Broadcast()
		return true
	}
	if s.lagging {
		if s.bytes > subscriberBytes/2 {
			s.dropped++
			return true
		}
		logf("iopub: subscriber %s is reading again (%d output messages were dropped for it)", s.conn.RemoteAddr(), s.dropped)
		s.lagging, s.dropped = false, 0
	}
	if s.bytes+len(data) > subscriberBytes {
		deadline := time.Now().Add(subscriberStall)
		timer := time.AfterFunc(subscriberStall, func() {
			s.mu.Lock()
			s.cond.Broadcast()
			s.mu.Unlock()
		})
		defer timer.Stop()
		for s.bytes+len(data) > subscriberBytes && s.bytes > 0 && !s.isClosed() {
			if !time.Now().Before(deadline) {
				logf("iopub: subscriber %s took nothing for %v: dropping its output messages until it reads again", s.conn.RemoteAddr(), subscriberStall)
				s.lagging, s.dropped = true, 1
				return true
			}
			before := len(s.queue)
			s.cond.Wait()
			if len(s.queue) < before {
				deadline = time.Now().Add(subscriberStall) // progress
			}
		}
	}
	s.queue = append(s.queue, queued{data, true})
	s.bytes += len(data)
	s.cond.Broadcast()
	return true
}

// read reads what the peer sends: subscriptions (ZMTP 3.0 messages
// starting with 1 or 0, or ZMTP 3.1 SUBSCRIBE/CANCEL commands).
func (s *subscriber) read(br *bufio.Reader, welcome func(*subscriber, []byte)) {
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
				if s.subscribe(rest, true) {
					welcome(s, rest)
				}
			case "CANCEL":
				s.subscribe(rest, false)
			}
		case len(body) > 0:
			if s.subscribe(body[1:], body[0] == 1) && body[0] == 1 {
				welcome(s, body[1:])
			}
		}
	}
}

// subscribe adds or removes a topic prefix. It reports whether the
// subscriptions changed.
func (s *subscriber) subscribe(topic []byte, on bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, t := range s.topics {
		if bytes.Equal(t, topic) {
			if !on {
				s.topics = append(s.topics[:i], s.topics[i+1:]...)
				return true
			}
			return false
		}
	}
	if on {
		s.topics = append(s.topics, append([]byte(nil), topic...))
		return true
	}
	return false
}

// sendWelcome queues the iopub_welcome message for a new subscription of
// s, to s alone (the other subscribers did not subscribe now).
func (p *pubSocket) sendWelcome(s *subscriber, topic []byte) {
	p.mu.Lock() // in order with Publish
	defer p.mu.Unlock()
	if p.welcome == nil {
		return
	}
	frames := p.welcome(topic)
	if len(frames) == 0 {
		return
	}
	if !s.enqueue(encodeFrames(frames), false, p.logf) {
		delete(p.subs, s)
		s.close()
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
// matches its first frame. Stream output waits while a subscriber's queue
// is full, unless that subscriber has stopped reading (see enqueue).
func (p *pubSocket) Publish(frames [][]byte) {
	if len(frames) == 0 {
		return
	}
	msg := encodeFrames(frames)
	droppable := bytes.HasSuffix(frames[0], []byte(".stream"))
	p.mu.Lock()
	defer p.mu.Unlock()
	for s := range p.subs {
		if !s.wants(frames[0]) {
			continue
		}
		if !s.enqueue(msg, droppable, p.logf) {
			delete(p.subs, s)
			s.close()
		}
	}
}

// SetWelcome sets the function that makes iopub_welcome messages.
func (p *pubSocket) SetWelcome(f func(topic []byte) [][]byte) {
	p.mu.Lock()
	p.welcome = f
	p.mu.Unlock()
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

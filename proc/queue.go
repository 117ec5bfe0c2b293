package proc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"

	"gokernel/pipe"
)

// Queue is a FIFO queue shared between processes, like
// multiprocessing.Queue: pass it as an argument to a function run with
// Start, Call or Map, and both sides can Put and Get. Values travel as
// JSON; Get returns plain Go values (whole numbers as int, other numbers
// as float64, strings, bools, []any and map[string]any).
//
// The queue lives in the process that made it (a small Unix socket
// server); copies in child processes talk to it.
type Queue struct {
	Addr string `json:"addr"`

	// Set in the owning process only.
	mu     sync.Mutex
	cond   *sync.Cond
	items  [][]byte
	ln     net.Listener
	closed bool

	// Set in child processes.
	conn net.Conn
	r    *bufio.Reader
}

// NewQueue makes a queue owned by this process.
func NewQueue() (*Queue, error) {
	dir, err := os.MkdirTemp(pipe.TempDir(), "gokernel-queue-")
	if err != nil {
		return nil, err
	}
	addr := filepath.Join(dir, "q.sock")
	ln, err := net.Listen("unix", addr)
	if err != nil {
		return nil, err
	}
	q := &Queue{Addr: addr, ln: ln}
	q.cond = sync.NewCond(&q.mu)
	go q.serve()
	return q, nil
}

// queueOp is one request of a remote copy of a queue.
type queueOp struct {
	Op    string          `json:"op"` // "put", "get" or "len"
	Value json.RawMessage `json:"value,omitempty"`
}

func (q *Queue) serve() {
	for {
		conn, err := q.ln.Accept()
		if err != nil {
			return
		}
		go q.serveConn(conn)
	}
}

func (q *Queue) serveConn(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		var op queueOp
		if err := json.Unmarshal(sc.Bytes(), &op); err != nil {
			return
		}
		var reply []byte
		switch op.Op {
		case "put":
			q.putRaw(op.Value)
			reply = []byte("null")
		case "get":
			v, ok := q.getRaw()
			if !ok {
				return
			}
			reply = v
		case "len":
			reply = []byte(fmt.Sprint(q.Len()))
		}
		if _, err := conn.Write(append(reply, '\n')); err != nil {
			return
		}
	}
}

func (q *Queue) putRaw(v []byte) {
	q.mu.Lock()
	q.items = append(q.items, append([]byte(nil), v...))
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) getRaw() ([]byte, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return nil, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

// remote sends op to the owning process and returns its answer.
func (q *Queue) remote(op queueOp) ([]byte, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.conn == nil {
		c, err := net.Dial("unix", q.Addr)
		if err != nil {
			return nil, fmt.Errorf("proc: queue unreachable: %v", err)
		}
		q.conn, q.r = c, bufio.NewReader(c)
	}
	b, _ := json.Marshal(op)
	if _, err := q.conn.Write(append(b, '\n')); err != nil {
		return nil, err
	}
	line, err := q.r.ReadBytes('\n')
	if err != nil && err != io.EOF {
		return nil, err
	}
	return bytes.TrimSpace(line), nil
}

func (q *Queue) owner() bool { return q.ln != nil }

// Put adds v at the end of the queue.
func (q *Queue) Put(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("proc: %T cannot be put in a queue: %v", v, err)
	}
	if q.owner() {
		q.putRaw(b)
		return nil
	}
	_, err = q.remote(queueOp{Op: "put", Value: b})
	return err
}

// Get removes and returns the first value, waiting until there is one.
// It returns nil once the queue is closed and empty.
func (q *Queue) Get() any {
	if q.owner() {
		b, ok := q.getRaw()
		if !ok {
			return nil
		}
		return decodeAny(b)
	}
	b, err := q.remote(queueOp{Op: "get"})
	if err != nil || len(b) == 0 {
		return nil
	}
	return decodeAny(b)
}

// Len returns the number of values waiting.
func (q *Queue) Len() int {
	if q.owner() {
		q.mu.Lock()
		defer q.mu.Unlock()
		return len(q.items)
	}
	b, err := q.remote(queueOp{Op: "len"})
	if err != nil {
		return 0
	}
	n, _ := decodeAny(b).(int)
	return n
}

// Close ends the queue: waiting Gets return nil. Only the owner closes it.
func (q *Queue) Close() error {
	if !q.owner() {
		if q.conn != nil {
			return q.conn.Close()
		}
		return nil
	}
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
	err := q.ln.Close()
	os.RemoveAll(filepath.Dir(q.Addr))
	return err
}

// Conn is one end of a Pipe.
type Conn struct {
	send, recv *Queue
}

// connJSON is how a Conn travels to another process.
type connJSON struct {
	Send *Queue `json:"send"`
	Recv *Queue `json:"recv"`
}

// MarshalJSON lets a Conn be passed to a child process.
func (c *Conn) MarshalJSON() ([]byte, error) { return json.Marshal(connJSON{c.send, c.recv}) }

// UnmarshalJSON is the child side of MarshalJSON.
func (c *Conn) UnmarshalJSON(b []byte) error {
	var j connJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	c.send, c.recv = j.Send, j.Recv
	return nil
}

// Pipe returns the two ends of a two-way channel between processes, like
// multiprocessing.Pipe(): what one end Sends, the other Recvs.
func Pipe() (*Conn, *Conn, error) {
	a, err := NewQueue()
	if err != nil {
		return nil, nil, err
	}
	b, err := NewQueue()
	if err != nil {
		a.Close()
		return nil, nil, err
	}
	return &Conn{send: a, recv: b}, &Conn{send: b, recv: a}, nil
}

// Send sends v to the other end.
func (c *Conn) Send(v any) error { return c.send.Put(v) }

// Recv receives the next value sent by the other end.
func (c *Conn) Recv() any { return c.recv.Get() }

// Close closes both directions.
func (c *Conn) Close() error {
	c.send.Close()
	return c.recv.Close()
}

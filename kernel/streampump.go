package kernel

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"gokernel/interp/protocol"
)

// Stream coalescing limits: text read from the worker is published at the
// latest streamDelay after it was read, or at once when streamMaxChunk
// bytes are waiting. A full buffer blocks the reader, so a flood of output
// is held back in the worker's pipe instead of in memory.
const (
	streamDelay    = 8 * time.Millisecond
	streamMaxChunk = 64 << 10
)

// streamPump reads one of the worker's output pipes (stdout or stderr),
// publishes the text as stream messages to the current output, coalescing
// small writes, and tracks the flush markers the worker writes into it.
type streamPump struct {
	name   string
	target func() Output
	tail   io.Writer // if set, receives a copy of the text (without markers)

	mu      sync.Mutex
	cond    *sync.Cond
	buf     []byte
	timer   *time.Timer
	reached int64 // highest flush marker seen
	eof     bool
}

// newStreamPump starts pumping r and returns the pump. target returns the
// output to publish to at the time of publishing; tail, if not nil, gets a
// copy of the text.
func newStreamPump(name string, r io.Reader, target func() Output, tail io.Writer) *streamPump {
	p := &streamPump{name: name, target: target, tail: tail}
	p.cond = sync.NewCond(&p.mu)
	go p.run(r)
	return p
}

var (
	markerPrefix = []byte(protocol.MarkerPrefix)
	markerSuffix = []byte(protocol.MarkerSuffix)
)

func (p *streamPump) run(r io.Reader) {
	chunk := make([]byte, 32<<10)
	var carry []byte
	for {
		n, err := r.Read(chunk)
		if n > 0 {
			data := chunk[:n]
			if len(carry) > 0 {
				data = append(carry, data...)
				carry = nil
			}
			carry = p.scan(data)
		}
		if err != nil {
			p.mu.Lock()
			p.buf = append(p.buf, carry...)
			p.flushLocked(true)
			p.eof = true
			p.cond.Broadcast()
			p.mu.Unlock()
			return
		}
	}
}

// scan splits data into text and flush markers and returns a tail that may
// be the start of a marker, to be completed by the next read.
func (p *streamPump) scan(data []byte) (carry []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(data) > 0 {
		i := bytes.Index(data, markerPrefix)
		if i < 0 {
			k := partialSuffix(data, markerPrefix)
			p.appendText(data[:len(data)-k])
			return append([]byte(nil), data[len(data)-k:]...)
		}
		p.appendText(data[:i])
		rest := data[i+len(markerPrefix):]
		j := bytes.Index(rest, markerSuffix)
		if j < 0 {
			if len(rest) > 24 { // not a marker after all
				p.appendText(data[i : i+len(markerPrefix)])
				data = rest
				continue
			}
			return append([]byte(nil), data[i:]...)
		}
		seq, err := strconv.ParseInt(string(rest[:j]), 10, 64)
		if err != nil {
			p.appendText(data[i : i+len(markerPrefix)])
			data = rest
			continue
		}
		p.flushLocked(true)
		if seq > p.reached {
			p.reached = seq
		}
		p.cond.Broadcast()
		data = rest[j+len(markerSuffix):]
	}
	return nil
}

// partialSuffix returns the length of the longest proper prefix of marker
// that data ends with.
func partialSuffix(data, marker []byte) int {
	for k := min(len(marker)-1, len(data)); k > 0; k-- {
		if bytes.HasSuffix(data, marker[:k]) {
			return k
		}
	}
	return 0
}

// appendText adds text to the pending buffer and schedules its publication.
func (p *streamPump) appendText(b []byte) {
	if len(b) == 0 {
		return
	}
	if p.tail != nil {
		_, _ = p.tail.Write(b)
	}
	p.buf = append(p.buf, b...)
	if len(p.buf) >= streamMaxChunk {
		p.flushLocked(false)
		return
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(streamDelay, func() {
			p.mu.Lock()
			p.timer = nil
			p.flushLocked(false)
			p.mu.Unlock()
		})
	}
}

// flushLocked publishes the pending text. Unless all is set, an incomplete
// UTF-8 sequence at the end is kept for the next flush.
func (p *streamPump) flushLocked(all bool) {
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	n := len(p.buf)
	if !all {
		n = completeUTF8(p.buf)
	}
	if n == 0 {
		return
	}
	text := string(p.buf[:n])
	p.buf = append(p.buf[:0], p.buf[n:]...)
	if out := p.target(); out != nil {
		out.Stream(p.name, text)
	}
}

// completeUTF8 returns the length of b without a trailing incomplete rune.
func completeUTF8(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return len(b)
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(b[len(b)-k:]) {
				return len(b)
			}
			return len(b) - k
		}
	}
	return len(b)
}

// waitFor blocks until marker seq has been read (everything before it is
// published), the pipe is closed, or the timeout passes.
func (p *streamPump) waitFor(seq int64, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	t := time.AfterFunc(timeout, func() {
		p.mu.Lock()
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	defer t.Stop()
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.reached < seq && !p.eof {
		if time.Now().After(deadline) {
			return false
		}
		p.cond.Wait()
	}
	return true
}

// waitEOF blocks until the pipe is closed or the timeout passes.
func (p *streamPump) waitEOF(timeout time.Duration) {
	p.waitFor(1<<62, timeout)
}

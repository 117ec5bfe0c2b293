package workerproc

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"gokernel/kernel"
	"gokernel/pipe"
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
// small writes, and keeps it in order with the worker's events.
//
// The worker writes a flush marker before each event whose place in the
// output matters (a display, the end of a cell). Text before marker n is
// published before the event; text after it is held until the event has
// been published (release(n)), so a line printed after a display never
// overtakes it.
type streamPump struct {
	name   string
	target func() kernel.Output
	tail   io.Writer // if set, receives a copy of the text (without markers)

	mu       sync.Mutex
	cond     *sync.Cond
	held     []heldText // text behind markers whose events are not published yet
	buf      []byte     // text after the last marker
	timer    *time.Timer
	reached  int64 // last marker read
	released int64 // last marker whose event was published
	eof      bool
}

// heldText is text that may be published once marker gate is released.
type heldText struct {
	gate int64
	text []byte
}

// newStreamPump starts pumping r and returns the pump. target returns the
// output to publish to at the time of publishing; tail, if not nil, gets a
// copy of the text.
func newStreamPump(name string, r io.Reader, target func() kernel.Output, tail io.Writer) *streamPump {
	p := &streamPump{name: name, target: target, tail: tail}
	p.cond = sync.NewCond(&p.mu)
	go p.run(r)
	return p
}

var (
	markerPrefix = []byte(pipe.MarkerPrefix)
	markerSuffix = []byte(pipe.MarkerSuffix)
)

func (p *streamPump) run(r io.Reader) {
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
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
			p.released = p.reached // nothing more will come: publish everything
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
		p.marker(seq)
		data = rest[j+len(markerSuffix):]
	}
	return nil
}

// marker records that marker seq was read: the text so far goes before
// its event.
func (p *streamPump) marker(seq int64) {
	if len(p.buf) > 0 {
		p.held = append(p.held, heldText{gate: p.reached, text: p.buf})
		p.buf = nil
	}
	if seq > p.reached {
		p.reached = seq
	}
	p.flushLocked(true)
	p.cond.Broadcast()
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
		// Wait (bounded) for the event that holds this text back.
		deadline := time.Now().Add(flushTimeout)
		for p.released < p.reached && time.Now().Before(deadline) {
			p.waitLocked(time.Until(deadline))
		}
		p.released = max(p.released, p.reached)
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

// waitLocked waits on the condition for at most d.
func (p *streamPump) waitLocked(d time.Duration) {
	t := time.AfterFunc(d, func() {
		p.mu.Lock()
		p.cond.Broadcast()
		p.mu.Unlock()
	})
	p.cond.Wait()
	t.Stop()
}

// flushLocked publishes what may be published: held text whose marker is
// released, then the pending text if no marker holds it. Unless all is
// set, an incomplete UTF-8 sequence at the end is kept for later.
func (p *streamPump) flushLocked(all bool) {
	for len(p.held) > 0 && p.held[0].gate <= p.released {
		p.publish(p.held[0].text)
		p.held = p.held[1:]
	}
	if len(p.held) > 0 || p.reached > p.released {
		return
	}
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
	text := p.buf[:n]
	p.buf = append([]byte(nil), p.buf[n:]...)
	p.publish(text)
}

// publish sends text to the current output.
func (p *streamPump) publish(text []byte) {
	if out := p.target(); out != nil && len(text) > 0 {
		out.Stream(p.name, string(text))
	}
}

// release records that the event of marker seq was published: text after
// the marker may follow it now.
func (p *streamPump) release(seq int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if seq > p.released {
		p.released = seq
	}
	p.flushLocked(false)
	p.cond.Broadcast()
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
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.reached < seq && !p.eof {
		if !time.Now().Before(deadline) {
			return false
		}
		p.waitLocked(time.Until(deadline))
	}
	return true
}

// waitEOF blocks until the pipe is closed or the timeout passes.
func (p *streamPump) waitEOF(timeout time.Duration) {
	p.waitFor(1<<62, timeout)
}

package workerproc

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"gokernel/kernel"
	"gokernel/pipe"
)

// recorder is an Output that keeps what it was given.
type recorder struct {
	mu     sync.Mutex
	chunks []string
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	r.chunks = append(r.chunks, text)
	r.mu.Unlock()
}
func (r *recorder) Display(*pipe.Event)                {}
func (r *recorder) Input(string, bool) (string, error) { return "", nil }
func (r *recorder) text() string                       { r.mu.Lock(); defer r.mu.Unlock(); return strings.Join(r.chunks, "") }
func (r *recorder) count() int                         { r.mu.Lock(); defer r.mu.Unlock(); return len(r.chunks) }

func TestStreamPumpMarkersAndText(t *testing.T) {
	pr, pw := io.Pipe()
	rec := &recorder{}
	p := newStreamPump("stdout", pr, func() kernel.Output { return rec }, nil)
	m := pipe.Marker(7)
	checked := make(chan bool)
	go func() {
		pw.Write([]byte("hello "))
		// a marker split across two writes
		pw.Write(m[:5])
		pw.Write(m[5:])
		<-checked
		pw.Write([]byte("world\n"))
		pw.Write([]byte("\x00 not a marker\n"))
		pw.Close()
	}()
	if !p.waitFor(7, 2*time.Second) {
		t.Fatal("marker 7 not seen")
	}
	if got := rec.text(); got != "hello " {
		t.Fatalf("before marker: %q", got)
	}
	close(checked)
	p.waitEOF(2 * time.Second)
	if got := rec.text(); got != "hello world\n\x00 not a marker\n" {
		t.Fatalf("all text: %q", got)
	}
}

func TestStreamPumpCoalesces(t *testing.T) {
	pr, pw := io.Pipe()
	rec := &recorder{}
	p := newStreamPump("stdout", pr, func() kernel.Output { return rec }, nil)
	var want strings.Builder
	go func() {
		for i := 0; i < 10000; i++ {
			line := strings.Repeat("x", i%7) + "\n"
			want.WriteString(line)
			pw.Write([]byte(line))
		}
		pw.Close()
	}()
	p.waitEOF(5 * time.Second)
	if rec.text() != want.String() {
		t.Fatal("text differs")
	}
	if n := rec.count(); n > 50 {
		t.Fatalf("10000 writes published as %d messages", n)
	}
}

func TestStreamPumpKeepsRunesWhole(t *testing.T) {
	for _, s := range []string{"é", "日本", "🙂x"} {
		b := []byte(s)
		for cut := 1; cut < len(b); cut++ {
			if n := completeUTF8(b[:cut]); n > cut || !isPrefixOfRunes(s, string(b[:n])) {
				t.Errorf("%q cut at %d: kept %d", s, cut, n)
			}
		}
		if completeUTF8(b) != len(b) {
			t.Errorf("%q: whole string not complete", s)
		}
	}
}

func isPrefixOfRunes(s, p string) bool {
	for _, r := range p {
		if r == '\uFFFD' {
			return false
		}
	}
	return strings.HasPrefix(s, p)
}

func BenchmarkStreamPump(b *testing.B) {
	line := []byte("a line of output from a goroutine\n")
	b.SetBytes(int64(len(line)))
	pr, pw := io.Pipe()
	rec := &recorder{}
	p := newStreamPump("stdout", pr, func() kernel.Output { return rec }, nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pw.Write(line)
	}
	pw.Close()
	p.waitEOF(10 * time.Second)
}

func TestStreamPumpHoldsTextBehindUnpublishedEvent(t *testing.T) {
	pr, pw := io.Pipe()
	rec := &recorder{}
	p := newStreamPump("stdout", pr, func() kernel.Output { return rec }, nil)
	go func() {
		pw.Write([]byte("before\n"))
		pw.Write(pipe.Marker(1))
		pw.Write([]byte("after\n"))
	}()
	if !p.waitFor(1, 2*time.Second) {
		t.Fatal("marker not seen")
	}
	time.Sleep(5 * streamDelay) // long past the coalescing delay
	if got := rec.text(); got != "before\n" {
		t.Fatalf("text after an unpublished event leaked: %q", got)
	}
	p.release(1)
	deadline := time.Now().Add(2 * time.Second)
	for rec.text() != "before\nafter\n" && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if got := rec.text(); got != "before\nafter\n" {
		t.Fatalf("after release: %q", got)
	}
	pw.Close()
}

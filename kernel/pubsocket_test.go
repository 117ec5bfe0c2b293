package kernel

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// rawSub connects to the PUB socket, handshakes and subscribes to
// everything, then never reads: a frontend that stopped reading.
func rawSub(t *testing.T, addr string) net.Conn {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	g := make([]byte, zmtpGreetingLen)
	g[0], g[9], g[10] = 0xFF, 0x7F, 3
	copy(g[12:], "NULL")
	c.Write(g)
	c.Write(readyCommand("SUB"))
	peer := make([]byte, zmtpGreetingLen)
	if _, err := br.Read(peer); err != nil {
		t.Fatal(err)
	}
	c.Write(encodeFrames([][]byte{{1}})) // subscribe to ""
	return c
}

func TestPubSocketWithZmq4Sub(t *testing.T) {
	p, err := listenPub("tcp://127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ep := "tcp://" + p.ln.Addr().String()
	sub := zmq4.NewSub(context.Background())
	defer sub.Close()
	if err := sub.Dial(ep); err != nil {
		t.Fatal(err)
	}
	sub.SetOption(zmq4.OptionSubscribe, "kernel.")
	waitSubscribers(t, p, 1)
	p.Publish([][]byte{[]byte("other.topic"), []byte("filtered out")})
	p.Publish([][]byte{[]byte("kernel.x.status"), []byte("a"), {}, bytes.Repeat([]byte("z"), 1000)})
	msg, err := sub.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Frames) != 4 || string(msg.Frames[1]) != "a" || len(msg.Frames[2]) != 0 || len(msg.Frames[3]) != 1000 {
		t.Fatalf("frames %q", msg.Frames)
	}
}

func waitSubscribers(t *testing.T, p *pubSocket, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		ready := 0
		for s := range p.subs {
			if s.wants([]byte("kernel.")) {
				ready++
			}
		}
		p.mu.Unlock()
		if ready >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("fewer than %d subscribers", n)
}

func TestPubSocketStalledSubscriberIsSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the stall timeout")
	}
	p, err := listenPub("tcp://127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	stalled := rawSub(t, p.ln.Addr().String())
	defer stalled.Close()
	waitSubscribers(t, p, 1)
	chunk := bytes.Repeat([]byte("x"), 64<<10)
	start := time.Now()
	for i := 0; i < 2000; i++ { // 128 MB, far beyond queue and socket buffers
		p.Publish([][]byte{[]byte("kernel.x.stream"), chunk})
	}
	if d := time.Since(start); d > 2*subscriberStall {
		t.Fatalf("publishing took %v: the stalled subscriber held it back", d)
	}
	// Status messages are never dropped, even for it.
	p.Publish([][]byte{[]byte("kernel.x.status"), []byte("idle")})
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.subs) != 1 {
		t.Fatalf("%d subscribers, want the stalled one still attached", len(p.subs))
	}
	for s := range p.subs {
		s.mu.Lock()
		lagging, dropped, queued := s.lagging, s.dropped, s.bytes
		last := s.queue[len(s.queue)-1]
		s.mu.Unlock()
		if !lagging || dropped == 0 || queued > subscriberBytes {
			t.Fatalf("stalled subscriber: lagging %v, dropped %d, queued %d bytes", lagging, dropped, queued)
		}
		if last.droppable {
			t.Fatal("the status message was not queued")
		}
	}
}

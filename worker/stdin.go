package worker

import (
	"errors"
	"gokernel/pipe"
	"os"
	"sync"
)

// inputReader is the Stdin of cells: when a cell reads and nothing is
// buffered, it asks the frontend for a line with an input request.
type inputReader struct {
	w       *server
	allow   bool
	replies chan *pipe.Request
	mu      sync.Mutex
	buf     []byte
}

// Read implements io.Reader.
func (r *inputReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.buf) == 0 {
		if !r.allow {
			_, _ = os.Stderr.WriteString(pipe.ErrNoStdin.Error() + "\n")
			return 0, pipe.ErrNoStdin
		}
		r.w.emit(&pipe.Event{Kind: pipe.EvInput}, true)
		reply := <-r.replies
		if reply == nil {
			return 0, errors.New("input interrupted")
		}
		if reply.Code != "" {
			return 0, errors.New(reply.Code)
		}
		r.buf = append([]byte(reply.Value), '\n')
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

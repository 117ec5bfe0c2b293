package measure

import "sync/atomic"

// Peak counts the goroutines inside a section (a request being served, a
// job holding a semaphore) and remembers the most there were at once. The
// zero value is ready to use and it is safe for concurrent use:
//
//	var inside measure.Peak
//	...
//	leave := inside.Enter()
//	defer leave()
//	...
//	fmt.Println("at most", inside.Max(), "at once")
type Peak struct {
	now, max atomic.Int64
}

// Enter records that one more goroutine is inside and returns the function
// that records its leaving (call it once, typically deferred).
func (p *Peak) Enter() (leave func()) {
	n := p.now.Add(1)
	for {
		m := p.max.Load()
		if n <= m || p.max.CompareAndSwap(m, n) {
			break
		}
	}
	return func() { p.now.Add(-1) }
}

// Now is how many goroutines are inside.
func (p *Peak) Now() int64 { return p.now.Load() }

// Max is the most goroutines that were inside at once.
func (p *Peak) Max() int64 { return p.max.Load() }

// Reset forgets the maximum (goroutines still inside stay counted).
func (p *Peak) Reset() { p.max.Store(p.now.Load()) }

package generic

// The rule for the generic functions and types of the standard library in
// cells, chosen per function:
//
//   - those of slices, maps and cmp run as compiled instantiations for the
//     builtin element types (z_instances.go, Ident): the cell compiler
//     rewrites a call into the instantiation for the type arguments the
//     checker inferred; other type arguments are refused clearly;
//   - iter.Seq and iter.Seq2 are written as the function types they stand
//     for (the cell compiler's iterSeq);
//   - those whose behaviour a few lines of plain Go give exactly, for every
//     type argument (the cells' types included), are written as generic Go
//     source that the interpreter instantiates itself: Source, which the
//     session evaluates once in its prelude, and the cell compiler rewrites
//     a use of one (sync.OnceValue, atomic.Pointer[T]...) into its name in
//     Source (SourceName), with the type arguments the checker inferred
//     (the interpreter does not infer them from compiled functions), and
//     writes the types that mention one with that name. They are sync.OnceValue, sync.OnceValues,
//     atomic.Pointer[T] (a pointer guarded by a mutex: the same methods and
//     results), iter.Pull and iter.Pull2 (the sequence runs on a goroutine
//     that hands over each value on channels: the same next and stop, a
//     panic of the sequence reaching the caller of next or stop);
//   - the others are refused with a clear error.

// sourceNames maps the generic functions and types of the standard library
// that Source writes ("import/path.Name") to their names in Source.
var sourceNames = map[string]string{
	"sync.OnceValue":      "__gkOnceValue",
	"sync.OnceValues":     "__gkOnceValues",
	"sync/atomic.Pointer": "__gkPointer",
	"iter.Pull":           "__gkPull",
	"iter.Pull2":          "__gkPull2",
}

// SourceName returns the name in Source of the generic function or type
// key of the standard library ("sync.OnceValue", "sync/atomic.Pointer":
// import path, dot, name), or "" when Source does not write it.
func SourceName(key string) string { return sourceNames[key] }

// Source is Go source that the interpreter runs: the generic functions and
// types of the standard library listed in sourceNames, with the semantics
// of Go's (its names start with __gk, as the prelude's, which imports sync
// as __gksync). A recovered value goes through __gkrt.Recovered, as the
// cells' recover does; a receive is assigned before it is returned.
const Source = `
func __gkOnceValue[T any](f func() T) func() T {
	var once __gksync.Once
	var valid bool
	var p any
	var result T
	g := func() {
		defer func() {
			p = __gkrt.Recovered(recover())
			if !valid {
				panic(p)
			}
		}()
		result = f()
		f = nil
		valid = true
	}
	return func() T {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

func __gkOnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var once __gksync.Once
	var valid bool
	var p any
	var r1 T1
	var r2 T2
	g := func() {
		defer func() {
			p = __gkrt.Recovered(recover())
			if !valid {
				panic(p)
			}
		}()
		r1, r2 = f()
		f = nil
		valid = true
	}
	return func() (T1, T2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}

type __gkPointer[T any] struct {
	mu __gksync.Mutex
	v  *T
}

func (p *__gkPointer[T]) Load() *T {
	p.mu.Lock()
	v := p.v
	p.mu.Unlock()
	return v
}

func (p *__gkPointer[T]) Store(v *T) {
	p.mu.Lock()
	p.v = v
	p.mu.Unlock()
}

func (p *__gkPointer[T]) Swap(v *T) *T {
	p.mu.Lock()
	old := p.v
	p.v = v
	p.mu.Unlock()
	return old
}

func (p *__gkPointer[T]) CompareAndSwap(old, v *T) bool {
	p.mu.Lock()
	swapped := p.v == old
	if swapped {
		p.v = v
	}
	p.mu.Unlock()
	return swapped
}

func __gkPull[V any](seq func(func(V) bool)) (func() (V, bool), func()) {
	var v V
	var ok, done, running, stopping, panicked bool
	var p any
	in := make(chan bool)
	out := make(chan struct{})
	body := func() {
		defer func() {
			if r := __gkrt.Recovered(recover()); r != nil {
				p, panicked = r, true
			}
			var zv V
			v, ok, done = zv, false, true
			out <- struct{}{}
		}()
		if start := <-in; !start {
			return
		}
		seq(func(x V) bool {
			if done || stopping {
				return false
			}
			v, ok = x, true
			out <- struct{}{}
			more := <-in
			return more
		})
	}
	next := func() (V, bool) {
		if done {
			var zv V
			return zv, false
		}
		if !running {
			running = true
			go body()
		}
		in <- true
		<-out
		if panicked {
			panicked = false
			panic(p)
		}
		return v, ok
	}
	stop := func() {
		if done {
			return
		}
		if !running {
			done = true
			return
		}
		stopping = true
		in <- false
		<-out
		if panicked {
			panicked = false
			panic(p)
		}
	}
	return next, stop
}

func __gkPull2[K, V any](seq func(func(K, V) bool)) (func() (K, V, bool), func()) {
	var k K
	var v V
	var ok, done, running, stopping, panicked bool
	var p any
	in := make(chan bool)
	out := make(chan struct{})
	body := func() {
		defer func() {
			if r := __gkrt.Recovered(recover()); r != nil {
				p, panicked = r, true
			}
			var zk K
			var zv V
			k, v, ok, done = zk, zv, false, true
			out <- struct{}{}
		}()
		if start := <-in; !start {
			return
		}
		seq(func(x K, y V) bool {
			if done || stopping {
				return false
			}
			k, v, ok = x, y, true
			out <- struct{}{}
			more := <-in
			return more
		})
	}
	next := func() (K, V, bool) {
		if done {
			var zk K
			var zv V
			return zk, zv, false
		}
		if !running {
			running = true
			go body()
		}
		in <- true
		<-out
		if panicked {
			panicked = false
			panic(p)
		}
		return k, v, ok
	}
	stop := func() {
		if done {
			return
		}
		if !running {
			done = true
			return
		}
		stopping = true
		in <- false
		<-out
		if panicked {
			panicked = false
			panic(p)
		}
	}
	return next, stop
}
`

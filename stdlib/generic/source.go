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
func __gkOnceValue[__gkT any](f func() __gkT) func() __gkT {
	var once __gksync.Once
	var valid bool
	var p any
	var result __gkT
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
	return func() __gkT {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return result
	}
}

func __gkOnceValues[__gkT1, __gkT2 any](f func() (__gkT1, __gkT2)) func() (__gkT1, __gkT2) {
	var once __gksync.Once
	var valid bool
	var p any
	var r1 __gkT1
	var r2 __gkT2
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
	return func() (__gkT1, __gkT2) {
		once.Do(g)
		if !valid {
			panic(p)
		}
		return r1, r2
	}
}

type __gkPointer[__gkT any] struct {
	mu __gksync.Mutex
	v  *__gkT
}

func (p *__gkPointer[__gkT]) Load() *__gkT {
	p.mu.Lock()
	v := p.v
	p.mu.Unlock()
	return v
}

func (p *__gkPointer[__gkT]) Store(v *__gkT) {
	p.mu.Lock()
	p.v = v
	p.mu.Unlock()
}

func (p *__gkPointer[__gkT]) Swap(v *__gkT) *__gkT {
	p.mu.Lock()
	old := p.v
	p.v = v
	p.mu.Unlock()
	return old
}

func (p *__gkPointer[__gkT]) CompareAndSwap(old, v *__gkT) bool {
	p.mu.Lock()
	swapped := p.v == old
	if swapped {
		p.v = v
	}
	p.mu.Unlock()
	return swapped
}

func __gkPull[__gkV any](seq func(func(__gkV) bool)) (func() (__gkV, bool), func()) {
	var v __gkV
	var ok, done, running, stopping, panicked bool
	var p any
	in := make(chan bool)
	out := make(chan struct{})
	body := func() {
		defer func() {
			if r := __gkrt.Recovered(recover()); r != nil {
				p, panicked = r, true
			}
			var zv __gkV
			v, ok, done = zv, false, true
			out <- struct{}{}
		}()
		if start := <-in; !start {
			return
		}
		seq(func(x __gkV) bool {
			if done || stopping {
				return false
			}
			v, ok = x, true
			out <- struct{}{}
			more := <-in
			return more
		})
	}
	next := func() (__gkV, bool) {
		if done {
			var zv __gkV
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

func __gkPull2[__gkK, __gkV any](seq func(func(__gkK, __gkV) bool)) (func() (__gkK, __gkV, bool), func()) {
	var k __gkK
	var v __gkV
	var ok, done, running, stopping, panicked bool
	var p any
	in := make(chan bool)
	out := make(chan struct{})
	body := func() {
		defer func() {
			if r := __gkrt.Recovered(recover()); r != nil {
				p, panicked = r, true
			}
			var zk __gkK
			var zv __gkV
			k, v, ok, done = zk, zv, false, true
			out <- struct{}{}
		}()
		if start := <-in; !start {
			return
		}
		seq(func(x __gkK, y __gkV) bool {
			if done || stopping {
				return false
			}
			k, v, ok = x, y, true
			out <- struct{}{}
			more := <-in
			return more
		})
	}
	next := func() (__gkK, __gkV, bool) {
		if done {
			var zk __gkK
			var zv __gkV
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

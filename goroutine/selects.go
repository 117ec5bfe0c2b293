package goroutine

import (
	"reflect"
	"sync"
)

// Select statements. yaegi keeps the cases of a select statement in the
// statement's compiled node and fills them in on each run, so two
// goroutines running the same select at once (the goroutines of two calls
// of one function) could send on, or receive from, each other's channels,
// or send each other's values. The cell compiler writes every select as a
// call of RunSelect, whose cases are its own, and a switch on the case it
// chose:
//
//	select { case v := <-in: A; case out <- x: B; default: C }
//	->  { __gkc0 := in; var __gkr0 T; var __gko0 bool; __gkc1 := out; var __gks1 U = x
//	      switch __gkrt.RunSelect(true, __gkrt.SelectRecv(__gkc0, &__gkr0, &__gko0), __gkrt.SelectSend(__gkc1, &__gks1)) {
//	      case 0: v := __gkr0; A; case 1: B; case -1: C } }

// A SelectCase is a case of RunSelect: made by SelectRecv or SelectSend.
type SelectCase struct {
	recv bool
	ch   reflect.Value
	val  reflect.Value // the variable received into, or the value sent
	ok   *bool
}

// SelectRecv is the case receiving from ch, a channel, into *into (a
// pointer to a variable of the channel's element type), with *ok set to
// whether the value came from a send (ok may be nil).
func SelectRecv(ch, into any, ok *bool) SelectCase {
	return SelectCase{recv: true, ch: reflect.ValueOf(ch), val: reflect.ValueOf(into).Elem(), ok: ok}
}

// SelectSend is the case sending *from (a pointer to a value of the
// channel's element type) on ch.
func SelectSend(ch, from any) SelectCase {
	return SelectCase{ch: reflect.ValueOf(ch), val: reflect.ValueOf(from).Elem()}
}

// Stopped is the panic of a RunSelect waiting when the cells' runs are
// stopped (StopSelects): the goroutine ends, as the interpreter ends its
// goroutines' selects then.
var Stopped = &stoppedSelect{}

type stoppedSelect struct{}

func (*stoppedSelect) Error() string { return "the select was stopped by an interrupt" }

var (
	stopMu sync.Mutex
	stop   = make(chan struct{})
)

// StopSelects ends every RunSelect waiting now (an interrupt: yaegi ends the
// selects of all the goroutines of the interpreter then).
func StopSelects() {
	stopMu.Lock()
	close(stop)
	stop = make(chan struct{})
	stopMu.Unlock()
}

// RunSelect runs a select statement with cases, and a default case when
// hasDefault: it returns the index of the case that ran, -1 for the
// default. A receive sets its variable (the zero value when the channel is
// closed) and ok.
func RunSelect(hasDefault bool, cases ...SelectCase) int {
	rc := make([]reflect.SelectCase, len(cases), len(cases)+1)
	for i, c := range cases {
		ch := c.ch
		if !ch.IsValid() || ch.Kind() != reflect.Chan {
			ch = reflect.Value{}
		}
		if c.recv {
			rc[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: ch}
		} else {
			if ch.IsValid() && ch.IsNil() {
				ch = reflect.Value{} // a nil channel's case never runs
			}
			rc[i] = reflect.SelectCase{Dir: reflect.SelectSend, Chan: ch, Send: c.val}
			if !ch.IsValid() {
				rc[i].Send = reflect.Value{}
			}
		}
	}
	if hasDefault {
		rc = append(rc, reflect.SelectCase{Dir: reflect.SelectDefault})
	} else {
		stopMu.Lock()
		rc = append(rc, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(stop)})
		stopMu.Unlock()
	}
	i, v, ok := reflect.Select(rc)
	if i == len(cases) {
		if hasDefault {
			return -1
		}
		panic(Stopped)
	}
	if c := cases[i]; c.recv {
		if ok {
			c.val.Set(v)
		} else {
			c.val.Set(reflect.Zero(c.val.Type()))
		}
		if c.ok != nil {
			*c.ok = ok
		}
	}
	return i
}

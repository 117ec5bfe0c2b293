package main

import (
	"errors"
	"fmt"
	"time"
)

type S interface{ String() string }

type Named struct{ n string }

func (n Named) String() string { return "N:" + n.n }

type wrapErr struct{ Inner error }

func (w wrapErr) Error() string { return "wrap: " + w.Inner.Error() }
func (w wrapErr) Unwrap() error { return w.Inner }

func walk(err error) int {
	n := 0
	for err != nil {
		n++
		if u, ok := err.(interface{ Unwrap() error }); ok {
			err = u.Unwrap()
			continue
		}
		if m, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range m.Unwrap() {
				n += walk(e)
			}
		}
		break
	}
	return n
}

func main() {
	for _, x := range []any{time.Second, Named{"a"}, 3} {
		if s, ok := x.(S); ok {
			fmt.Println("stringer", s.String())
		} else {
			fmt.Println("not", x)
		}
		switch v := x.(type) {
		case S:
			fmt.Println("case S", v.String())
		default:
			fmt.Println("default", v)
		}
	}
	base := errors.New("base")
	e1 := fmt.Errorf("one: %w", base)
	j := errors.Join(e1, errors.New("other"))
	fmt.Println(walk(e1), walk(j), wrapErr{e1}.Unwrap() == e1)
	var err error = e1
	u := err.(interface{ Unwrap() error })
	fmt.Println(u.Unwrap() == base)
}

package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ key string }

func (e NotFound) Error() string { return "not found: " + e.key }

type Timeout struct{ after, limit int }

func (e *Timeout) Error() string { return fmt.Sprint("timeout ", e.after, "/", e.limit) }

var ErrClosed = errors.New("closed")

func find(k string) error {
	switch k {
	case "a":
		return nil
	case "t":
		return &Timeout{3, 5}
	case "c":
		return ErrClosed
	}
	return NotFound{k}
}

func describe(err error) string {
	if nf, ok := err.(NotFound); ok {
		return "missing " + nf.key
	}
	if t, ok := err.(*Timeout); ok {
		return fmt.Sprint("slow ", t.after)
	}
	if errors.Is(err, ErrClosed) {
		return "closed"
	}
	return fmt.Sprint("other ", err)
}

func main() {
	for _, k := range []string{"a", "b", "t", "c"} {
		err := find(k)
		fmt.Println(k, err, describe(err))
	}
	err := find("zz")
	nf := err.(NotFound)
	fmt.Println(nf.key, nf)
	var e2 error = NotFound{"v"}
	_, ok := e2.(NotFound)
	fmt.Println(ok)
}

package main

import "fmt"

type Reader interface{ Read() string }
type Closer interface{ Close() error }
type ReadCloser interface {
	Reader
	Closer
}

type file struct{ closed bool }

func (f *file) Read() string { return "data" }
func (f *file) Close() error { f.closed = true; return nil }

func main() {
	f := &file{}
	var rc ReadCloser = f
	fmt.Println(rc.Read())
	var r Reader = rc
	fmt.Println(r.Read())
	fmt.Println(rc.Close(), f.closed)
	_, isCloser := r.(Closer)
	fmt.Println(isCloser)
}

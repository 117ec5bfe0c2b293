package main

import (
	"fmt"
	"io"
	"strings"
)

type rw struct{ strings.Builder }

func (r *rw) Read(p []byte) (int, error) { return 0, io.EOF }

func main() {
	var w io.Writer = &rw{}
	if r, ok := w.(io.Reader); ok {
		n, err := r.Read(make([]byte, 4))
		fmt.Println("reader", n, err)
	}
	if _, ok := w.(io.Closer); !ok {
		fmt.Println("not a closer")
	}
	if sw, ok := w.(io.StringWriter); ok {
		sw.WriteString("hi")
		fmt.Println(w.(*rw).String())
	}
}

package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

type name string

func (n name) String() string { return strings.ToUpper(string(n)) }

// Compile-time checks: blank vars whose values do nothing.
var _ io.Writer = (*counter)(nil)
var _ fmt.Stringer = name("")
var _ io.Writer = &counter{}
var _ = os.Stdout

var log []string

func note(s string) int {
	log = append(log, s)
	return len(log)
}

// Initializers with effects run in declaration order, blank or not.
var a = note("a")
var _ = note("blank 1")
var b, _ = note("b"), note("blank 2")
var _, c = note("blank 3"), note("c")

func main() {
	fmt.Println(strings.Join(log, ", "))
	fmt.Println(a, b, c)
	var w io.Writer = &counter{}
	fmt.Fprint(w, "hello")
	fmt.Println(w.(*counter).n, name("go"))
}

// A value of a pointer type of the cells implementing io.Writer passed to
// a function of the cells with an io.Writer parameter (the decorator and
// counting-writer patterns): the kernel's check against a nil pointer
// wrapped the argument in a call returning *Plain, which yaegi then would
// not convert ("reflect.Set: value of type *struct { N int } is not
// assignable to type io.Writer"); the check now returns the interface
// (held-out o24; no corpus program passed a writer of the cells to a
// function of the cells).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type Counter struct {
	W io.Writer
	n int
}

func (c *Counter) Write(p []byte) (int, error) { c.n += len(p); return c.W.Write(p) }

type Report struct{ Title string }

func (r Report) Render(w io.Writer) (int64, error) {
	n, err := fmt.Fprintf(w, "-- %s --\n", r.Title)
	return int64(n), err
}

func render(w io.Writer, lines ...string) int {
	total := 0
	for _, l := range lines {
		n, _ := io.WriteString(w, l+"\n")
		total += n
	}
	return total
}

type Upper struct{ W io.Writer }

func (u *Upper) Write(p []byte) (int, error) { return u.W.Write([]byte(strings.ToUpper(string(p)))) }

func main() {
	c := &Counter{W: os.Stdout}
	fmt.Println(render(c, "a", "bb"), c.n)
	n, err := Report{"Q1"}.Render(c)
	fmt.Println(n, err, c.n)
	var sb strings.Builder
	u := &Upper{W: &sb}
	render(u, "shout")
	Report{"quiet"}.Render(&Upper{W: c})
	fmt.Printf("%q %d\n", sb.String(), c.n)
}

// %T of values held in an interface of a compiled package (io.Writer):
// io.Discard made yaegi panic ("reflect: Field index out of bounds") as the
// kernel tried the cells' types on it; values of the standard library's
// types are now named at once.
package main

import (
	"fmt"
	"io"
	"strings"
)

type ByteCounter int

func (c *ByteCounter) Write(p []byte) (int, error) {
	*c += ByteCounter(len(p))
	return len(p), nil
}

func main() {
	bc := new(ByteCounter)
	var sb strings.Builder
	for _, w := range []io.Writer{bc, io.Discard, &sb} {
		fmt.Fprintln(w, "one two three")
		fmt.Printf("%T ", w)
	}
	fmt.Println(*bc, sb.Len())
}

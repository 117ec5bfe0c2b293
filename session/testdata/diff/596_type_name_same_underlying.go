// %T of values of several types of the cells with the same underlying
// type (ByteCounter, WordCounter: int) held in an interface of a compiled
// package: yaegi holds them in its wrapper without their types, so the
// kernel cannot tell them apart; a clear error (it printed the wrapper's
// name, stdlib._io_Writer, once io.Discard stopped panicking).
package main

import (
	"fmt"
	"io"
)

type ByteCounter int

func (c *ByteCounter) Write(p []byte) (int, error) { *c += ByteCounter(len(p)); return len(p), nil }

type WordCounter int

func (c *WordCounter) Write(p []byte) (int, error) { *c++; return len(p), nil }

func main() {
	for _, w := range []io.Writer{new(ByteCounter), new(WordCounter)} {
		fmt.Fprintln(w, "one two")
		fmt.Printf("%T\n", w)
	}
}

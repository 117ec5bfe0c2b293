// io.Copy prefers the WriterTo and ReaderFrom methods of the cells'
// types; a named non-struct Writer keeps its type in an io.Writer.
package main

import (
	"fmt"
	"io"
	"strings"
)

type Doc struct{ lines []string }

func (d *Doc) Read(p []byte) (int, error) { return 0, io.EOF }

func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, strings.Join(d.lines, "\n")+"\n")
	return int64(n), err
}

type Bag struct{ words []string }

func (b *Bag) Write(p []byte) (int, error) { return len(p), nil }

func (b *Bag) ReadFrom(r io.Reader) (int64, error) {
	data, err := io.ReadAll(r)
	b.words = strings.Fields(string(data))
	return int64(len(data)), err
}

type Counter int

func (c *Counter) Write(p []byte) (int, error) {
	*c += Counter(len(p))
	return len(p), nil
}

type Lines int

func (l *Lines) Write(p []byte) (int, error) {
	*l += Lines(strings.Count(string(p), "\n"))
	return len(p), nil
}

func main() {
	var sb strings.Builder
	n, err := io.Copy(&sb, &Doc{[]string{"# Title", "body"}})
	fmt.Printf("%d %v %q\n", n, err, sb.String())
	bag := &Bag{}
	n, err = io.Copy(bag, strings.NewReader("the quick brown fox"))
	fmt.Println(n, err, bag.words, len(bag.words))
	var c Counter
	var l Lines
	for _, w := range []io.Writer{&c, &l, &sb} {
		fmt.Fprintf(w, "one\ntwo\n")
		fmt.Printf("%T ", w)
	}
	fmt.Println(c, l)
	if p, ok := io.Writer(&l).(*Counter); ok {
		fmt.Println("wrong", *p)
	} else {
		fmt.Println("a *Lines is not a *Counter")
	}
}

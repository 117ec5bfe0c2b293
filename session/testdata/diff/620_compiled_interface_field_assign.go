// An operator's result assigned to an interface field of a compiled
// struct: container/ring and container/list values, fs.PathError.
package main

import (
	"container/list"
	"container/ring"
	"errors"
	"fmt"
	"io/fs"
)

func main() {
	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	sum := 0
	r.Do(func(v any) { sum += v.(int) })
	fmt.Println("ring sum", sum)

	var one ring.Ring
	x := 2.5
	one.Value = x * 2
	fmt.Printf("%v %T\n", one.Value, one.Value)

	l := list.New()
	for _, w := range []string{"a", "b", "c"} {
		e := l.PushBack(w)
		e.Value = w + w
	}
	e := l.Front()
	e.Value = -len(e.Value.(string))
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println()

	n := 3
	pe := &fs.PathError{Op: "open", Path: "x"}
	pe.Err = errors.New("bad")
	fmt.Println(pe, n > 2)
	ok := ring.New(1)
	ok.Value = n > 2 && pe.Op == "open"
	fmt.Println(ok.Value)
}

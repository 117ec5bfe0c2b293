// A pointer to a named type of the cells without methods (type Label
// string) held in an any: to yaegi, a *string (%T printed *string,
// a.(*string) held, a type switch chose case *string). The compiler gives
// such types a hidden pointer method, so the interpreter keeps the type,
// and assertions to *string look at it.
package main

import "fmt"

type Label string

type Count int

func (c *Count) Inc() { *c++ }

func main() {
	l := Label("x")
	var a any = &l
	_, isStr := a.(*string)
	p, isLabel := a.(*Label)
	fmt.Printf("%T %v %v %v\n", a, isStr, isLabel, *p)
	c := Count(1)
	var b any = &c
	q, ok := b.(*Count)
	q.Inc()
	fmt.Printf("%T %v %d\n", b, ok, c)
	switch v := a.(type) {
	case *string:
		fmt.Println("string", *v)
	case *Label:
		fmt.Println("label", *v)
	}
}

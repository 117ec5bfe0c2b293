// Deferred calls that panic, and deferred calls in loops, in functions
// whose deferred calls recover: yaegi stops running the deferred calls at
// the first that panics (an earlier-deferred recover never saw "second
// panic": the program ended with it), and evaluates the arguments of a
// deferred call in a loop when the function returns (defer3 defer3 defer3
// for defer2 defer1 defer0), both found by a held-out program.
package main

import (
	"errors"
	"fmt"
)

func nestedPanic() (msg string) {
	defer func() {
		r := recover()
		msg = fmt.Sprint("outer recovered: ", r)
	}()
	defer func() {
		panic("second panic")
	}()
	panic("first panic")
}

func rePanic() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("converted: %v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("wrapped(", r, ")"))
		}
	}()
	var m map[string]int
	m["x"] = 1
	return nil
}

func noPanic() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "recovered"
		}
	}()
	defer func() { s += "!" }()
	return "fine"
}

func deferOrder() {
	defer func() { fmt.Println("| literal") }()
	for i := range 3 {
		defer fmt.Print("defer", i, " ")
	}
	x := 10
	defer fmt.Println("args evaluated early: x =", x)
	x = 20
}

func cleanup(names []string) (closed []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	for _, n := range names {
		defer func(name string) { closed = append(closed, name) }(n)
		if n == "bad" {
			panic("cannot open " + n)
		}
	}
	return closed, nil
}

func main() {
	fmt.Println(nestedPanic())
	fmt.Println(rePanic())
	fmt.Println(noPanic())
	deferOrder()
	fmt.Println(cleanup([]string{"a", "b"}))
	fmt.Println(cleanup([]string{"a", "bad", "c"}))
}

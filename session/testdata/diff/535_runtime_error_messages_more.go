package main

import (
	"errors"
	"fmt"
	"runtime"
)

func catch(name string, f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		if e, ok := r.(error); ok {
			fmt.Println(name, "->", e.Error(), isRT)
			return
		}
		fmt.Println(name, "->", r, isRT)
	}()
	f()
}

type I interface{ M() }
type J interface {
	A()
	B()
}
type S struct{ n int }

func (S) A() {}

type K int

func main() {
	zero := 0
	i, one, two := 5, 1, 2
	s := []int{1, 2, 3}
	arr := [3]int{}
	str := "abc"
	catch("div", func() { _ = 1 / zero })
	catch("mod", func() { _ = 1 % zero })
	catch("index", func() { _ = s[i] })
	catch("index neg", func() { j := -1; _ = s[j] })
	catch("array index", func() { _ = arr[i] })
	catch("string index", func() { _ = str[i] })
	catch("slice", func() { _ = s[1:i] })
	catch("slice3 max", func() { _ = s[1:2:i] })
	catch("slice3 hi", func() { _ = s[0:i:3] })
	catch("slice3 lo", func() { _ = s[two:one:3] })
	catch("slice3 ok", func() { fmt.Println(s[one:two:3], s[:two:two]) })
	catch("string slice", func() { _ = str[i:] })
	catch("assert", func() { var x any = "s"; _ = x.(int) })
	catch("assert nil", func() { var x any; _ = x.(int) })
	catch("assert iface", func() { var x any = 1; _ = x.(I) })
	catch("assert iface nil", func() { var x any; _ = x.(I) })
	catch("assert iface cell", func() { var x any = S{}; _ = x.(J) })
	catch("assert cell", func() { var x any = S{}; _ = x.(K) })
	catch("assert err", func() { var e error = errors.New("x"); _ = e.(I) })
	catch("nil map", func() { var m map[int]int; m[1] = 1 })
	catch("nil ptr", func() { var p *S; _ = p.n })
	catch("nil func", func() { var f func(); f() })
	catch("close nil", func() { var c chan int; close(c) })
	catch("close twice", func() { c := make(chan int); close(c); close(c) })
	catch("slice conv", func() { s := []int{1}; _ = [2]int(s) })
	catch("make neg", func() { n := -1; _ = make([]int, n) })
	catch("make cap", func() { n := 1; _ = make([]int, 2, n) })
}

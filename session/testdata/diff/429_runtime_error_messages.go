package main

import "fmt"

func catch(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(name, "->", e.Error())
			return
		}
		fmt.Println(name, "->", r)
	}()
	f()
}

type I interface{ M() }

func main() {
	zero := 0
	catch("div", func() { _ = 1 / zero })
	catch("assert", func() { var x any = "s"; _ = x.(int) })
	catch("assert iface", func() { var x any = 1; _ = x.(I) })
	catch("nil map", func() { var m map[int]int; m[1] = 1 })
	catch("slice conv", func() { s := []int{1}; _ = [2]int(s) })
	catch("make neg", func() { n := -1; _ = make([]int, n) })
}

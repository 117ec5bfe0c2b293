// %T of recovered runtime errors names the types of Go's runtime.
package main

import "fmt"

func try(f func()) {
	defer func() { r := recover(); fmt.Printf("%T: %v\n", r, r) }()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *struct{ X int }
	var a any = "x"
	z := 0
	try(func() { _ = s[3] })
	try(func() { _ = s[1:5] })
	try(func() { m["a"] = 1 })
	try(func() { fmt.Println(1 / z) })
	try(func() { fmt.Println(p.X) })
	try(func() { fmt.Println(a.(int)) })
	try(func() { var c chan int; close(c) })
	try(func() { c := make(chan int); close(c); close(c) })
	try(func() { n := -1; _ = make([]int, n) })
	try(func() { _ = [2]int(s) })
	try(func() { var f func(); f() })
}

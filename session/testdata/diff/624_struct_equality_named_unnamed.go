// == of a named struct type and an unnamed one of the same fields, and
// the runtime errors of comparing and hashing uncomparable struct values
// in interfaces, named as Go names the type.
package main

import "fmt"

type Pair struct {
	A int
	B string
}

type withSlice struct{ S []int }

func main() {
	p := Pair{1, "x"}
	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Println(p == anon, anon != p, p == struct {
		A int
		B string
	}{2, "x"})
	var a, b any = withSlice{[]int{1}}, withSlice{[]int{1}}
	func() {
		defer func() { r := recover(); fmt.Printf("%T: %v\n", r, r) }()
		fmt.Println(a == b)
	}()
	m := map[any]int{}
	func() {
		defer func() { r := recover(); fmt.Printf("%T: %v\n", r, r) }()
		m[a] = 1
	}()
	fmt.Println(len(m), a != nil)
}

package main

import "fmt"

type K struct{ a, b int }

func main() {
	m := map[any]string{}
	m[1] = "int"
	m["1"] = "string"
	m[K{1, 2}] = "struct"
	m[int64(1)] = "int64"
	fmt.Println(len(m), m[1], m[K{1, 2}], m[int64(1)])
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m[[]int{1}] = "slice"
	}()
	var a, b any = []int{1}, []int{1}
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		fmt.Println(a == b)
	}()
}

package main

import "fmt"

type T struct{ v int }

func (t *T) Val() int { return t.v }

func main() {
	var t *T
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(t.Val())
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		var p *int
		*p = 1
	}()
	fmt.Println("end")
}

package main

import "fmt"

type Celsius float64

const Boiling Celsius = 100
const Untyped = 37.5

func main() {
	var c Celsius = Untyped
	fmt.Printf("%T %v\n", c, c)
	fmt.Printf("%T %v\n", Boiling, Boiling)
	fmt.Printf("%T\n", Untyped)
	var i int = 'a'
	var r = 'a'
	fmt.Printf("%T %v %T %v\n", i, i, r, r)
	const s = "text"
	type Name string
	var n Name = s
	fmt.Printf("%T %q\n", n, n)
}

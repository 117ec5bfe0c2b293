package main

import "fmt"

func main() {
	a := [...]int{5, 6, 7}
	b := [...]string{3: "d", 1: "b"}
	c := [5]int{1, 2}
	fmt.Println(len(a), len(b), len(c))
	fmt.Printf("%q\n", b)
	fmt.Println(c)
	fmt.Printf("%T %T\n", a, b)
	var z [0]int
	fmt.Println(len(z), z)
}

package main

import "fmt"

const debug = false
const greeting = "hi" + ", " + "there"
const n = len(greeting)

func main() {
	if debug {
		fmt.Println("debug on")
	} else {
		fmt.Println("debug off")
	}
	fmt.Println(greeting, n)
	const t = 3 > 2 && "a" < "b"
	fmt.Printf("%T %v\n", t, t)
}

package main

import "fmt"

func main() {
	var args = []any{"str", 5, true, nil, 2.5}
	fmt.Printf("%d %s %d\n", args[0], args[1], args[2])
	fmt.Printf("%v %d\n", args[3], args[3])
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%z\n", args[4])
}

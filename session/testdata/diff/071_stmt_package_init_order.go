package main

import "fmt"

var a = b + 1
var b = c * 2
var c = initC()

func initC() int {
	fmt.Println("initC")
	return 5
}

func init() {
	fmt.Println("init 1", a, b, c)
}

func init() {
	fmt.Println("init 2")
}

func main() {
	fmt.Println("main", a)
}

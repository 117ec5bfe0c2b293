package main

import "fmt"

const (
	_ = iota
	One
	_
	Three
	Four = iota * 10
	Five
)

func main() {
	fmt.Println(One, Three, Four, Five)
}

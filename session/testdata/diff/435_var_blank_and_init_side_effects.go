package main

import "fmt"

var registry = map[string]int{}

func register(name string) int {
	registry[name] = len(registry) + 1
	return registry[name]
}

var _ = register("first")
var _ = register("second")
var third = register("third")

func main() {
	fmt.Println(len(registry), registry["first"], registry["second"], third)
	var _ int = 5
	_, _ = 1, "x"
}

package main

import "fmt"

func main() {
	var things []any
	things = append(things, 1, "two", 3.0, []string{"four"}, nil, struct{ X int }{5})
	for i, t := range things {
		fmt.Printf("%d %T %v\n", i, t, t)
	}
}

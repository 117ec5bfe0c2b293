package main

import (
	"fmt"
	"strconv"
)

func main() {
	a, err := strconv.Atoi("1")
	b, err := strconv.Atoi("zz")
	fmt.Println(a, b, err != nil)
	a, c := 5, 6
	fmt.Println(a, c)
	var d int
	d, e := 7, 8
	fmt.Println(d, e)
}

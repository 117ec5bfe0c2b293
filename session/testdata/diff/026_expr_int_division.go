package main

import "fmt"

func main() {
	for _, p := range [][2]int{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}} {
		fmt.Println(p[0], p[1], p[0]/p[1], p[0]%p[1])
	}
	x := 17
	x /= 3
	fmt.Println(x)
	x %= 4
	fmt.Println(x)
}

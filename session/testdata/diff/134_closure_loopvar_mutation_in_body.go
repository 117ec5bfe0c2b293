package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 6; i++ {
		fs = append(fs, func() int { return i })
		i++
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() int
	for i := 0; i < 3; i++ {
		gs = append(gs, func() int { i += 10; return i })
	}
	fmt.Println(gs[0](), gs[0](), gs[1](), gs[2]())
}

package main

import "fmt"

func lines(yield func(string) bool) {
	fmt.Println("open")
	defer fmt.Println("close")
	for _, l := range []string{"l1", "l2", "l3"} {
		if !yield(l) {
			return
		}
	}
}

func main() {
	for l := range lines {
		fmt.Println(l)
		if l == "l2" {
			break
		}
	}
	fmt.Println("after loop")
}

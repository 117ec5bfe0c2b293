package main

import "fmt"

func main() {
	for i := range 4 {
		defer fmt.Println("defer", i)
	}
	fmt.Println("body")
}

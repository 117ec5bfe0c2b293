package main

import "fmt"

func main() {
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("one-or-after-zero ")
		case 2:
			fmt.Print("two ")
			fallthrough
		default:
			fmt.Print("default ")
		}
		fmt.Println()
	}
}

package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		switch i {
		case 1:
			fmt.Println("break out of switch only")
			break
		}
		fmt.Println("loop", i)
	}
}

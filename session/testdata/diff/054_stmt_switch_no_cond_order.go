package main

import "fmt"

func v(n int) int { fmt.Println("eval", n); return n }

func main() {
	switch v(2) {
	case v(1), v(2), v(3):
		fmt.Println("matched")
	case v(4):
		fmt.Println("no")
	}
	switch {
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("big")
	}
}

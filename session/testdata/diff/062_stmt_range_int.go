package main

import "fmt"

type Small uint8

func main() {
	for i := range 4 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := Small(3)
	for i := range n {
		fmt.Printf("%T=%d ", i, i)
	}
	fmt.Println()
	for range 2 {
		fmt.Println("tick")
	}
	for i := range 0 {
		fmt.Println("never", i)
	}
}

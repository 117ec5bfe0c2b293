package main

import "fmt"

func items(yield func(int) bool) {
	defer fmt.Println("iterator cleanup")
	for i := range 5 {
		if !yield(i) {
			return
		}
	}
}

func main() {
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for i := range items {
			if i == 2 {
				panic("body panic")
			}
			fmt.Println("item", i)
		}
	}()
}

package main

import "fmt"

func run() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred", i) }()
	}
	fmt.Println("body done")
}

func main() {
	run()
}

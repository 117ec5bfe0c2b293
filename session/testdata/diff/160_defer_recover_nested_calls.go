package main

import "fmt"

func level3() { panic("deep") }
func level2() { defer fmt.Println("level2 defer"); level3() }
func level1() { defer fmt.Println("level1 defer"); level2() }

func main() {
	func() {
		defer func() { fmt.Println("caught:", recover()) }()
		level1()
	}()
	fmt.Println("after")
}

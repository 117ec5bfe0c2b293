package main

import "fmt"

func inner() {
	defer func() {
		r := recover()
		fmt.Println("inner caught:", r)
		panic(fmt.Sprintf("re-%v", r))
	}()
	panic("first")
}

func outer() {
	defer func() {
		fmt.Println("outer caught:", recover())
	}()
	inner()
	fmt.Println("not reached")
}

func main() {
	outer()
	fmt.Println("main continues")
}

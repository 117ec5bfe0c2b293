package main

import (
	"fmt"
	"runtime"
)

func main() {
	func() {
		defer func() {
			r := recover()
			_, ok := r.(*runtime.PanicNilError)
			fmt.Println(r != nil, ok)
		}()
		panic(nil)
	}()
	fmt.Println("done")
}

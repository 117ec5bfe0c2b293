package main

import "fmt"

func helper() any { return recover() }

func f() (res string) {
	defer func() {
		r := recover()
		res = fmt.Sprint("direct recover: ", r)
	}()
	defer func() {
		fmt.Println("helper recover:", helper())
	}()
	panic("p")
}

func main() {
	fmt.Println(recover())
	fmt.Println(f())
}

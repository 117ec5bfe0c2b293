package main

// A named type declared inside a function, without methods, in an
// interface. As one cell it is local and refused clearly; split, main's
// body is at the top level and the type is a package-level one.

import "fmt"

func main() {
	type Celsius float64
	var x any = Celsius(3)
	_, isFloat := x.(float64)
	c, isCelsius := x.(Celsius)
	fmt.Println(isFloat, isCelsius, c)
	switch v := x.(type) {
	case float64:
		fmt.Println("float64", v)
	case Celsius:
		fmt.Println("Celsius", v)
	}
}

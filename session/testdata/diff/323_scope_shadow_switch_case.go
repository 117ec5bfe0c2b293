package main

import "fmt"

func main() {
	v := "outer"
	switch v := 5; v {
	case 5:
		v := "case-local"
		fmt.Println(v)
	}
	fmt.Println(v)
	var x any = 3
	switch x := x.(type) {
	case int:
		fmt.Printf("%T %v\n", x, x+1)
	}
	fmt.Printf("%T\n", x)
}

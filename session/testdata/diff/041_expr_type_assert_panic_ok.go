package main

import "fmt"

func try(x any) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "recovered: " + fmt.Sprint(r)
		}
	}()
	return x.(string)
}

func main() {
	fmt.Println(try("fine"))
	fmt.Println(try(42))
}

package main

import "fmt"

func main() {
	x := 1
	{
		x := 2
		{
			x := 3
			fmt.Println(x)
		}
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := "str"; len(x) > 0 {
		fmt.Println(x)
	}
	fmt.Println(x)
}

package main

import (
	"fmt"
	str "strings"
)

func main() {
	strings := []string{"b", "a"}
	fmt.Println(str.Join(strings, "+"))
	{
		fmt := "a string called fmt"
		println2(fmt)
	}
	fmt.Println("fmt is the package again")
}

func println2(s string) { fmt.Println(len(s)) }

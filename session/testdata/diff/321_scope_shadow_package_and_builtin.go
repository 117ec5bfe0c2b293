// split: no
package main

import "fmt"

var name = "package"

func show() string { return name }

func main() {
	name := "local"
	fmt.Println(name, show())
	len := func(s string) int { return 42 }
	fmt.Println(len("abc"))
	{
		true := false
		fmt.Println(true)
	}
	{
		type int = string
		var i int = "shadowed int"
		fmt.Println(i)
	}
	var j int = 7
	fmt.Println(j)
}

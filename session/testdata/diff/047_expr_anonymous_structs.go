package main

import "fmt"

func main() {
	pt := struct {
		X, Y int
	}{1, 2}
	fmt.Printf("%+v\n", pt)
	items := []struct {
		Name string
		Qty  int
	}{{"apple", 3}, {"pear", 0}}
	for _, it := range items {
		fmt.Println(it.Name, it.Qty)
	}
	var a struct{ V int }
	b := struct{ V int }{5}
	a = b
	fmt.Println(a == b, a.V)
}

package main

import "fmt"

type pair struct {
	k string
	v *int
}

func main() {
	n := 1
	fmt.Println([]int{1, 2}, [2]bool{true}, []string{})
	fmt.Println([][]int{{1}, {2, 3}}, map[string][]int{"a": {1}})
	fmt.Printf("%v\n", []any{1, "a", nil, []int{2}})
	fmt.Printf("%+v\n", []pair{{"x", nil}})
	fmt.Printf("%#v\n", []any{1, "a", nil})
	fmt.Printf("%#v\n", map[string]bool{"t": true})
	fmt.Printf("%#v %#v\n", [2]int{1, 2}, struct{ A int }{3})
	_ = n
}

package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	v, ok := m["a"]
	fmt.Println(v, ok)
	v, ok = m["z"]
	fmt.Println(v, ok)
	var x any = "s"
	s, ok := x.(string)
	fmt.Println(s, ok)
	ch := make(chan int, 1)
	ch <- 5
	close(ch)
	r, ok := <-ch
	fmt.Println(r, ok)
	r, ok = <-ch
	fmt.Println(r, ok)
	if _, ok := m["a"]; ok {
		fmt.Println("present")
	}
}

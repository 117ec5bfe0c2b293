package main

import "fmt"

func main() {
	var arr [5]int
	p := &arr
	fmt.Println(len(arr), cap(arr), len(p), cap(p[1:3]))
	s := make([]int, 2, 10)
	fmt.Println(len(s), cap(s), cap(s[3:5]), cap(s[3:5:6]))
	m := make(map[string]int, 100)
	fmt.Println(len(m))
	c := make(chan string, 4)
	c <- "x"
	fmt.Println(len(c), cap(c))
	n := new([3]string)
	fmt.Println(len(n), *n == [3]string{})
	const k = len("héllo")
	fmt.Println(k)
}

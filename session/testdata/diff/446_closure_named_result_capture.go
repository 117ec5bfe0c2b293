package main

import "fmt"

func track() (log []string, total int) {
	add := func(s string, n int) {
		log = append(log, s)
		total += n
	}
	add("a", 1)
	add("b", 2)
	defer add("deferred", 100)
	return
}

func main() {
	l, t := track()
	fmt.Println(l, t)
}

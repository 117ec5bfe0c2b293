package main

import "fmt"

type pair struct{ a, b string }

func main() {
	c := make(chan string, 2)
	c <- "left"
	c <- "right"
	var p pair
	p.a = <-c
	p.b = <-c
	fmt.Printf("%+v\n", p)
	nested := struct{ inner *pair }{&pair{}}
	c <- "deep"
	nested.inner.a = <-c
	fmt.Println(nested.inner.a)
}

package main

import "fmt"

type Handler func(string) string

func (h Handler) Twice(s string) string { return h(h(s)) }

func exclaim(s string) string { return s + "!" }

func main() {
	h := Handler(exclaim)
	fmt.Println(h.Twice("hey"))
	var f func(string) string = h
	fmt.Println(f("x"))
	fmt.Println(Handler(func(s string) string { return "<" + s + ">" }).Twice("a"))
}

package main

import "fmt"

type T struct{ name string }

func (t T) Hello() string   { return "hello " + t.name }
func (t *T) PHello() string { return "phello " + t.name }

func main() {
	t := T{"a"}
	f := t.Hello
	g := t.PHello
	t.name = "b"
	fmt.Println(f())
	fmt.Println(g())
}

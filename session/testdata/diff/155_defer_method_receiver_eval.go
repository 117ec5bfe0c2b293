package main

import "fmt"

type T struct{ name string }

func (t T) Show()   { fmt.Println("value:", t.name) }
func (t *T) PShow() { fmt.Println("pointer:", t.name) }

func main() {
	t := T{"before"}
	defer t.Show()
	defer t.PShow()
	t.name = "after"
	fmt.Println("main body")
}

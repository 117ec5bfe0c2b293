package main

import "fmt"

type Pt struct{ X, Y int }

func mk(x, y int) (Pt, *Pt) {
	p := Pt{x, y}
	return p, &p
}

func main() {
	v, ptr := mk(1, 2)
	ptr.X = 100
	fmt.Println(v, *ptr)
	w, _ := mk(3, 4)
	fmt.Println(w.X)
}

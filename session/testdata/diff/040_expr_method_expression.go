package main

import "fmt"

type Vec struct{ X, Y int }

func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }
func (v *Vec) Scale(k int)  { v.X *= k; v.Y *= k }

func main() {
	add := Vec.Add
	fmt.Println(add(Vec{1, 2}, Vec{3, 4}))
	scale := (*Vec).Scale
	v := Vec{2, 3}
	scale(&v, 10)
	fmt.Println(v)
	addP := (*Vec).Add
	fmt.Println(addP(&v, Vec{1, 1}))
	fmt.Printf("%T\n", add)
}

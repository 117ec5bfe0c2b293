package main

import "fmt"

type Meters float64
type Feet float64

type Point struct{ X, Y int }
type Vec struct{ X, Y int }

func main() {
	m := Meters(10)
	f := Feet(m * 3.28084)
	fmt.Printf("%.2f %T\n", f, f)
	p := Point{1, 2}
	v := Vec(p)
	fmt.Printf("%+v %T\n", v, v)
	type IntSlice []int
	s := IntSlice([]int{3, 2, 1})
	fmt.Println(len(s), s[0])
}

package main

import "fmt"

type Point struct{ X, Y int }
type Color struct{ R, G, B uint8 }

type Pixel struct {
	Point
	Color
	Alpha float64
}

func main() {
	p := Pixel{Point: Point{1, 2}, Color: Color{R: 255}, Alpha: 0.5}
	fmt.Printf("%+v\n", p)
	fmt.Printf("%v\n", p)
	p.X++
	p.G = 128
	fmt.Println(p.Point, p.Color)
}

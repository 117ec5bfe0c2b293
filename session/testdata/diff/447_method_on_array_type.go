package main

import "fmt"

type Vec3 [3]float64

func (v Vec3) Dot(o Vec3) float64 { return v[0]*o[0] + v[1]*o[1] + v[2]*o[2] }
func (v *Vec3) Scale(k float64) {
	for i := range v {
		v[i] *= k
	}
}
func (v Vec3) Scaled(k float64) Vec3 { v.Scale(k); return v }

func main() {
	a := Vec3{1, 2, 3}
	b := a.Scaled(2)
	fmt.Println(a, b, a.Dot(b))
	a.Scale(-1)
	fmt.Println(a, a == Vec3{-1, -2, -3})
}

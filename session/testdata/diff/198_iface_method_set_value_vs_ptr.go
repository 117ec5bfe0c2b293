package main

import "fmt"

type Mover interface{ Move() string }

type Car struct{ name string }

func (c *Car) Move() string { return c.name + " moves" }

type Bike struct{ name string }

func (b Bike) Move() string { return b.name + " rolls" }

func main() {
	var m Mover = &Car{"car"}
	fmt.Println(m.Move())
	m = Bike{"bike"}
	fmt.Println(m.Move())
	m = &Bike{"pbike"}
	fmt.Println(m.Move())
	_, ok := any(Car{"x"}).(Mover)
	fmt.Println("Car value is Mover:", ok)
}

package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

var names = [...]string{"Sun", "Mon", "Tue", "Wed"}

func (d Weekday) String() string { return names[d] }

func main() {
	fmt.Println(Sunday, Wednesday)
	fmt.Printf("%v %d %s\n", Tuesday, Tuesday, Monday)
	d := Monday + 2
	fmt.Println(d, d > Monday)
}

package main

import "fmt"

type Greeter interface{ Greet(string) string }

type English struct{}
type French struct{ formal bool }

func (English) Greet(n string) string { return "Hello, " + n }
func (f French) Greet(n string) string {
	if f.formal {
		return "Bonjour, " + n
	}
	return "Salut, " + n
}

func main() {
	gs := []Greeter{English{}, French{true}, French{}}
	var fns []func(string) string
	for _, g := range gs {
		fns = append(fns, g.Greet)
	}
	for _, f := range fns {
		fmt.Println(f("Ana"))
	}
	ge := Greeter.Greet
	fmt.Println(ge(English{}, "Bo"))
}

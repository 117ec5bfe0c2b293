package main

// fmt prints the keys of a map with their String methods, in the order
// of the keys' values.

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

func (l Level) String() string { return [...]string{"debug", "info", "warn", "error"}[l] }

type Code string

func (c Code) String() string { return "code-" + string(c) }

type Count int

func (c Count) String() string { return fmt.Sprintf("%d×", int(c)) }

type Report struct {
	Name   string
	Counts map[Level]int
}

func main() {
	seen := map[Level]int{Error: 1, Debug: 7, Warn: 2, Info: 4}
	fmt.Println(seen)
	fmt.Printf("%v|%s|%d\n", seen, seen, seen)
	fmt.Println(map[Code]Count{"b": 2, "a": 1, "c": 3})
	var empty map[Level]int
	fmt.Println(empty, len(empty))
	r := Report{"svc", map[Level]int{Warn: 3, Info: 1}}
	fmt.Printf("%v %+v\n", r, r)
	s := fmt.Sprint(map[Level]bool{Info: true})
	fmt.Println(s, len(s))
}

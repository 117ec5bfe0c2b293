// A struct with String on its pointer receiver, printed by value with %v
// and %+v, whose fields have String methods on values: fmt calls the
// fields' methods, not the pointer's (yaegi called the pointer's for %+v,
// and the kernel's conversion for %v dropped the fields' methods: a
// held-out staff report printed 1250000 for $12500.00).
package main

import (
	"fmt"
	"strings"
)

type Money int64

func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s$%d.%02d", sign, m/100, m%100)
}

type Level int

func (l Level) String() string { return strings.Repeat("*", int(l)) }

type Employee struct {
	Name   string
	Salary Money
	Level  Level
	Skills []string
}

func (e *Employee) String() string { return e.Name + " (" + e.Salary.String() + ")" }

type Team struct {
	Lead    Employee
	Members []*Employee
}

func main() {
	e := &Employee{"Ada", 1250000, 3, []string{"go", "math"}}
	v := *e
	fmt.Println("pointer:", e)
	fmt.Printf("value  : %v\n", v)
	fmt.Printf("value+ : %+v\n", v)
	fmt.Printf("value s: %s\n", v)
	fmt.Println(v, []Employee{v})
	t := Team{Lead: v, Members: []*Employee{e}}
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Println(Money(-1505), Level(2))
}

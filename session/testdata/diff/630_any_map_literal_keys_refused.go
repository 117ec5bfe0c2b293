// Values of the cells' types with methods as keys of a map literal keyed
// by an empty interface: the literal's keys were not checked, so the map
// held yaegi's wrapper and m[Dog{"a"}] printed 0 before any error (a
// silent wrong output); they are now refused like the index expressions'
// keys (553).
package main

import "fmt"

type Dog struct{ Name string }

func (d Dog) Sound() string { return d.Name + " woofs" }

func main() {
	fmt.Println("start")
	m := map[any]int{Dog{"a"}: 1, "b": 2}
	fmt.Println(m[Dog{"a"}], len(m))
}

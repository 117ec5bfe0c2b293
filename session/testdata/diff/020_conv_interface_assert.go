package main

import "fmt"

type Stringer interface{ String() string }

type T int

func (t T) String() string { return fmt.Sprintf("T(%d)", int(t)) }

func main() {
	var x any = T(5)
	s, ok := x.(Stringer)
	fmt.Println(s.String(), ok)
	n, ok := x.(int)
	fmt.Println(n, ok)
	t := x.(T)
	fmt.Println(int(t) + 1)
	var st Stringer = t
	fmt.Println(st)
}

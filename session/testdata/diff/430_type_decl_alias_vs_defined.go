package main

import "fmt"

type MyInt int
type AliasInt = int

func (m MyInt) Double() MyInt { return m * 2 }

func takesInt(i int) int { return i + 1 }

func main() {
	var a AliasInt = 5
	fmt.Println(takesInt(a))
	var m MyInt = 5
	fmt.Println(takesInt(int(m)), m.Double())
	fmt.Printf("%T %T\n", a, m)
	type Local struct{ V int }
	type LocalAlias = Local
	fmt.Printf("%T %v\n", LocalAlias{3}, Local{3} == LocalAlias{3})
}

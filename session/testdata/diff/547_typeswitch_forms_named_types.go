package main

// Type switches in every form (on a call, with an init statement, with a
// break in a case, in a loop with continue) over values of the cells'
// named types with methods and of builtin types in interfaces.

import (
	"fmt"
	"strconv"
)

type ID int

func (i ID) String() string { return "#" + strconv.Itoa(int(i)) }

type Code int

func (c Code) Valid() bool { return c > 0 }

type Name string

func (n Name) Len() int { return len(n) }

func item(i int) any {
	return []any{ID(7), Code(7), 7, Name("ab"), "ab", nil, 2.5}[i]
}

func main() {
	for i := range 7 {
		switch v := item(i).(type) {
		case ID:
			fmt.Println("ID", v)
		case Code:
			fmt.Println("Code", int(v), v.Valid())
		case int:
			fmt.Println("int", v)
		case Name:
			fmt.Println("Name", string(v), v.Len())
		case string:
			fmt.Println("string", v)
		case nil:
			fmt.Println("nil")
		default:
			fmt.Printf("other %v\n", v)
		}
	}
	for i := range 7 {
		switch x := item(i); x.(type) {
		case ID, Code:
			fmt.Println(i, "a number type of ours")
			if i == 0 {
				break
			}
			fmt.Println(i, "not the first")
		case int, string:
			fmt.Println(i, "builtin")
		}
	}
	count := 0
	for i := range 7 {
		switch item(i).(type) {
		case Name, string:
			continue
		case nil:
			continue
		}
		count++
	}
	fmt.Println("counted", count)
	var v any = Code(3)
	switch v.(type) {
	case ID:
		fmt.Println("wrong: ID")
	case Code:
		fmt.Println("Code")
	}
}

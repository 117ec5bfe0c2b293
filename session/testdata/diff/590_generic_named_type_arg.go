// A generic function instantiated with a named type of the cells that
// calls another generic function with its type parameter (Get[T](b) in
// Twice[Name]): yaegi crashes compiling the instance as it runs it (a nil
// dereference in its compiler, reported before as the program's own
// "invalid memory address or nil pointer dereference"); now a clear error.
package main

import "fmt"

type Box[T any] struct{ v T }

func Get[T any](b *Box[T]) T { return b.v }

func Twice[T any](b *Box[T]) []T { return []T{Get(b), Get(b)} }

type Name string

func main() {
	fmt.Println(Twice(&Box[int]{3}))
	fmt.Println(Twice(&Box[Name]{"x"}))
}

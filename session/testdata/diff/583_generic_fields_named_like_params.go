// A generic struct type whose fields are named like its type parameters
// (type Pair[K, V] struct{ K K; V V }): yaegi named the fields of an
// instance by the type arguments (struct { string string; int int }), then
// failed on p.K; and a literal Pair[string, int]{...} after a call of a
// generic function returning a Pair, given explicit type arguments,
// panicked in that function (index out of range).
package main

import "fmt"

type Pair[K comparable, V any] struct {
	K K
	V V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.K, p.V) }

func (p *Pair[K, V]) Set(v V) { p.V = v }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Box[T any] struct{ T T }

func main() {
	p := MakePair("n", 3)
	fmt.Println(p, p.K)
	q := Pair[string, int]{"k", 1}
	q.Set(5)
	fmt.Println(q.String(), q.V)
	b := Box[float64]{2.5}
	fmt.Println(b.T, b)
}

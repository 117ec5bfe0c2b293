package main

import "fmt"

type IDs []int

func (ids IDs) Sum() int {
	s := 0
	for _, v := range ids {
		s += v
	}
	return s
}

func Reverse[S ~[]E, E any](s S) S {
	out := make(S, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func main() {
	ids := IDs{1, 2, 3}
	r := Reverse(ids)
	fmt.Printf("%T %v %d\n", r, r, r.Sum())
	fmt.Println(Reverse([]string{"a", "b"}))
}

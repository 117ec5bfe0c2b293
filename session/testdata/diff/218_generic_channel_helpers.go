package main

import "fmt"

func Generate[T any](xs ...T) <-chan T {
	c := make(chan T)
	go func() {
		defer close(c)
		for _, x := range xs {
			c <- x
		}
	}()
	return c
}

func Collect[T any](c <-chan T) []T {
	var out []T
	for v := range c {
		out = append(out, v)
	}
	return out
}

func main() {
	fmt.Println(Collect(Generate(1, 2, 3)))
	fmt.Println(Collect(Generate("a", "b")))
	fmt.Println(len(Collect(Generate[int]())))
}

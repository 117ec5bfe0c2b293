package main

import "fmt"

func main() {
	xs := []string{"a", "b", "c"}
	var fs []func()
	for i, d := range xs {
		i, d := i, d
		fs = append(fs, func() { fmt.Println(i, d) })
	}
	for _, f := range fs {
		f()
	}
	for i := 0; i < 2; i++ {
		i := i
		fmt.Println("i", i)
	}
	seq := func(yield func(int, string) bool) {
		for i, s := range []string{"p", "q"} {
			if !yield(i, s) {
				return
			}
		}
	}
	for i, s := range seq {
		i, s := i+10, s+"!"
		fmt.Println("seq", i, s)
	}
}

func init() {
	var fs []func()
	for i := 0; i < 4; i++ {
		fs = append(fs, func() { fmt.Println("w", i) })
		if i == 1 {
			i := 7
			_ = i
			continue
		}
		i++
	}
	for _, f := range fs {
		f()
	}
	for i := range 2 {
		i := i
		defer func() { i := i; fmt.Println("d", i) }()
	}
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	close(ch)
	chs := []chan int{ch}
	for _, c := range chs {
		c := c
		for v := range c {
			v := v
			fmt.Println("v", v)
		}
	}
}

package main

import (
	"errors"
	"fmt"
	"strings"
)

type filterFunc func(int) bool

type counter struct{ step int }

// Named results start at their zero values on every call, also when the
// calls are made in a loop.
func count(nums []int) (c int) {
	for range nums {
		c++
	}
	return
}

func filter(f filterFunc, nums ...int) (filtered []int) {
	for _, n := range nums {
		if f(n) {
			filtered = append(filtered, n)
		}
	}
	return
}

func (k counter) sum(n int) (total int, parts []string) {
	for i := 0; i < n; i++ {
		total += k.step
		parts = append(parts, fmt.Sprint(k.step))
	}
	return
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("division by zero")
		}
	}()
	q += a / b
	return
}

func words(s string) (m map[string]int) {
	if m == nil {
		m = map[string]int{}
	}
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return
}

func depth(n int) (d int) {
	if n == 0 {
		return
	}
	d = depth(n-1) + 1
	return
}

func isPos(n int) bool { return n > 0 }

func main() {
	// A function passed by name with a spread variadic argument.
	fmt.Println(filter(isPos, []int{-1, 3, 4}...))
	for i := 0; i < 3; i++ {
		fmt.Println(count([]int{1, 2}))
	}
	fs := []filterFunc{func(n int) bool { return n > 1 }, func(n int) bool { return n > 2 }}
	for _, f := range fs {
		fmt.Println(filter(f, 1, 2, 3))
	}
	k := counter{2}
	for i := 1; i <= 2; i++ {
		t, p := k.sum(i)
		fmt.Println(t, p)
	}
	for _, b := range []int{2, 0, 5} {
		fmt.Println(safeDiv(10, b))
	}
	for _, s := range []string{"a b a", "c"} {
		fmt.Println(words(s))
	}
	for i := 0; i < 3; i++ {
		fmt.Println(depth(i))
	}
	acc := func(xs []int) (sum int) {
		for _, x := range xs {
			sum += x
		}
		return
	}
	for i := 0; i < 2; i++ {
		fmt.Println(acc([]int{i, 10}))
	}
}

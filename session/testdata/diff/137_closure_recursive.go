package main

import "fmt"

func main() {
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	fmt.Println(fib(10), fib(20))
	memo := map[int]int{}
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = n * fact(n-1)
		return memo[n]
	}
	fmt.Println(fact(10), len(memo))
}

package main

import "fmt"

func Memo[K comparable, V any](f func(K) V) (func(K) V, func() int) {
	cache := map[K]V{}
	calls := 0
	return func(k K) V {
			if v, ok := cache[k]; ok {
				return v
			}
			calls++
			v := f(k)
			cache[k] = v
			return v
		}, func() int {
			return calls
		}
}

func main() {
	sq, count := Memo(func(n int) int { return n * n })
	fmt.Println(sq(4), sq(4), sq(5), count())
	up, c2 := Memo(func(s string) []byte { return []byte(s) })
	fmt.Println(string(up("hi")), len(up("hi")), c2())
}

package main

import (
	"fmt"
	"runtime"
)

func at(s []int, i int) (v int, msg string) {
	defer func() {
		if r := recover(); r != nil {
			_, isRT := r.(runtime.Error)
			msg = fmt.Sprint(isRT, " ", r)
		}
	}()
	return s[i], "ok"
}

func main() {
	fmt.Println(at([]int{1, 2, 3}, 1))
	fmt.Println(at([]int{1, 2, 3}, 5))
}

package main

import "fmt"

func work(n int) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprintf("work(%d) recovered %v", n, r)
		}
	}()
	if n%2 == 1 {
		panic(fmt.Sprintf("odd %d", n))
	}
	return fmt.Sprintf("work(%d) ok", n)
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r)
		}
	}()
	for i := range 3 {
		fmt.Println(work(i))
	}
	var arr []int
	_ = arr[3]
}

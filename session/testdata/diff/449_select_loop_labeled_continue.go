package main

import "fmt"

func route(nums []int) (evens, odds []int) {
	ev := make(chan int, len(nums))
	od := make(chan int, len(nums))
	for _, n := range nums {
		if n%2 == 0 {
			ev <- n
		} else {
			od <- n
		}
	}
	close(ev)
	close(od)
loop:
	for ev != nil || od != nil {
		select {
		case v, ok := <-ev:
			if !ok {
				ev = nil
				continue loop
			}
			evens = append(evens, v)
		case v, ok := <-od:
			if !ok {
				od = nil
				continue loop
			}
			odds = append(odds, v)
		}
	}
	return
}

func main() {
	e, o := route([]int{1, 2, 3, 4, 5, 6, 7})
	fmt.Println(e, o)
}

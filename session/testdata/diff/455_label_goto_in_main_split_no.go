// split: no
package main

import "fmt"

func main() {
	n := 0
	var trace []int
retry:
	n++
	trace = append(trace, n)
	if n < 4 {
		goto retry
	}
	fmt.Println(trace)
	i := 0
scan:
	for ; i < 10; i++ {
		switch {
		case i == 2:
			continue scan
		case i == 5:
			break scan
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	fmt.Println("i =", i)
}

// A return in main's body: run as a cell (the split mode), it ends the
// cell as it ends main (was refused: "return is not allowed at the top
// level of a cell"); deferred calls run, later statements do not, also
// from inside a loop and a range over a function.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred runs")
	xs := []int{1, 2, 3}
	for _, x := range xs {
		if x == 2 {
			fmt.Println("found", x)
			return
		}
	}
	count := func(n int) func(func(int) bool) {
		return func(yield func(int) bool) {
			for i := range n {
				if !yield(i) {
					return
				}
			}
		}
	}
	for i := range count(5) {
		fmt.Println("never", i)
	}
}

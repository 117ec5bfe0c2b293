package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{1, 3, 5, 7, 9, 11}
	i := sort.Search(len(xs), func(i int) bool { return xs[i] >= 6 })
	fmt.Println(i, xs[i])
	j, found := sort.Find(len(xs), func(i int) int {
		switch {
		case 7 < xs[i]:
			return -1
		case 7 > xs[i]:
			return 1
		}
		return 0
	})
	fmt.Println(j, found)
	sq := sort.Search(100, func(n int) bool { return n*n >= 50 })
	fmt.Println(sq)
	fmt.Println(sort.SearchStrings([]string{"a", "c", "e"}, "d"))
}

// split: no
package main

import "fmt"

func main() {
	count := 0
rows:
	for r := 0; r < 5; r++ {
		for c := 0; c < 5; c++ {
			if c == r {
				continue rows
			}
			if r*c > 6 {
				break rows
			}
			count++
		}
	}
	fmt.Println("count", count)
	i := 0
again:
	i++
	if i < 3 {
		goto again
	}
	fmt.Println("i", i)
}

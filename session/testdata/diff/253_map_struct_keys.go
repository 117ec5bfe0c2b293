package main

import "fmt"

type Coord struct{ X, Y int }

func main() {
	visited := map[Coord]bool{}
	path := []Coord{{0, 0}, {0, 1}, {1, 1}, {0, 1}, {0, 0}}
	for _, c := range path {
		if visited[c] {
			fmt.Println("revisit", c)
		}
		visited[c] = true
	}
	fmt.Println(len(visited))
	arrKey := map[[2]string]int{{"a", "b"}: 1}
	fmt.Println(arrKey[[2]string{"a", "b"}])
}

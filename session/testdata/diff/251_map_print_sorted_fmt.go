package main

import "fmt"

func main() {
	m := map[string]int{"zeta": 1, "alpha": 2, "mid": 3}
	fmt.Println(m)
	fmt.Printf("%v\n", map[int]bool{3: true, 1: false, 2: true})
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Println(map[float64]string{2.5: "x", -1: "y"})
}

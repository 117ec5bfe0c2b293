package main

import "fmt"

func main() {
	inventory := map[string]int{"apples": 5, "pears": 3, "plums": 12}
	total, maxN, maxK := 0, -1, ""
	for k, v := range inventory {
		total += v
		if v > maxN || (v == maxN && k < maxK) {
			maxN, maxK = v, k
		}
	}
	fmt.Println(total, maxK, maxN)
	keysLen := 0
	for k := range inventory {
		keysLen += len(k)
	}
	fmt.Println(keysLen)
}

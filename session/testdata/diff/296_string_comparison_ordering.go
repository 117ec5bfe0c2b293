package main

import (
	"fmt"
	"sort"
)

func main() {
	words := []string{"banana", "Apple", "apple", "äpple", "Banana", "10", "9"}
	sort.Strings(words)
	fmt.Println(words)
	fmt.Println("a" < "b", "ab" < "b", "Z" < "a", "é" > "z")
	fmt.Println(min("b", "a", "c"), max("b", "a", "c"))
}

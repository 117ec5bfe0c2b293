package main

import "fmt"

const N = 2 + 3
const Name = "go" + "pher"

var arr [N * 2]int

func main() {
	fmt.Println(len(arr), cap(arr))
	fmt.Println(len(Name), Name)
	const L = len(Name)
	var b [L]byte
	copy(b[:], Name)
	fmt.Println(string(b[:]))
	fmt.Println(len([3]int{}))
}

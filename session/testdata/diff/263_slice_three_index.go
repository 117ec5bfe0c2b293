package main

import "fmt"

func main() {
	base := []int{0, 1, 2, 3, 4, 5}
	s := base[1:3:4]
	fmt.Println(s, len(s), cap(s))
	s = append(s, 99)
	fmt.Println(base)
	s = append(s, 100)
	s[0] = -1
	fmt.Println(base, s)
	arr := [5]string{"a", "b", "c", "d", "e"}
	t := arr[:2:2]
	t = append(t, "z")
	fmt.Println(arr, t)
}

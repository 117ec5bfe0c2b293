package main

import "fmt"

type Rect struct{ W, H int }

func dims() (int, int) { return 4, 5 }

func main() {
	var r Rect
	r.W, r.H = dims()
	fmt.Println(r)
	p := &Rect{}
	p.W, p.H = dims()
	fmt.Println(*p)
	arr := make([]int, 2)
	arr[0], arr[1] = dims()
	fmt.Println(arr)
	m := map[string]int{}
	m["w"], m["h"] = dims()
	fmt.Println(m["w"], m["h"])
}

package main

import "fmt"

func steps(n int) []string {
	var out []string
	i := 0
top:
	if i >= n {
		return out
	}
	{
		msg := fmt.Sprintf("step%d", i)
		out = append(out, msg)
	}
	i++
	goto top
}

func main() {
	fmt.Println(steps(3))
	fmt.Println(len(steps(0)))
}

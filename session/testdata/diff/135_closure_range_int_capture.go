package main

import "fmt"

func main() {
	var fs []func() int
	for i := range 4 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	m := map[string]int{"only": 1}
	var g func() string
	for k, v := range m {
		g = func() string { return fmt.Sprint(k, v) }
	}
	fmt.Println(g())
}

package main

import "fmt"

func main() {
	tasks := make(chan func() int, 3)
	for i := 1; i <= 3; i++ {
		tasks <- func() int { return i * 100 }
	}
	close(tasks)
	for t := range tasks {
		fmt.Println(t())
	}
	fc := make(chan func(string) string, 1)
	fc <- func(s string) string { return "[" + s + "]" }
	fmt.Println((<-fc)("x"))
}

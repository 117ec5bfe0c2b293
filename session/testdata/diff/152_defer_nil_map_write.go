package main

import "fmt"

func write() (msg string) {
	defer func() {
		msg = fmt.Sprint("recovered: ", recover())
	}()
	var m map[string]int
	m["x"] = 1
	return "unreachable"
}

func deref() (msg string) {
	defer func() {
		msg = fmt.Sprint("recovered: ", recover())
	}()
	var p *struct{ n int }
	return fmt.Sprint(p.n)
}

func main() {
	fmt.Println(write())
	fmt.Println(deref())
}

package main

import "fmt"

var calls []string

func t(name string) bool { calls = append(calls, name); return true }
func f(name string) bool { calls = append(calls, name); return false }

func main() {
	_ = f("a") && t("b")
	_ = t("c") || f("d")
	_ = f("e") || t("f") && f("g")
	fmt.Println(calls)
	var m map[string]int
	if m != nil && m["x"] > 0 {
		fmt.Println("never")
	}
	fmt.Println("ok")
}

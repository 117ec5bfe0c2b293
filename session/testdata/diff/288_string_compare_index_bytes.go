package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.EqualFold("Go", "GO"), "Go" == "GO")
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.IndexByte("abc", 'c'), strings.IndexRune("chicken", 'k'), strings.IndexAny("golang", "xyzn"))
	fmt.Println(strings.Contains("seafood", "foo"), strings.ContainsRune("abc", 'z'), strings.ContainsAny("hi", ""))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
}

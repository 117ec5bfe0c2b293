package main

import (
	"fmt"
	"strings"
)

type Result struct {
	Head, Tail string
	Found      bool
}

func main() {
	r := &Result{}
	r.Head, r.Tail, r.Found = strings.Cut("key:value", ":")
	fmt.Printf("%+v\n", *r)
	rs := []*Result{{}}
	rs[0].Head, rs[0].Tail, rs[0].Found = strings.Cut("nocolon", ":")
	fmt.Printf("%+v\n", *rs[0])
}

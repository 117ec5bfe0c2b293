package main

import (
	"fmt"
	"strings"
)

type Namer interface{ Name() string }

type fixed string

func (f fixed) Name() string { return string(f) }

type Wrapper struct {
	Namer
	prefix string
}

func (w Wrapper) Full() string { return w.prefix + w.Name() }

func main() {
	w := Wrapper{fixed("core"), "pre-"}
	f := w.Name
	g := w.Full
	w.Namer = fixed("changed")
	fmt.Println(f(), g(), w.Full())
	var n Namer = w
	fmt.Println(strings.ToUpper(n.Name()))
	var empty Wrapper
	func() {
		defer func() { fmt.Println("nil embedded iface:", recover() != nil) }()
		empty.Name()
	}()
}

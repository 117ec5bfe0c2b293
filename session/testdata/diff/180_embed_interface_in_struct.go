package main

import (
	"fmt"
	"strings"
)

type Writer interface{ Write(s string) }

type sb struct{ b strings.Builder }

func (s *sb) Write(x string) { s.b.WriteString(x) }

type Upper struct{ Writer }

func (u Upper) Write(s string) { u.Writer.Write(strings.ToUpper(s)) }

func main() {
	base := &sb{}
	var w Writer = Upper{base}
	w.Write("hello ")
	w.Write("world")
	fmt.Println(base.b.String())
}

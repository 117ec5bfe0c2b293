package main

import (
	"fmt"
	"strings"
)

type Expr interface{ Eval() int }

type Num int
type Add struct{ L, R Expr }
type Mul struct{ L, R Expr }

func (n Num) Eval() int { return int(n) }
func (a Add) Eval() int { return a.L.Eval() + a.R.Eval() }
func (m Mul) Eval() int { return m.L.Eval() * m.R.Eval() }

type Dir struct {
	Name string
	Kids []Dir
}

func (d Dir) Print(depth int, sb *strings.Builder) {
	sb.WriteString(strings.Repeat("  ", depth) + d.Name + "\n")
	for _, k := range d.Kids {
		k.Print(depth+1, sb)
	}
}

func main() {
	e := Add{Num(2), Mul{Num(3), Add{Num(1), Num(4)}}}
	fmt.Println(e.Eval())
	var sb strings.Builder
	Dir{"root", []Dir{{"a", []Dir{{"a1", nil}}}, {"b", nil}}}.Print(0, &sb)
	fmt.Print(sb.String())
}

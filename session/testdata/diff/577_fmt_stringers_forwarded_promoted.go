// String methods where fmt meets them indirectly: operands of fmt.Print
// among others (the result of a call printed the matrix's rows as
// [[1 4] [2 5]], and Print spaces operands that are not strings), a
// variadic ...any forwarded to fmt.Sprintf (yaegi's wrappers printed as
// {0xc000... {...}}), and a String method promoted from an embedded field.
package main

import (
	"fmt"
	"strings"
)

type Matrix [][]float64

func (m Matrix) String() string {
	var sb strings.Builder
	for _, row := range m {
		sb.WriteString("[")
		for _, v := range row {
			fmt.Fprintf(&sb, " %4.1f", v)
		}
		sb.WriteString(" ]\n")
	}
	return sb.String()
}

func (m Matrix) T() Matrix {
	out := make(Matrix, len(m[0]))
	for i := range out {
		out[i] = make([]float64, len(m))
		for j := range m {
			out[i][j] = m[j][i]
		}
	}
	return out
}

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Position struct{ X, Y int }

func (p Position) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Hero struct {
	Name string
	Position
}

type Logger struct{ lines []string }

func (l *Logger) Logf(format string, args ...any) {
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *Logger) Log(args ...any) { l.lines = append(l.lines, fmt.Sprint(args...)) }

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	fmt.Print("A =\n", a)
	fmt.Print("A^T =\n", a.T())
	fmt.Print(Level(0), Level(2), "\n")
	fmt.Print(Level(1), 7, "|", a.T()[0][1], Level(2), "\n")
	s := fmt.Sprint(Level(0), Level(1))
	fmt.Println(s, len(s))
	h := Hero{"hero", Position{1, 2}}
	var log Logger
	for i := 0; i < 3; i++ {
		h.X += i
		log.Logf("%s moved to %v", h.Name, h.Position)
	}
	log.Logf("%v at level %v", h, Level(1))
	log.Log(h, Level(2), 3)
	for _, l := range log.lines {
		fmt.Println(l)
	}
	fmt.Println(h, &h)
	fmt.Printf("%v %s %+v\n", h, h, h)
}

// A Format method of a type of the cells, met on the result of a call
// given to fmt: yaegi gave fmt the bare value (%#v of m.T() printed the
// [][]float64 without calling Format).
package main

import (
	"fmt"
	"strings"
)

type Matrix [][]float64

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

func (m Matrix) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		fmt.Fprintf(f, "Matrix%v", [][]float64(m))
		return
	}
	prec, ok := f.Precision()
	if !ok {
		prec = 1
	}
	var sb strings.Builder
	for _, row := range m {
		for _, v := range row {
			fmt.Fprintf(&sb, " %.*f", prec, v)
		}
		sb.WriteString(" ;")
	}
	fmt.Fprintf(f, "%c[%s]", verb, sb.String())
}

func identity(n int) Matrix {
	m := make(Matrix, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	return m
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	fmt.Printf("%#v\n", a.T())
	fmt.Printf("%v|%.2f|%+v\n", a.T(), a.T(), identity(2))
	fmt.Println(a.T(), identity(1))
	fmt.Print(identity(2), "\n")
	s := fmt.Sprintf("%d", a.T().T())
	fmt.Println(s)
	ms := []Matrix{identity(1), a}
	fmt.Println(ms[1].T())
	fmt.Printf("%s\n", func() Matrix { return identity(3) }())
}

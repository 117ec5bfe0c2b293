// A generic matrix with methods, mapped by a generic Map to a matrix of a
// named type of the cells (Matrix[Meters]) and to a float64 one: yaegi
// fails ("not a generic type: func(*Matrix,func(T) U) *Matrix" as one
// cell, "undefined type for T" split), reported raw before; now the
// interpreter's limit of generics, with what to do. From a held-out batch.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Matrix[T Number] struct {
	rows, cols int
	data       []T
}

func NewMatrix[T Number](rows, cols int) *Matrix[T] {
	return &Matrix[T]{rows: rows, cols: cols, data: make([]T, rows*cols)}
}

func FromRows[T Number](rows [][]T) *Matrix[T] {
	m := NewMatrix[T](len(rows), len(rows[0]))
	for i, r := range rows {
		copy(m.data[i*m.cols:], r)
	}
	return m
}

var ErrShape = errors.New("shape mismatch")

func (m *Matrix[T]) At(i, j int) T     { return m.data[i*m.cols+j] }
func (m *Matrix[T]) Set(i, j int, v T) { m.data[i*m.cols+j] = v }
func (m *Matrix[T]) Row(i int) []T     { return m.data[i*m.cols : (i+1)*m.cols] }

func (m *Matrix[T]) Add(o *Matrix[T]) (*Matrix[T], error) {
	if m.rows != o.rows || m.cols != o.cols {
		return nil, fmt.Errorf("add %dx%d + %dx%d: %w", m.rows, m.cols, o.rows, o.cols, ErrShape)
	}
	r := NewMatrix[T](m.rows, m.cols)
	for i := range m.data {
		r.data[i] = m.data[i] + o.data[i]
	}
	return r, nil
}

func (m *Matrix[T]) Transpose() *Matrix[T] {
	t := NewMatrix[T](m.cols, m.rows)
	for i := range m.rows {
		for j := range m.cols {
			t.Set(j, i, m.At(i, j))
		}
	}
	return t
}

func (m *Matrix[T]) String() string {
	var sb strings.Builder
	for i := range m.rows {
		for _, v := range m.Row(i) {
			fmt.Fprintf(&sb, "%7v", v)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// Det computes the determinant by cofactor expansion along the first row.
func Det[T Number](m *Matrix[T]) T {
	if m.rows == 1 {
		return m.data[0]
	}
	var det T
	sign := T(1)
	for col := range m.cols {
		minor := NewMatrix[T](m.rows-1, m.cols-1)
		for i := 1; i < m.rows; i++ {
			k := 0
			for j := range m.cols {
				if j != col {
					minor.Set(i-1, k, m.At(i, j))
					k++
				}
			}
		}
		det += sign * m.At(0, col) * Det(minor)
		sign = -sign
	}
	return det
}

func Map[T, U Number](m *Matrix[T], f func(T) U) *Matrix[U] {
	r := NewMatrix[U](m.rows, m.cols)
	for i, v := range m.data {
		r.data[i] = f(v)
	}
	return r
}

type Meters float64

func main() {
	a := FromRows([][]int{{1, 2, 3}, {4, 5, 6}})
	fmt.Print("A =\n", a, "A^T =\n", a.Transpose())
	sum, err := a.Add(FromRows([][]int{{10, 20, 30}, {40, 50, 60}}))
	fmt.Print("A + B =\n", sum, "err: ", err, "\n")
	_, err = a.Add(a.Transpose())
	fmt.Println("err:", err, "| is ErrShape:", errors.Is(err, ErrShape))

	sq := FromRows([][]int{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}})
	fmt.Println("det =", Det(sq), "det(T) =", Det(sq.Transpose()))
	row := sq.Row(1)
	row[1] = 7 // Row aliases the backing slice
	fmt.Print("after aliasing write:\n", sq, "det = ", Det(sq), "\n")

	dist := Map(a, func(v int) Meters { return Meters(v) * 0.5 })
	fmt.Printf("%T\n%v", dist, dist)
	fmt.Printf("det(sq/3) = %.6f\n", Det(Map(sq, func(v int) float64 { return float64(v) / 3 })))
}

package main

import (
	"fmt"
	"strings"
)

type P struct{ a, b int }

func k() int { return 7 }

func h(s []int) []int { return s }

func pair() (int, string) { return 1, "one" }

func main() {
	// Several values with a call or a composite literal among them.
	s := []int{1}
	var n int
	n, s = 5, append(s, 2)
	fmt.Println(s, n)
	var p []int
	n, p = 6, []int{3}
	fmt.Println(n, p)
	s, n = h(s), 8
	fmt.Println(s, n)
	// The values are evaluated before any assignment.
	s, n = append(s, n), len(s)
	fmt.Println(s, n)
	m := 0
	n, m = k(), n
	fmt.Println(n, m)
	t := []int{0}
	t, s = append(s, 2), append(t, 7)
	fmt.Println(s, t)
	// Fields and elements.
	var q P
	q.a, q.b = 5, k()
	a := []int{0, 0}
	a[0], a[1] = k(), 5
	fmt.Println(q, a)
	// A target indexed by a name assigned before it: the old index.
	idx := 0
	idx, a[idx] = 1, k()+1
	fmt.Println(idx, a)
	// Defines, new names and names declared before in the same scope.
	x, y := 5, []string{"a"}
	fmt.Println(x, y)
	x, z := x+1, strings.Repeat("z", x)
	fmt.Println(x, z)
	w := 3
	w, v := w*2, w
	fmt.Println(w, v)
	var b strings.Builder
	b.WriteString("built")
	r, err := strings.NewReader(b.String()), error(nil)
	fmt.Println(r.Len(), err)
	// Untyped nil among the values, blanks, and conversions.
	var e error
	var ptr *int
	n, e, ptr = 9, nil, nil
	fmt.Println(n, e, ptr)
	_, f := k(), float64(k())/2
	fmt.Println(f)
	i, str := pair()
	i, str = i+1, str+"!"
	fmt.Println(i, str)
	// One call for both: the name declared before is assigned.
	sb := "a"
	sb, ok := strings.CutPrefix(sb+"bc", "a")
	fmt.Println(sb, ok)
	// In a function.
	func() {
		c, d := []int{1}, 0
		d, c = len(c), append(c, 9)
		fmt.Println(c, d)
	}()
}

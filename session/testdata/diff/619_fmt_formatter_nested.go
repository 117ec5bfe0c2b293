// fmt calls a Format method of the cells' types wherever it meets the
// value: as an operand, in slices, arrays, maps and exported struct
// fields, for %#v too; not under an unexported field.
package main

import "fmt"

type Cents int64

func (c Cents) Format(f fmt.State, verb rune) {
	prec, ok := f.Precision()
	if !ok {
		prec = 2
	}
	s := fmt.Sprintf("$%d", int64(c)/100)
	if prec > 0 {
		s += fmt.Sprintf(".%02d", int64(c)%100)[:prec+1]
	}
	if f.Flag('#') {
		s = "Cents(" + s + ")"
	}
	if w, ok := f.Width(); ok {
		s = fmt.Sprintf("%*s", w, s)
	}
	fmt.Fprint(f, s)
}

type Vec struct{ X, Y int }

func (v *Vec) Format(f fmt.State, verb rune) {
	if v == nil {
		fmt.Fprint(f, "no vec")
		return
	}
	fmt.Fprintf(f, "<%d %c %d>", v.X, verb, v.Y)
}

type Color int

func (c Color) GoString() string { return [...]string{"Red", "Green"}[c] }
func (c Color) String() string   { return "color" }

type Key struct {
	Zone string
	N    int
}

func (k Key) String() string { return k.Zone + "#" + fmt.Sprint(k.N) }

type Line struct {
	Label string
	Cost  Cents
	cost  Cents
	At    *Vec
}

func main() {
	prices := []Cents{1999, 5, 100000}
	fmt.Println(prices)
	fmt.Printf("%v|%8v|%.1v|%#v\n", prices, prices, prices, prices)
	fmt.Printf("%#v\n", Cents(250))
	fmt.Println([2]Cents{1, 2}, map[string]Cents{"b": 20, "a": 10})
	var nilVec *Vec
	l := Line{"tea", 350, 350, &Vec{1, 2}}
	fmt.Printf("%v\n%+v\n", l, l)
	fmt.Println([]*Vec{{3, 4}, nilVec}, nilVec)
	fmt.Printf("%d %s\n", []*Vec{{5, 6}}, &Vec{7, 8})
	for _, c := range prices {
		fmt.Print(c, " ")
	}
	fmt.Println()
	fmt.Println(fmt.Sprint(map[Cents]string{300: "c", 100: "a"}))
	fmt.Printf("%#v %v %#v\n", []Color{1, 0}, []Color{1, 0}, map[string]Color{"x": 1})
	fmt.Println(map[Key]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3})
}

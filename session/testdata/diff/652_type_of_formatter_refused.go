// %T of a value of the cells' types held in fmt.Formatter, an interface
// of a compiled package: yaegi holds it in a wrapper without its type
// (the %T printed was the wrapper's, or "string", the last field's), so
// the kernel refuses it; %T of the value before the conversion works.
package main

import "fmt"

type Money struct {
	Cents    int64
	Currency string
}

func (m Money) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "%d.%02d %s", m.Cents/100, m.Cents%100, m.Currency)
}

func main() {
	var a any = Money{101754, "EUR"}
	fmt.Printf("%T\n", a)
	if f, ok := a.(fmt.Formatter); ok {
		fmt.Printf("is formatter: %T\n", f)
	}
}

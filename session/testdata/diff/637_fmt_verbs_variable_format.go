// fmt verbs of a format string held in a variable, given values of the
// cells' named types with String or Error methods: the kernel gives fmt
// such values in wrappers that keep their types, and fmt printed the
// wrapper's fields for the verbs that do not call the method
// (`{%!d(float64=21.456) 10229088 10229088}` for %d of a Temp; held-out
// o16). The wrappers now format as the value would.
package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func main() {
	t := Temp(21.456)
	verbs := "%v %s %d %.2f %q %x|\n"
	fmt.Printf(verbs, t, t, t, t, t, t)
	var e error = Code(404)
	fmt.Printf("%v %d %T %5d|%-6v|\n", e, e, e, e, e)
	layout := "%s=%v (%d)\n"
	fmt.Printf(layout, "code", Code(500), Code(500))
	var s fmt.Stringer = Temp(-3)
	fmt.Printf("%v %+v %.1f %s\n", s, s, s, s)
	fmt.Println(fmt.Sprintf(verbs, Temp(1), Temp(2), Temp(3), Temp(4), Temp(5), Temp(6)))
}

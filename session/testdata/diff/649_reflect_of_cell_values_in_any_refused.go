// reflect.TypeOf of a value of a type of the cells held in an any: the
// interpreter's reflect types of the cells' types have no names
// (interp.valueInterface, struct { Station string ... }), so the kernel
// refuses it as it runs; values of other types work.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

type Reading struct {
	Station string
	Temp    Celsius
}

func describe(v any) string {
	t := reflect.TypeOf(v)
	return fmt.Sprintf("%s kind=%s", t, t.Kind())
}

func main() {
	fmt.Println(describe(3), describe("s"), describe([]int{1}))
	fmt.Println(describe(map[string]float64{}))
	fmt.Println(describe(Reading{"x", 1}))
}

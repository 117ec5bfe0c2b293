package main

import (
	"fmt"
	"strings"
)

type Money int64

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "USD %d.%02d", m/100, m%100)
			return
		}
		fmt.Fprintf(f, "$%d.%02d", m/100, m%100)
	case 'd':
		fmt.Fprintf(f, "%d", int64(m))
	default:
		fmt.Fprintf(f, "%%!%c(Money)", verb)
	}
}

type Level int

func (l Level) GoString() string { return "Level(" + strings.Repeat("*", int(l)) + ")" }

func main() {
	m := Money(12345)
	fmt.Printf("%v|%+v|%s|%d|%x\n", m, m, m, m, m)
	fmt.Println(m)
	fmt.Printf("%#v %v\n", Level(3), Level(3))
}

package main

import "fmt"

type Duration int64

const (
	Nano   Duration = 1
	Micro           = 1000 * Nano
	Milli           = 1000 * Micro
	Second          = 1000 * Milli
)

func (d Duration) Seconds() float64 { return float64(d) / float64(Second) }

func main() {
	fmt.Printf("%T %T\n", Micro, Second)
	fmt.Println(Second, Milli*1500)
	fmt.Println((Milli * 1500).Seconds(), Duration(2500000000).Seconds())
	const x = Second / Milli
	fmt.Printf("%T %v\n", x, x)
}

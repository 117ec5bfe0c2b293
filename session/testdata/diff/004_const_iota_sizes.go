package main

import "fmt"

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func main() {
	fmt.Println(KB, MB, GB)
	fmt.Printf("%.0f\n", TB)
	fmt.Println(TB / GB)
}

package main

import "fmt"

const Huge = 1 << 100
const Small = Huge >> 98

const Big = 1e300 * 1e300 / 1e300

func main() {
	fmt.Println(Small)
	fmt.Println(Huge / (1 << 90))
	fmt.Println(Big > 1e299)
	var f float64 = Huge
	fmt.Println(f)
}

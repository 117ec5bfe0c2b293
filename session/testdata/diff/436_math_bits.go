package main

import (
	"fmt"
	"math/bits"
)

func main() {
	var x uint32 = 0b1011_0000
	fmt.Println(bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Len32(x))
	fmt.Printf("%08b %08b\n", bits.RotateLeft8(0b1000_0001, 1), bits.Reverse8(0b0000_0110))
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	sum, carry := bits.Add64(^uint64(0), 1, 0)
	fmt.Println(sum, carry)
	fmt.Println(bits.UintSize)
}

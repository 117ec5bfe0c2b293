package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", n, n, n, n, n)
	fmt.Printf("%b|%o|%O|%x|%X|%#x|%#o\n", n, n, n, n, n, n, n)
	fmt.Printf("%c|%q|%U|%#U\n", 0x4E16, rune(0x4E16), 0x4E16, 0x4E16)
	fmt.Printf("%x|%X|% x\n", -255, "hi", []byte{1, 2, 255})
	fmt.Printf("%08b\n", 5)
}

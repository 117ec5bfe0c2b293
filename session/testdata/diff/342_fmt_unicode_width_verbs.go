package main

import "fmt"

func main() {
	fmt.Printf("[%5s]\n", "é")
	fmt.Printf("[%-4s]\n", "世界")
	fmt.Printf("[%.1s]\n", "世界")
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%U %#U\n", '⌘', '⌘')
	fmt.Printf("%x % X %#x\n", "é", "é", "é")
	fmt.Printf("%q %+q\n", '世', '世')
}

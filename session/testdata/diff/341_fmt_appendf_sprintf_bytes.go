package main

import "fmt"

func main() {
	b := []byte("log: ")
	b = fmt.Appendf(b, "%d items", 3)
	b = fmt.Append(b, " ", true)
	b = fmt.Appendln(b, " end")
	fmt.Print(string(b))
	fmt.Printf("%s|%x|%v\n", []byte("ab"), []byte("ab"), []byte("ab"))
	fmt.Printf("%08.3f|%+08.2f|%x\n", 3.14159, -2.5, 3.5)
}

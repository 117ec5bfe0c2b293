package main

import "fmt"

func main() {
	buf := make([]byte, 0, 8)
	for i := range 5 {
		buf = append(buf, byte('a'+i))
	}
	fmt.Println(string(buf), len(buf), cap(buf))
	buf = buf[:0]
	buf = append(buf, "reset"...)
	fmt.Println(string(buf))
	buf = fmt.Appendf(buf, "-%d", 42)
	fmt.Println(string(buf))
}

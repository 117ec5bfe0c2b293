package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	buf.WriteByte('!')
	fmt.Fprintf(&buf, " %d", 2024)
	fmt.Println(buf.String(), buf.Len())
	p := make([]byte, 5)
	n, _ := buf.Read(p)
	fmt.Println(n, string(p), buf.String())
	line, err := bytes.NewBufferString("a\nb\n").ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	buf.Truncate(3)
	fmt.Printf("%q\n", buf.String())
}

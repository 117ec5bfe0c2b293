package main

import (
	"bytes"
	"fmt"
)

func main() {
	a := []byte("Hello, Gopher")
	fmt.Println(bytes.Contains(a, []byte("Go")), bytes.Index(a, []byte("o")), bytes.Count(a, []byte("o")))
	fmt.Println(bytes.Equal([]byte("x"), []byte("x")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Printf("%s\n", bytes.ToUpper(a))
	fmt.Printf("%q\n", bytes.Split([]byte("a:b:c"), []byte(":")))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("x"), []byte("y")}, []byte("--")))
	fmt.Printf("%s|\n", bytes.TrimSpace([]byte("  pad  ")))
	fmt.Println(bytes.HasPrefix(a, []byte("Hell")), bytes.Equal(nil, []byte{}))
	fields := bytes.Fields([]byte(" one  two "))
	fmt.Println(len(fields), string(fields[1]))
}

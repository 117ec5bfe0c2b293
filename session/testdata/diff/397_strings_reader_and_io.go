package main

import (
	"fmt"
	"io"
	"strings"
)

func main() {
	r := strings.NewReader("abcdefgh")
	buf := make([]byte, 3)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			fmt.Printf("%q ", buf[:n])
		}
		if err == io.EOF {
			break
		}
	}
	fmt.Println()
	r.Seek(2, io.SeekStart)
	rest, _ := io.ReadAll(r)
	fmt.Println(string(rest))
	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	b, _ := io.ReadAll(lr)
	fmt.Println(string(b))
	var sb strings.Builder
	mw := io.MultiWriter(&sb, &sb)
	io.WriteString(mw, "dup")
	fmt.Println(sb.String())
}

package main

import (
	"fmt"
	"io"
	"strings"
)

type upperReader struct{ r io.Reader }

func (u upperReader) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] >= 'a' && p[i] <= 'z' {
			p[i] -= 32
		}
	}
	return n, err
}

func main() {
	r := upperReader{strings.NewReader("hello, reader")}
	b, err := io.ReadAll(r)
	fmt.Println(string(b), err)
	var sb strings.Builder
	n, _ := io.Copy(&sb, upperReader{strings.NewReader("copy me")})
	fmt.Println(n, sb.String())
}

package main

import (
	"bytes"
	"fmt"
	"sync"
)

var bufPool = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

func render(name string) string {
	b := bufPool.Get().(*bytes.Buffer)
	defer bufPool.Put(b)
	b.Reset()
	b.WriteString("Hello, ")
	b.WriteString(name)
	return b.String()
}

func main() {
	for _, n := range []string{"a", "b", "c"} {
		fmt.Println(render(n))
	}
}

package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := range 3 {
		fmt.Fprintf(&sb, "%d-", i)
	}
	sb.WriteByte('|')
	sb.WriteRune('é')
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())
	sb.Reset()
	fmt.Printf("%q\n", sb.String())
}

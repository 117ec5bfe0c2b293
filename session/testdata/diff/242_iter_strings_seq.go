package main

import (
	"fmt"
	"strings"
)

func main() {
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  one two   three ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()
	for line := range strings.Lines("x\ny\nz") {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
}

package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1)
	fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 2)
	var sb strings.Builder
	n, err := fmt.Fprint(&sb, "a", 1, "b")
	fmt.Println(sb.String(), n, err)
	e := fmt.Errorf("code %d: %q", 404, "not found")
	fmt.Println(e)
	fmt.Printf("%v|%s|%q\n", e, e, e)
}

package main

import (
	"fmt"
	"strings"
)

func main() {
	parts := []string{}
	s := ""
	for i := range 5 {
		s += fmt.Sprint(i)
		parts = append(parts, fmt.Sprint(i))
	}
	fmt.Println(s, strings.Join(parts, ""), s == strings.Join(parts, ""))
	fmt.Println(strings.Join(nil, ","), len(strings.Join([]string{""}, ",")))
}

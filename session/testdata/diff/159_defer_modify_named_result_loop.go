package main

import "fmt"

func build() (s []string) {
	for i := range 3 {
		defer func() { s = append(s, fmt.Sprint("d", i)) }()
	}
	return []string{"ret"}
}

func main() {
	fmt.Println(build())
}

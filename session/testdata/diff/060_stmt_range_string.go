package main

import "fmt"

func main() {
	for i, r := range "aé世!" {
		fmt.Printf("%d %c %U\n", i, r, r)
	}
	for i, r := range "\xffz" {
		fmt.Println(i, r)
	}
}

package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"12", "x", "-3"} {
		if n, err := strconv.Atoi(s); err != nil {
			fmt.Println("bad", s)
		} else if n < 0 {
			fmt.Println("negative", n)
		} else {
			fmt.Println("ok", n)
		}
	}
}

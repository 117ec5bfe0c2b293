package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-0", "3.5", "0x1f", "", "300"} {
		v, err := strconv.ParseUint(s, 0, 8)
		if err != nil {
			var ne *strconv.NumError
			errors.As(err, &ne)
			fmt.Printf("%q -> error %v (range=%v)\n", s, ne.Err, errors.Is(err, strconv.ErrRange))
			continue
		}
		fmt.Printf("%q -> %d\n", s, v)
	}
}

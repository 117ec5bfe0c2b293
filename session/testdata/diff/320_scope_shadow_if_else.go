package main

import (
	"errors"
	"fmt"
)

func get(ok bool) (int, error) {
	if ok {
		return 1, nil
	}
	return 0, errors.New("fail")
}

func main() {
	var err error
	if v, err := get(false); err != nil {
		fmt.Println("inner err:", err, v)
	}
	fmt.Println("outer err:", err)
	x := 1
	if x := x + 1; x > 1 {
		x := x * 10
		fmt.Println(x)
	} else {
		fmt.Println(x)
	}
	fmt.Println(x)
}

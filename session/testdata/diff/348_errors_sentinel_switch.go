package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
)

func classify(err error) string {
	var numErr *strconv.NumError
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, io.EOF):
		return "eof"
	case errors.As(err, &numErr):
		return "num error in " + numErr.Func + ": " + numErr.Err.Error()
	default:
		return "other: " + err.Error()
	}
}

func main() {
	_, e1 := strconv.Atoi("12a")
	_, e2 := strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(classify(nil))
	fmt.Println(classify(fmt.Errorf("read: %w", io.EOF)))
	fmt.Println(classify(e1))
	fmt.Println(classify(e2))
	fmt.Println(classify(errors.New("boom")))
}

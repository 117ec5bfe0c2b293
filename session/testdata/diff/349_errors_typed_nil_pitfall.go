package main

import "fmt"

type MyErr struct{}

func (*MyErr) Error() string { return "my err" }

func bad() error {
	var e *MyErr = nil
	return e
}

func good() error {
	var e *MyErr = nil
	if e == nil {
		return nil
	}
	return e
}

func main() {
	fmt.Println(bad() == nil, good() == nil)
	if err := bad(); err != nil {
		fmt.Printf("non-nil interface holding %T\n", err)
	}
}

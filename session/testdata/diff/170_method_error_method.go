package main

import "fmt"

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func lookup(k string) error {
	if k == "a" {
		return nil
	}
	return &NotFound{k}
}

func main() {
	fmt.Println(lookup("a"))
	err := lookup("b")
	fmt.Println(err)
	fmt.Printf("%v | %s | %T\n", err, err, err)
	if nf, ok := err.(*NotFound); ok {
		fmt.Println("key:", nf.Key)
	}
}

package main

import "fmt"

type E struct{}

func (*E) Error() string { return "E" }

func mayFail(fail bool) error {
	var p *E
	if fail {
		p = &E{}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &E{}
	}
	return nil
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T\n", err)
	fmt.Println(correct(false) == nil)
	var i any
	fmt.Println(i == nil)
	i = (*int)(nil)
	fmt.Println(i == nil)
}

package main

import "fmt"

type PS struct{ n int }

func (p *PS) String() string { return fmt.Sprintf("PS<%d>", p.n) }

type E struct{ Code int }

func (e *E) Error() string { return "E" }

func main() {
	p := PS{1}
	fmt.Println(&p, p)
	fmt.Printf("%v %+v %s %v\n", p, p, &p, &p)
	e := E{7}
	fmt.Println(e, &e)
	fmt.Printf("%v|%+v|%d\n", e, e, e)
	fmt.Print(p)
	fmt.Println()
	s := fmt.Sprint(p)
	fmt.Println(s)
}

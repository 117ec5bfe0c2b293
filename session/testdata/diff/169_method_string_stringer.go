package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Pair struct{ A, B Temp }

type PS struct{ n int }

func (p *PS) String() string { return fmt.Sprintf("PS<%d>", p.n) }

func main() {
	t := Temp(21.456)
	fmt.Println(t)
	fmt.Printf("%v %s %.2f\n", t, t, float64(t))
	fmt.Println(Pair{1, 2})
	fmt.Println([]Temp{3, 4})
	p := PS{1}
	fmt.Println(&p)
	fmt.Printf("%+v\n", p)
}

package main

import "fmt"

type Parser struct{ data []byte }

func two(b []byte) (int, int) { return 7, len(b) }

func (p *Parser) Split() (head, tail []byte) {
	if len(p.data) == 0 {
		return nil, nil
	}
	return p.data[:1], p.data[1:]
}

func helper() string {
	a, b := two([]byte("xyz"))
	return fmt.Sprint(a, b)
}

func main() {
	fmt.Println(helper())
	p := &Parser{[]byte("hello")}
	h, t := p.Split()
	fmt.Println(string(h), string(t))
	var q struct{ x, y int }
	q.x, q.y = two(t)
	fmt.Println(q)
	for a, b := two(nil); a > b; a-- {
		fmt.Print(a, " ")
	}
	fmt.Println()
}

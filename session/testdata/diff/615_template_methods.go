package main

// Templates calling the cells' methods and printing their String and
// Error methods: chains, variables, range and with, pointer receivers,
// (value, error) results, html/template.

import (
	"errors"
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Address struct{ Street, City string }

func (a Address) Line() string { return a.Street + ", " + strings.ToUpper(a.City) }

type Customer struct {
	First, Last string
	Addr        Address
}

func (c Customer) FullName() string  { return c.First + " " + c.Last }
func (c *Customer) Initials() string { return c.First[:1] + c.Last[:1] }

type Line struct {
	Item  string
	Qty   int
	Price Money
}

func (l Line) Total() Money { return Money(l.Qty) * l.Price }

type Invoice struct {
	Number   int
	Customer *Customer
	Lines    []Line
	Fees     []Money
	Notes    map[string]Money
}

func (inv Invoice) Total() Money {
	var t Money
	for _, l := range inv.Lines {
		t += l.Total()
	}
	return t
}

func (inv Invoice) Due() (string, error) {
	if inv.Total() > 10000 {
		return "", errors.New("needs approval")
	}
	return "in 30 days", nil
}

const text = `Invoice {{.Number}} for {{.Customer.FullName}} ({{.Customer.Initials}}), {{.Customer.Addr.Line}}
{{range $i, $l := .Lines}}{{$i}}: {{$l.Qty}} x {{$l.Item}} @ {{$l.Price}} = {{$l.Total}}
{{end}}{{range .Fees}}fee {{.}}
{{end}}{{with .Customer}}{{.First}} lives in {{.Addr.City}}{{end}}
{{range $k, $v := .Notes}}{{$k}}={{$v}} {{end}}
total {{.Total}}, due {{.Due}}
`

func main() {
	c := &Customer{"Ada", "Lovelace", Address{"12 Main St", "London"}}
	inv := Invoice{Number: 7, Customer: c, Lines: []Line{{"pen", 3, 150}, {"book", 1, 2599}}, Fees: []Money{99}, Notes: map[string]Money{"tip": 500, "disc": 25}}
	t := template.Must(template.New("inv").Parse(text))
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("error:", err)
	}
	inv.Lines = append(inv.Lines, Line{"desk", 1, 20000})
	err := t.Execute(os.Stdout, inv)
	fmt.Println()
	fmt.Println("error:", err)
	h := htmpl.Must(htmpl.New("h").Parse(`<p>{{.FullName}} &lt;{{.Addr.Line}}&gt;</p>` + "\n"))
	if err := h.Execute(os.Stdout, c); err != nil {
		fmt.Println("error:", err)
	}
	lines := template.Must(template.New("l").Parse(`{{range .}}[{{.Item}} {{.Total}}]{{end}}` + "\n"))
	lines.Execute(os.Stdout, inv.Lines)
}

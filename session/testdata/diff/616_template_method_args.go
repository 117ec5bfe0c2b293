package main

// Templates calling the cells' methods with arguments and in pipelines.

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Product struct {
	Name  string
	Price Money
}

func (p Product) Discounted(pct float64) Money { return Money(float64(p.Price) * (100 - pct) / 100) }
func (p Product) Label(prefix string, width int) string {
	return prefix + strings.Repeat(".", width-len(p.Name)) + p.Name
}
func (p *Product) Times(n int) Money { return p.Price * Money(n) }

type Shop struct{ Products []*Product }

func (s Shop) Find(name string) *Product {
	for _, p := range s.Products {
		if p.Name == name {
			return p
		}
	}
	return nil
}

func main() {
	s := Shop{[]*Product{{"pen", 150}, {"notebook", 499}}}
	t := template.Must(template.New("s").Parse(`{{range .Products}}{{.Label "#" 10}} {{.Price}} -10%: {{.Discounted 10}} x3: {{.Times 3}}
{{end}}{{(.Find "pen").Name}} {{with .Find "notebook"}}{{.Discounted 50}}{{end}} {{25.0 | (.Find "pen").Discounted}}
`))
	if err := t.Execute(os.Stdout, s); err != nil {
		fmt.Println("error:", err)
	}
}

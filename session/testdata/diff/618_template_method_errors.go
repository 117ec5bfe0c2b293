package main

// Templates and the cells' methods: a pointer method called on a nil
// pointer, a method's error found with errors.Is through the template's
// error, a method whose second result is not an error, String of a
// method's result.

import (
	"errors"
	"fmt"
	"os"
	"text/template"
)

var ErrEmpty = errors.New("empty stock")

type Qty int

func (q Qty) String() string { return fmt.Sprintf("%d pcs", int(q)) }

type Manager struct{ Name string }

func (m *Manager) Display() string {
	if m == nil {
		return "(vacant)"
	}
	return m.Name
}

type Shop struct {
	City    string
	Manager *Manager
	Stock   Qty
}

func (s Shop) Take(n int) (Qty, error) {
	if Qty(n) > s.Stock {
		return 0, fmt.Errorf("take %d in %s: %w", n, s.City, ErrEmpty)
	}
	return s.Stock - Qty(n), nil
}

func (s Shop) Pair() (string, int) { return s.City, 1 }

func main() {
	t := template.Must(template.New("s").Parse(`{{range .}}{{.City}}: {{.Manager.Display}}, left {{.Take 2}}
{{end}}`))
	shops := []Shop{{"Oslo", &Manager{"Kari"}, 5}, {"Rome", nil, 3}}
	fmt.Println(t.Execute(os.Stdout, shops))
	shops[1].Stock = 1
	err := t.Execute(os.Stdout, shops)
	fmt.Println()
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrEmpty))
	err = template.Must(template.New("p").Parse(`{{.Pair}}`)).Execute(os.Stdout, shops[0])
	fmt.Println(err)
}

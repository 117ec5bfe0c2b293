package main

// A template printing a field whose type has a String method: Go calls
// it (the interpreter's compiled template printed 1 for $1).

import (
	"os"
	"text/template"
)

type Money int

func (m Money) String() string { return "$" + string(rune('0'+int(m))) }

type Item struct {
	Name  string
	Price Money
}

func main() {
	t := template.Must(template.New("x").Parse("{{range .}}{{.Name}}: {{.Price}}\n{{end}}"))
	t.Execute(os.Stdout, []Item{{"a", 1}, {"b", 2}})
}

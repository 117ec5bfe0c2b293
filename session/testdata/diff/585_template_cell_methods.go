// text/template calling a method of the cells' types ({{.Label}}): compiled
// reflect does not see the methods, so the template failed with "cannot
// evaluate field Label in type struct {...}"; now a clear error. Errors
// naming a missing field name the cells' type (main.Invoice) as Go does.
package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
}

func (i Item) Label() string { return strings.ToUpper(i.Name) }

type Invoice struct {
	Number int
	Items  []Item
}

func main() {
	inv := Invoice{7, []Item{{"pen", 1.5}, {"ink", 3}}}
	t := template.Must(template.New("inv").Parse("#{{.Number}}\n{{range .Items}}- {{.Name}} {{printf \"%.2f\" .Price}}\n{{end}}"))
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("error:", err)
	}
	bad := template.Must(template.New("bad").Parse("Hello {{.Missing}}!\n"))
	err := bad.Execute(os.Stdout, inv)
	fmt.Println("execute error:", err)
	var sb strings.Builder
	err = template.Must(template.New("m").Parse("{{range .}}{{.Label}} {{end}}")).Execute(&sb, inv.Items)
	fmt.Println(sb.String(), err)
}

package main

import (
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

const tpl = `{{range $i, $it := .}}{{$i}}. {{$it.Name | upper}} ${{printf "%.2f" $it.Price}}{{if $it.Tags}} [{{join $it.Tags ","}}]{{end}}
{{end}}`

func main() {
	t := template.Must(template.New("x").Funcs(template.FuncMap{
		"upper": strings.ToUpper,
		"join":  strings.Join,
	}).Parse(tpl))
	items := []Item{{"pen", 1.5, nil}, {"book", 12, []string{"paper", "new"}}}
	if err := t.Execute(os.Stdout, items); err != nil {
		panic(err)
	}
}

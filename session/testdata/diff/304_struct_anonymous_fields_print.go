package main

import "fmt"

type Meta struct{ Version int }

type Doc struct {
	Meta
	Title string
	Body  *string
	Kids  []Doc
}

func main() {
	body := "text"
	d := Doc{Meta{2}, "root", &body, []Doc{{Title: "child"}}}
	fmt.Printf("%v\n", d.Kids)
	fmt.Printf("%+v\n", d.Kids[0])
	fmt.Printf("%+v\n", d.Meta)
	fmt.Println(d.Version, *d.Body, d.Kids[0].Body == nil)
}

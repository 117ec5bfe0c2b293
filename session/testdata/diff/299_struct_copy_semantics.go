package main

import "fmt"

type Config struct {
	Name  string
	Tags  []string
	Limit *int
}

func main() {
	lim := 5
	a := Config{"a", []string{"t1"}, &lim}
	b := a
	b.Name = "b"
	b.Tags[0] = "shared"
	*b.Limit = 10
	b.Tags = append(b.Tags, "t2")
	fmt.Println(a.Name, a.Tags, *a.Limit)
	fmt.Println(b.Name, b.Tags, *b.Limit)
}

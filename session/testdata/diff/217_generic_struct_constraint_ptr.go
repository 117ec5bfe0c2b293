package main

import "fmt"

type Setter[T any] interface {
	Set(string)
	*T
}

type Config struct{ v string }

func (c *Config) Set(s string) { c.v = "cfg:" + s }

type Label struct{ text string }

func (l *Label) Set(s string) { l.text = "[" + s + "]" }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		PT(&out[i]).Set(s)
	}
	return out
}

func main() {
	fmt.Println(FromStrings[Config]([]string{"a", "b"}))
	fmt.Printf("%+v\n", FromStrings[Label]([]string{"x"}))
}

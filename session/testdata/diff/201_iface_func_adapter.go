package main

import "fmt"

type Handler interface{ Handle(string) string }

type HandlerFunc func(string) string

func (f HandlerFunc) Handle(s string) string { return f(s) }

func chain(hs ...Handler) Handler {
	return HandlerFunc(func(s string) string {
		for _, h := range hs {
			s = h.Handle(s)
		}
		return s
	})
}

func main() {
	h := chain(
		HandlerFunc(func(s string) string { return s + "-a" }),
		HandlerFunc(func(s string) string { return s + "-b" }),
	)
	fmt.Println(h.Handle("req"))
}

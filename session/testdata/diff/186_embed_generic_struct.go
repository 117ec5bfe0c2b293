package main

import "fmt"

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func (l *List[T]) Len() int { return len(l.items) }

type Named struct {
	List[string]
	Title string
}

func main() {
	n := Named{Title: "todo"}
	n.Push("a")
	n.Push("b")
	fmt.Println(n.Title, n.Len(), n.items)
}

package main

import "fmt"

type Logger struct{ lines []string }

func (l *Logger) Log(s string) { l.lines = append(l.lines, s) }
func (l *Logger) Count() int   { return len(l.lines) }

type Service struct {
	*Logger
	name string
}

func main() {
	shared := &Logger{}
	a := Service{shared, "a"}
	b := Service{shared, "b"}
	a.Log("from a")
	b.Log("from b")
	fmt.Println(shared.Count(), a.Count(), b.lines)
}

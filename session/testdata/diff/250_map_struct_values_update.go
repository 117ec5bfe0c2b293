package main

import "fmt"

type Stats struct{ Count, Sum int }

func main() {
	m := map[string]Stats{}
	for _, w := range []string{"a", "b", "a"} {
		s := m[w]
		s.Count++
		s.Sum += len(w)
		m[w] = s
	}
	fmt.Println(m["a"], m["b"])
	pm := map[string]*Stats{"x": {}}
	pm["x"].Count = 5
	fmt.Println(*pm["x"])
}

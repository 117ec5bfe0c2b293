package main

import "fmt"

type Key struct {
	NS   string
	Path [2]string
}

type Named interface{ Name() string }

func (k Key) Name() string { return k.NS + ":" + k.Path[0] }

func main() {
	var a, b Named = Key{"x", [2]string{"p", "q"}}, Key{"x", [2]string{"p", "q"}}
	fmt.Println(a == b)
	b = Key{"x", [2]string{"p", "r"}}
	fmt.Println(a == b, a.Name() == b.Name())
	seen := map[Named]int{}
	seen[a]++
	seen[Key{"x", [2]string{"p", "q"}}]++
	fmt.Println(len(seen), seen[a])
}

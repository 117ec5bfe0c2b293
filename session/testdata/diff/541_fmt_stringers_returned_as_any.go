package main

import "fmt"

type Celsius struct{ deg float64 }

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", c.deg) }

type Node struct {
	name string
	kids int
}

func (n *Node) String() string { return n.name + fmt.Sprint("/", n.kids) }

type Point struct{ X, Y int }

func parse(s string) any {
	switch s {
	case "temp":
		return Celsius{21.5}
	case "node":
		return &Node{"root", 2}
	case "point":
		return Point{1, 2}
	}
	return s
}

func all() []any {
	return []any{parse("temp"), parse("node"), parse("point"), parse("x")}
}

func main() {
	for _, s := range []string{"temp", "node", "point", "x"} {
		v := parse(s)
		fmt.Println(s, v)
		fmt.Printf("%v|%s|%d\n", v, v, v)
	}
	fmt.Println(all())
	m := map[string]any{"t": parse("temp")}
	fmt.Println(m)
}

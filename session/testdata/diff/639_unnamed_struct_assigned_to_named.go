// Values of an unnamed struct type assigned, passed, appended and returned
// where a named struct type of the same fields is expected, and the other
// way round (Go's assignability): the cells' struct types carry a tag of
// their own (629), which yaegi's assignability check saw ("cannot use
// type struct { X int; Y int} as type Point"); such values are converted.
package main

import (
	"encoding/json"
	"fmt"
)

type Point struct{ X, Y int }

type Pair struct {
	Name string `json:"name"`
	V    int    `json:"v,omitempty"`
}

func show(p struct{ X, Y int }) { fmt.Println("anon", p.X, p.Y) }

func main() {
	var p Point = struct{ X, Y int }{1, 2}
	fmt.Println(p)
	show(p)
	q := Point(struct{ X, Y int }{3, 4})
	fmt.Println(q, q == Point{3, 4})
	anon := struct{ X, Y int }{5, 6}
	p = anon
	fmt.Println(p)
	b, _ := json.Marshal(Pair{"a", 0})
	fmt.Println(string(b))
	var back Pair
	json.Unmarshal([]byte(`{"name":"z","v":3}`), &back)
	fmt.Printf("%+v %#v\n", back, back)
	r := func() Point { return struct{ X, Y int }{7, 8} }()
	fmt.Println(r)
	ps := []Point{{1, 1}}
	ps = append(ps, struct{ X, Y int }{2, 2})
	fmt.Println(ps)
}

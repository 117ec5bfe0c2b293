package main

// Values of the cells' named types (with methods) in empty interfaces:
// returned as any, in []any and maps, compared, switched on by type.

import "fmt"

type Color int

func (c Color) String() string { return [...]string{"Red", "Green", "Blue"}[c] }

type Level int

func (l Level) Up() Level { return l + 1 }

type Point struct{ X, Y int }

func (p Point) Norm1() int { return abs(p.X) + abs(p.Y) }

type Pair struct{ X, Y int }

func (p Pair) Sum() int { return p.X + p.Y }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func pick(i int) any {
	switch i {
	case 0:
		return Color(1)
	case 1:
		return Level(1)
	case 2:
		return Point{1, -2}
	case 3:
		return Pair{1, -2}
	}
	return 1
}

func pickErr(i int) (any, error) {
	if i > 4 {
		return nil, fmt.Errorf("no %d", i)
	}
	return pick(i), nil
}

func kind(x any) string {
	switch v := x.(type) {
	case Color:
		return "Color " + v.String()
	case Level:
		return fmt.Sprint("Level ", int(v.Up()))
	case Point:
		return fmt.Sprint("Point ", v.Norm1())
	case Pair:
		return fmt.Sprint("Pair ", v.Sum())
	case int:
		return fmt.Sprint("int ", v)
	}
	return "other"
}

func main() {
	for i := range 5 {
		v, err := pickErr(i)
		fmt.Println(i, kind(pick(i)), kind(v), err)
		fmt.Printf("%v %v\n", pick(i), v)
	}
	_, err := pickErr(9)
	fmt.Println(err)

	xs := []any{Color(2), Level(2), 2, Point{3, 4}, Pair{3, 4}}
	m := map[string]any{"c": Color(0), "l": Level(0)}
	for _, x := range xs {
		fmt.Print(kind(x), "; ")
	}
	fmt.Println(kind(m["c"]), kind(m["l"]))
	fmt.Println(xs)

	_, isColor := xs[1].(Color)
	_, isLevel := xs[1].(Level)
	_, isInt := xs[1].(int)
	_, isPoint := xs[4].(Point)
	fmt.Println(isColor, isLevel, isInt, isPoint)

	var a, b any = Level(2), 2
	fmt.Println(a == b, a == any(Level(2)), xs[3] == any(Pair{3, 4}), xs[3] == any(Point{3, 4}))
}

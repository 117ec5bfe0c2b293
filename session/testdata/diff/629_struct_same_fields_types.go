// Struct types of the cells with the same fields (a Dog and a Cat, a
// Point and a Vec) held in interfaces: yaegi builds its struct types with
// reflect.StructOf, which gave them one reflect type, so `==` of a Cat and
// a Bird in an `any` was true, a map[any]int held them as one key, %T of
// a Vec could not be told, and an assertion between them was refused. The
// cell compiler now gives each struct type a field tag with its name.
// (Values of types with methods as such keys stay refused: 553, 630.)
package main

import "fmt"

type Animal interface{ Sound() string }

type Dog struct{ Name string }
type Cat struct{ Name string }
type Bird struct{ Name string }

func (d Dog) Sound() string  { return d.Name + " woofs" }
func (c *Cat) Sound() string { return c.Name + " meows" }

type Point struct{ X, Y int }
type Vec struct{ X, Y int }

func describe(a any) string {
	switch v := a.(type) {
	case Dog:
		return "dog " + v.Name
	case *Cat:
		return "cat " + v.Name
	case Bird:
		return "bird " + v.Name
	case Point:
		return fmt.Sprint("point ", v.X, v.Y)
	case Vec:
		return fmt.Sprint("vec ", v.X, v.Y)
	}
	return "unknown"
}

func main() {
	zoo := []any{Dog{"rex"}, &Cat{"tom"}, Bird{"tweety"}, Point{1, 2}, Vec{1, 2}, Cat{"value"}}
	for _, z := range zoo {
		_, isAnimal := z.(Animal)
		fmt.Printf("%-12s %-8T animal=%v\n", describe(z), z, isAnimal)
	}
	fmt.Println(any(Point{1, 2}) == any(Vec{1, 2}), any(Point{1, 2}) == any(Point{1, 2}))
	fmt.Println(any(Bird{"a"}) == any(Dog{"a"}))
	var x any = Bird{"b"}
	_, isDog := x.(Dog)
	_, isBird := x.(Bird)
	fmt.Println(isDog, isBird)
	seen := map[any]int{Bird{"a"}: 2, Point{0, 0}: 3, Vec{0, 0}: 4}
	seen[Vec{0, 0}]++
	fmt.Println(len(seen), seen[Bird{"a"}], seen[Point{}], seen[Vec{}])
	fmt.Printf("%v %+v %#v\n", x, x, x)
	c := Cat(Bird{"converted"})
	fmt.Println(c.Name, Point(Vec{3, 4}))
}

package main

// package log formats its operands as fmt does: String and Error methods
// of the cells' types, values in interfaces, %T.

import (
	"errors"
	"fmt"
	"log"
	"os"
)

type Color int

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Meters float64

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

func find(name string) error { return &NotFound{name} }

func pick() any { return Color(0) }

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Println(Color(1), Point{1, 2}, []any{Color(0), Meters(2.5)}, pick())
	log.Printf("%v %s %d %T %T\n", Color(1), Point{3, 4}, Color(1), Meters(1), pick())
	log.Print(Point{5, 6})
	log.Print("err: ", find("cfg"))
	l := log.New(os.Stdout, "app: ", 0)
	l.Println(Color(1), find("key"))
	l.Printf("%v|%+v", Point{7, 8}, []any{Point{1, 1}})
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		log.Panicf("bad %v", Color(1))
	}()
	log.Println(errors.Join(find("a"), find("b")))
}

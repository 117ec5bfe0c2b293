package main

import "fmt"

type Cat struct{}
type Dog struct{}

func (Cat) Sound() string { return "meow" }
func (Dog) Sound() string { return "woof" }

type Sounder interface{ Sound() string }

func main() {
	for _, x := range []any{Cat{}, Dog{}, 1} {
		switch x.(type) {
		case Cat:
			fmt.Println("cat")
		case Sounder:
			fmt.Println("some sounder:", x.(Sounder).Sound())
		default:
			fmt.Println("not an animal")
		}
	}
}

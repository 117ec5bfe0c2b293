package main

import "fmt"

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as stringer" }

type OnlyS struct{ v int }

func (o OnlyS) String() string { return fmt.Sprintf("S%d", o.v) }

func main() {
	fmt.Println(Both{})
	fmt.Printf("%v %s\n", Both{}, Both{})
	fmt.Println(OnlyS{3}, &OnlyS{4})
	fmt.Printf("%d\n", OnlyS{5})
	fmt.Printf("%q\n", OnlyS{6})
}

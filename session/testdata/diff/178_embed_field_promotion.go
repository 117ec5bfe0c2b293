package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("%d:%s", b.ID, b.Name) }

type User struct {
	Base
	Email string
}

func main() {
	u := User{Base{1, "ann"}, "a@x"}
	fmt.Println(u.ID, u.Name, u.Email)
	u.Name = "bob"
	fmt.Println(u.Describe(), u.Base.Name)
	fmt.Printf("%+v\n", u)
}

package main

import (
	"encoding/json"
	"fmt"
)

type Base struct{ ID int }

type User struct {
	Base
	Name string
}

func main() {
	b, err := json.Marshal(User{Base{1}, "ann"})
	fmt.Println(string(b), err)
}

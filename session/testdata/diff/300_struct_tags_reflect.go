package main

import (
	"fmt"
	"reflect"
)

type User struct {
	Name  string `json:"name" db:"user_name"`
	Email string `json:"email,omitempty"`
	age   int
}

func main() {
	t := reflect.TypeOf(User{})
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Println(f.Name, f.Tag.Get("json"), f.Tag.Get("db"), f.IsExported())
	}
	fmt.Println(t.Name(), t.Kind(), t.NumField())
}

package main

// A generic type with MarshalJSON and UnmarshalJSON as the type of fields
// of a struct with methods; json.Marshal of a type parameter in its method.

import (
	"encoding/json"
	"fmt"
)

type Optional[T any] struct {
	Value T
	Set   bool
}

func (o Optional[T]) MarshalJSON() ([]byte, error) { return json.Marshal(o.Value) }

func (o *Optional[T]) UnmarshalJSON(data []byte) error {
	o.Set = true
	return json.Unmarshal(data, &o.Value)
}

type UserPatch struct {
	Nickname Optional[string] `json:"nickname"`
	Age      Optional[int]    `json:"age"`
}

func (p UserPatch) Apply() string { return p.Nickname.Value }

func main() {
	var p UserPatch
	fmt.Println(json.Unmarshal([]byte(`{"nickname":"x"}`), &p), p.Apply(), p.Age.Set)
}

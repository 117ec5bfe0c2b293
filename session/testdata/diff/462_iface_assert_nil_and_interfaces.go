package main

import (
	"errors"
	"fmt"
)

func get(i int) any {
	if i == 0 {
		return nil
	}
	return i
}

func isErr(v any) bool {
	_, ok := v.(error)
	return ok
}

func main() {
	err := errors.New("boom")
	for _, v := range []any{1, "a", err, 2.5, nil} {
		if s, ok := v.(string); ok {
			fmt.Println("string", s)
		}
		if e, ok := v.(error); ok {
			fmt.Println("error", e)
		}
		e, ok := v.(fmt.Stringer)
		fmt.Println(e, ok, isErr(v))
		switch x := v.(type) {
		case int:
			fmt.Println("int", x)
		case string:
			fmt.Println("str", x)
		case error:
			fmt.Println("err", x)
		case nil:
			fmt.Println("nil")
		default:
			fmt.Println("other", x)
		}
		switch v.(type) {
		case fmt.Stringer, error:
			fmt.Println("iface")
		case any:
			fmt.Println("any")
		}
	}
	for i := range 2 {
		var v any = get(i)
		_, ok := v.(any)
		fmt.Println(ok)
		_, ok = v.(interface{})
		fmt.Println(ok)
		var w interface{} = v
		fmt.Println(w != nil)
	}
	var s fmt.Stringer
	var a any = s
	_, ok := a.(fmt.Stringer)
	fmt.Println(ok)
}

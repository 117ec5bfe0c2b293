package main

import "fmt"

type MyErr struct{ Code int }

func (e MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func run(code int) (out string) {
	defer func() {
		switch r := recover().(type) {
		case nil:
			out = "no panic"
		case MyErr:
			out = "MyErr " + r.Error()
		case string:
			out = "string " + r
		default:
			out = fmt.Sprintf("other %T", r)
		}
	}()
	switch code {
	case 1:
		panic(MyErr{42})
	case 2:
		panic("text")
	case 3:
		panic(3.5)
	}
	return
}

func main() {
	for i := range 4 {
		fmt.Println(run(i))
	}
}

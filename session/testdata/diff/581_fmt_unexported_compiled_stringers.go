// fmt calls no method of an unexported field: a time.Duration or a
// time.Month there prints as its number. yaegi exports the fields of the
// cells' structs, so compiled fmt called String (2s, March).
package main

import (
	"fmt"
	"time"
)

type task struct {
	name    string
	timeout time.Duration
	month   time.Month
}

type Task struct {
	Name    string
	Timeout time.Duration
	inner   task
}

type report struct {
	Title string
	tasks []task
	Due   time.Month
}

func main() {
	t := task{"backup", 2 * time.Second, time.March}
	fmt.Println(t)
	fmt.Printf("%v|%+v|%s\n", t, t, t.timeout)
	T := Task{"deploy", 1500 * time.Millisecond, t}
	fmt.Println(T)
	fmt.Printf("%+v\n", T)
	var x any = t
	fmt.Println(x)
	fmt.Printf("%v %+v\n", x, x)
	ts := []task{t, {"sync", time.Minute, time.December}}
	fmt.Println(ts, len(ts))
	r := report{"weekly", ts, time.May}
	fmt.Printf("%v\n%+v\n", r, r)
	m := map[string]task{"a": t}
	fmt.Println(m)
	fmt.Println(t.timeout, t.month, T.Timeout)
}

package main

import "fmt"

type resource struct{ id int }

func open(id int) *resource {
	fmt.Println("open", id)
	return &resource{id}
}

func (r *resource) Close() { fmt.Println("close", r.id) }

func main() {
	for i := range 3 {
		func() {
			r := open(i)
			defer r.Close()
			fmt.Println("use", r.id)
		}()
	}
}

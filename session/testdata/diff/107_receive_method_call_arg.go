package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int) *Acc { a.total += n; return a }

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	c <- 3
	var a Acc
	a.Add(<-c).Add(<-c).Add(<-c)
	fmt.Println(a.total)
}

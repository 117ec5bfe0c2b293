// A field of a received value, (<-work).ID, where the receive is not
// hoisted into a temporary (a define among a cell's top-level statements,
// as the split mode runs main's body): yaegi said "undefined selector ID"
// (held-out c20). The received value is now the result of a call.
package main

import "fmt"

type Order struct {
	ID   int
	Item string
}

func producer(orders []Order, out chan<- Order) {
	for _, o := range orders {
		out <- o
	}
	close(out)
}

func main() {
	work := make(chan Order)
	go producer([]Order{{1, "widget"}, {2, "gadget"}, {3, "bolt"}}, work)
	taken := []int{(<-work).ID, (<-work).ID}
	item := (<-work).Item
	fmt.Println(taken, item)
	_, more := <-work
	fmt.Println(more)
}

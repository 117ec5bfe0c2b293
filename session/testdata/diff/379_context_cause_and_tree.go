package main

import (
	"context"
	"errors"
	"fmt"
)

var ErrShutdown = errors.New("shutting down")

func main() {
	parent, cancelParent := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	fmt.Println(child.Err())
	cancelParent(ErrShutdown)
	<-child.Done()
	fmt.Println(parent.Err(), child.Err())
	fmt.Println(context.Cause(parent), context.Cause(child))
	sib, cancelSib := context.WithCancel(context.Background())
	cancelSib()
	cancelSib()
	fmt.Println(sib.Err(), context.Cause(sib))
}

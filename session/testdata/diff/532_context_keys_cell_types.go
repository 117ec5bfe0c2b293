package main

import (
	"context"
	"fmt"
)

type keyA struct{}
type keyB struct{}
type name string

type wrapped struct{ context.Context }

func main() {
	ctx := context.WithValue(context.Background(), keyA{}, "a")
	ctx = context.WithValue(ctx, keyB{}, "b")
	ctx = context.WithValue(ctx, name("n"), 1)
	ctx = context.WithValue(ctx, "n", 2)
	fmt.Println(ctx.Value(keyA{}), ctx.Value(keyB{}), ctx.Value(name("n")), ctx.Value("n"), ctx.Value(struct{}{}))
	w := wrapped{ctx}
	fmt.Println(w.Value(keyB{}))
	fmt.Println(ctx)
}

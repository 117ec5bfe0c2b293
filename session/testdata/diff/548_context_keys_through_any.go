package main

// Context keys of the cells' types given through parameters of type any,
// next to keys of other types with the same value.

import (
	"context"
	"fmt"
)

type ctxKey string
type otherKey string
type idKey int

func with(ctx context.Context, k, v any) context.Context { return context.WithValue(ctx, k, v) }

func get(ctx context.Context, k any) any { return ctx.Value(k) }

func main() {
	ctx := context.Background()
	ctx = with(ctx, ctxKey("user"), "ana")
	ctx = context.WithValue(ctx, otherKey("user"), "bob")
	ctx = with(ctx, "user", "carl")
	ctx = with(ctx, idKey(0), 7)
	fmt.Println(get(ctx, ctxKey("user")), ctx.Value(ctxKey("user")))
	fmt.Println(get(ctx, otherKey("user")), ctx.Value(otherKey("user")))
	fmt.Println(get(ctx, "user"), ctx.Value("user"))
	fmt.Println(get(ctx, idKey(0)), get(ctx, 0), ctx.Value(idKey(0)))
	var k any = ctxKey("user")
	fmt.Println(ctx.Value(k))
}

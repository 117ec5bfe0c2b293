package main

import (
	"context"
	"fmt"
)

type ctxKey string

func handler(ctx context.Context) string {
	user, _ := ctx.Value(ctxKey("user")).(string)
	reqID, ok := ctx.Value(ctxKey("req")).(int)
	return fmt.Sprintf("user=%q req=%d ok=%v", user, reqID, ok)
}

func main() {
	ctx := context.Background()
	fmt.Println(handler(ctx))
	ctx = context.WithValue(ctx, ctxKey("user"), "ann")
	ctx = context.WithValue(ctx, ctxKey("req"), 7)
	fmt.Println(handler(ctx))
	shadow := context.WithValue(ctx, ctxKey("user"), "bob")
	fmt.Println(handler(shadow), handler(ctx))
	fmt.Println(ctx.Value("user"))
}

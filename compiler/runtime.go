package compiler

import "gokernel/stdlib/generic"

// RuntimePath is the host package generated code calls, imported by the prelude
// under RuntimeName.
const (
	RuntimePath = "gokernel/cellrt"
	RuntimeName = "__gkrt"
	MainName    = "__gkmain" // what a cell's func main is renamed to
)

// Prelude is evaluated once per session: the imports and helpers that
// generated code uses. Its names start with __gk and are never shown.
const Prelude = `package main
import __gkfmt "fmt"
import ` + RuntimeName + ` "` + RuntimePath + `"
import ` + generic.Name + ` "` + generic.Path + `"
type __gkNever struct{ __gkNever int }
func __gkMin[T any](a, b T) T { if b < a { return b }; return a }
func __gkMax[T any](a, b T) T { if b > a { return b }; return a }
var __gkDefers []func()
var __gkDeferLits []int
func __gkRunDefers() {
	__gkDeferLits = nil
	for len(__gkDefers) > 0 {
		f := __gkDefers[len(__gkDefers)-1]
		__gkDefers = __gkDefers[:len(__gkDefers)-1]
		f()
	}
}
`

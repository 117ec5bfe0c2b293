// Package typecheck type-checks notebook cells with Go's own type checker
// (go/types) against what earlier cells declared: Go's errors at the
// cell's lines, and the types the cell compiler's rewrites need
// (compiler.Types).
package typecheck

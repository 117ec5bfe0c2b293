package interpvalue

import "strings"

// RuntimeError is a runtime panic the kernel raises for a cell, with Go's
// message (a bounds check the interpreter does not make, a failed type
// assertion written by the cell compiler): a runtime.Error whose %T is the
// name of the type Go's runtime would have panicked with (GoType).
type RuntimeError string

// runtimeError is RuntimeError, for this package's panics.
type runtimeError = RuntimeError

func (e RuntimeError) Error() string { return string(e) }

// RuntimeError marks it as a runtime.Error.
func (e RuntimeError) RuntimeError() {}

// GoType returns the name of the type of Go's runtime panic of the same
// message, which %T prints (DynType).
func (e RuntimeError) GoType() string {
	s := string(e)
	switch {
	case strings.HasPrefix(s, "interface conversion:"):
		return "*runtime.TypeAssertionError"
	case strings.Contains(s, "index out of range"), strings.Contains(s, "slice bounds out of range"), strings.Contains(s, "cannot convert slice with length"):
		return "runtime.boundsError"
	}
	return "runtime.errorString"
}

package interpvalue

import (
	"fmt"
	"io"
	"reflect"
)

// yaegi cannot hold a nil pointer of a type of the cells in an interface
// of a compiled package: (*E)(nil) converted to error became a nil error,
// so the typed-nil pitfall (err != nil although the pointer is nil) went
// the other way than in Go. Where such a pointer becomes an error, the
// cell compiler gives NilPointer's value instead: a non-nil error that
// calls the method on a nil *E, asserts back to a nil *E (NilPointerOf),
// names its type for %T (DynType) and prints as fmt prints a nil pointer.

// NilPointer returns the error holding a nil pointer of type name
// ("*main.E"), whose Error method is errorMethod (the method called on
// the nil pointer).
func NilPointer(name string, errorMethod func() string) error {
	return nilPointer{name, errorMethod}
}

// nilPointer is NilPointer's error.
type nilPointer struct {
	name        string
	errorMethod func() string
}

// Error calls the method on the nil pointer: it panics where Go's would.
func (n nilPointer) Error() string { return n.errorMethod() }

// Format prints it as fmt prints an error holding a nil pointer: the
// method's text, or <nil> when the method panics; (*main.E)(nil) for %#v.
func (n nilPointer) Format(st fmt.State, verb rune) {
	if verb == 'v' && st.Flag('#') {
		_, _ = io.WriteString(st, "("+n.name+")(nil)")
		return
	}
	switch verb {
	case 'v', 's', 'q', 'x', 'X':
		s, ok := func() (s string, ok bool) {
			defer func() {
				if recover() != nil {
					ok = false
				}
			}()
			return n.errorMethod(), true
		}()
		if !ok {
			_, _ = io.WriteString(st, "<nil>")
			return
		}
		fmt.Fprintf(st, fmt.FormatString(st, verb), s)
		return
	}
	fmt.Fprintf(st, "%%!%c(%s=<nil>)", verb, n.name)
}

// NilPointerOf reports whether x is NilPointer's error for type name.
func NilPointerOf(x any, name string) bool {
	n, ok := x.(nilPointer)
	return ok && n.name == name
}

// nilPointerName returns the type name of v when it is NilPointer's error.
func nilPointerName(v reflect.Value) (string, bool) {
	if !v.IsValid() || !v.CanInterface() {
		return "", false
	}
	n, ok := v.Interface().(nilPointer)
	return n.name, ok
}

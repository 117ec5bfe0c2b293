package interpvalue

import (
	"errors"
	"reflect"
)

// ErrorsIs is errors.Is for the cells. A target of a type of the cells
// reaches compiled code in yaegi's error wrapper, which is not comparable
// (it holds a func) and keeps only the last field of a struct value:
// errors.Is was false even for errors.Is(err, err). A target of a pointer
// type of the cells is found in err's chain by the pointer its wrappers
// hold; one of another type panics with a clear error.
func ErrorsIs(err, target error) bool {
	w, ok := Wrapped(target)
	if !ok {
		return errors.Is(err, target)
	}
	tv := reflect.ValueOf(w)
	if !tv.IsValid() || tv.Kind() != reflect.Pointer {
		panic(runtimeError("errors.Is with a target of a type of the cells that is not a pointer (" + target.Error() + ") is not supported by the interpreter: it cannot compare such values inside errors; compare with a sentinel error (var ErrX = errors.New(...)) or a pointer (&T{...}, with pointer receivers)"))
	}
	for err != nil {
		if hw, ok := Wrapped(err); ok {
			if hv := reflect.ValueOf(hw); hv.Kind() == reflect.Pointer && hv.Type() == tv.Type() && hv.Pointer() == tv.Pointer() {
				return true
			}
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if ErrorsIs(e, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

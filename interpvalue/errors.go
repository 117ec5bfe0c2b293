package interpvalue

import (
	"reflect"
	"strings"
)

// typedWrapper is a wrapper of the session for a value of a type of the
// cells that names the type (typedError).
type typedWrapper interface {
	GokernelType() string
	held() any
}

// ErrorsIs is errors.Is for the cells. A target of a type of the cells
// reaches compiled code in yaegi's error wrapper, which is not comparable
// (it holds a func) and keeps only the last field of a struct value:
// errors.Is was false even for errors.Is(err, err). A target of a pointer
// type of the cells is found in err's chain by the pointer its wrappers
// hold, one of a struct type by its value (see SelfMethod); one of
// another type panics with a clear error. An error of the
// cells with an Unwrap method (registered with RegisterUnwrap) is
// unwrapped by it: compiled errors.Is does not see the method in yaegi's
// wrapper.
func (p *Printer) ErrorsIs(err, target error) bool {
	var match func(error) bool
	if tv, tn, ok := selfValue(target); ok { // a struct value (SelfMethod)
		match = func(err error) bool {
			v, n, ok := selfValue(err)
			return ok && n == tn && v.Type() == tv.Type() && tv.Type().Comparable() && v.Interface() == tv.Interface()
		}
	} else if tt, ok := target.(typedWrapper); ok && reflect.TypeOf(tt.held()) != nil && reflect.TypeOf(tt.held()).Comparable() {
		// a value of a type of the cells without fields, in the session's
		// wrapper that names its type (TypeNameMethod)
		match = func(err error) bool {
			et, ok := err.(typedWrapper)
			return ok && et.GokernelType() == tt.GokernelType() && reflect.TypeOf(et.held()) == reflect.TypeOf(tt.held()) && et.held() == tt.held()
		}
	} else if w, ok := Wrapped(target); ok {
		tv := reflect.ValueOf(w)
		if !tv.IsValid() || tv.Kind() != reflect.Pointer {
			panic(runtimeError("errors.Is with a target of a type of the cells that is not a pointer (" + target.Error() + ") is not supported by the interpreter: it cannot compare such values inside errors; compare with a sentinel error (var ErrX = errors.New(...)) or a pointer (&T{...}, with pointer receivers)"))
		}
		match = func(err error) bool {
			hw, ok := Wrapped(err)
			hv := reflect.ValueOf(hw)
			return ok && hv.Kind() == reflect.Pointer && hv.Type() == tv.Type() && hv.Pointer() == tv.Pointer()
		}
	} else {
		comparable := target == nil || reflect.TypeOf(target).Comparable()
		match = func(err error) bool { return comparable && err == target }
	}
	return p.walk(err, func(err error) bool {
		if match(err) {
			return true
		}
		x, ok := err.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

// ErrorsAs is errors.As for a target of a type of the cells, which the
// compiled errors package cannot see: match, interpreted code, asserts an
// error to the target's type and sets the target when it holds. It is
// called for the errors of err's tree in errors.As's order, until it
// holds; ErrorsAs reports whether it did.
func (p *Printer) ErrorsAs(err error, match func(error) bool) bool {
	return p.walk(err, match)
}

// walk calls visit for err and the errors it wraps, depth first as
// errors.Is does, until visit returns true; it reports whether it did.
// An error of the cells with an Unwrap method is unwrapped by it (see
// RegisterUnwrap).
func (p *Printer) walk(err error, visit func(error) bool) bool {
	for err != nil {
		if visit(err) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if p.walk(e, visit) {
					return true
				}
			}
			return false
		default:
			next, ok := p.unwrapCell(err)
			if !ok {
				return false
			}
			err = next
		}
	}
	return false
}

// ErrorsUnwrap is errors.Unwrap for the cells: an error of the cells with
// an Unwrap method (see RegisterUnwrap) is unwrapped by it.
func (p *Printer) ErrorsUnwrap(err error) error {
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	next, _ := p.unwrapCell(err)
	return next
}

// RegisterUnwrap records f, an interpreted func(T) error that calls the
// Unwrap method of the type the cells name typ ("V" or "*V"). It returns
// true (for a var _ = ...).
func (p *Printer) RegisterUnwrap(typ string, f any) bool {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Func || v.Type().NumIn() != 1 || v.Type().NumOut() != 1 {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.unwraps == nil {
		p.unwraps = map[string]reflect.Value{}
	}
	p.unwraps[typ] = v
	if v.Type().In(0).Kind() == reflect.Struct {
		p.valueUnwraps = true
	}
	return true
}

// unwrapCell returns what the Unwrap method of the value of a type of the
// cells that err (yaegi's error wrapper) holds returns, and false when err
// holds none with a registered Unwrap method.
func (p *Printer) unwrapCell(err error) (error, bool) {
	w, ok := Wrapped(err)
	if !ok {
		return nil, false
	}
	v, name, _ := dynamic(reflect.ValueOf(&w).Elem())
	if !v.IsValid() {
		return nil, false
	}
	_, n, self := selfValue(err)
	if self {
		name = n
	}
	p.mu.Lock()
	f, found := p.unwraps[strings.Replace(name, "main.", "", 1)]
	if !found {
		for _, g := range p.unwraps { // yaegi kept no name: by the reflect type
			if g.Type().In(0) == v.Type() {
				f, found = g, true
				break
			}
		}
	}
	valueStructs := p.valueUnwraps
	p.mu.Unlock()
	if !found || !v.Type().AssignableTo(f.Type().In(0)) {
		if valueStructs && v.Kind() != reflect.Pointer && !self {
			panic(runtimeError("unwrapping an error of a struct type of the cells with an Unwrap method on a value receiver is not supported by the interpreter (it keeps only the last field of such a value in an error): declare Unwrap on a pointer receiver and return &T{...}"))
		}
		return nil, false
	}
	out := f.Call([]reflect.Value{v})[0]
	if out.IsNil() {
		return nil, true
	}
	next, _ := out.Interface().(error)
	return next, true
}

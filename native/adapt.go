package native

import (
	"fmt"
	"reflect"
)

// A composite type that the host program does not contain (*[3]int, say)
// exists twice once a plugin uses it: the interpreter made it with reflect
// (reflect.PointerTo, ArrayOf...) when the function's cell ran, before the
// plugin was loaded, and the plugin brought its own. Go's runtime unifies
// the types that the host and the plugin both contain, but not those made
// by reflect, so the interpreter's call of the compiled function fails
// ("reflect: Call using *[3]int as type *[3]int"). The two types have the
// same structure, so a value of one converts to the other without a copy
// (reflect's Convert of types with identical underlying types): Adapt puts
// that conversion at the boundary.

// Adapt returns the compiled function v as a function of type want, the
// interpreter's type of the same signature: v itself when the types are
// the same, else a function that converts the arguments to v's types and
// the results to want's. It fails when a type of want is not the same Go
// type as v's (another structure).
func Adapt(v reflect.Value, want reflect.Type) (reflect.Value, error) {
	have := v.Type()
	if have == want {
		return v, nil
	}
	if want.Kind() != reflect.Func || have.NumIn() != want.NumIn() || have.NumOut() != want.NumOut() || have.IsVariadic() != want.IsVariadic() {
		return reflect.Value{}, fmt.Errorf("the compiled function is a %s, the interpreter's a %s", have, want)
	}
	same := true
	for i := 0; i < have.NumIn(); i++ {
		if !sameType(want.In(i), have.In(i)) {
			return reflect.Value{}, fmt.Errorf("parameter %d: the compiled function takes a %s, the interpreter gives a %s", i, have.In(i), want.In(i))
		}
		same = same && want.In(i) == have.In(i)
	}
	for i := 0; i < have.NumOut(); i++ {
		if !sameType(have.Out(i), want.Out(i)) {
			return reflect.Value{}, fmt.Errorf("result %d: the compiled function returns a %s, the interpreter wants a %s", i, have.Out(i), want.Out(i))
		}
		same = same && want.Out(i) == have.Out(i)
	}
	if same {
		return v, nil // another func type made of the same types: callable as is
	}
	return reflect.MakeFunc(want, func(args []reflect.Value) []reflect.Value {
		for i, a := range args {
			if a.Type() != have.In(i) {
				args[i] = a.Convert(have.In(i))
			}
		}
		var out []reflect.Value
		if have.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		for i, r := range out {
			if r.Type() != want.Out(i) {
				out[i] = r.Convert(want.Out(i))
			}
		}
		return out
	}), nil
}

// sameType reports whether a value of type from converts to type to as
// the same Go type written twice: same text, same kind, and convertible
// (reflect converts types with identical underlying types directly).
func sameType(from, to reflect.Type) bool {
	return from == to || (from.String() == to.String() && from.Kind() == to.Kind() && from.ConvertibleTo(to))
}

// Adapt gives each function of in the interpreter's type of it: typeOf
// returns that type for a function's name (false: leave it as it is).
func (in *Install) Adapt(typeOf func(name string) (reflect.Type, bool)) error {
	for _, name := range in.Funcs {
		v, ok := in.Values[exportName(name)]
		if !ok {
			continue
		}
		want, ok := typeOf(name)
		if !ok {
			continue
		}
		a, err := Adapt(v, want)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		in.Values[exportName(name)] = a
	}
	return nil
}

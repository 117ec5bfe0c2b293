package complete

import (
	"go/constant"
	"go/token"
	"gokernel/autoimport"
	"path"
	"reflect"
	"strings"
	"sync"
)

// pkgInfo is a package cells can import: its name and exported symbols,
// as yaegi holds them (types as (*T)(nil), variables addressable).
type pkgInfo struct {
	name string
	load func() map[string]reflect.Value
}

// symbols returns the package's exported symbols; nil for no package.
func (p pkgInfo) symbols() map[string]reflect.Value {
	if p.load == nil {
		return nil
	}
	return p.load()
}

// stdPaths indexes the standard packages yaegi knows by import path.
var stdPaths = sync.OnceValue(func() map[string]pkgInfo {
	m := map[string]pkgInfo{}
	for name, pkgs := range autoimport.PackagesByName() {
		for _, p := range pkgs {
			m[p.Path] = pkgInfo{name: name, load: p.Symbols}
		}
	}
	return m
})

// pkgByPath returns the package with import path p: a standard one or one
// of the session's own (gokernel/display...).
func (s host) pkgByPath(p string) (pkgInfo, bool) {
	for key, syms := range s.Packages() {
		if path.Dir(key) == p {
			return pkgInfo{name: path.Base(key), load: func() map[string]reflect.Value { return syms }}, true
		}
	}
	pi, ok := stdPaths()[p]
	return pi, ok
}

// stdPackageNamed returns the path of the standard package a cell gets
// when it uses name without importing it, or "".
func stdPackageNamed(name string) string {
	return autoimport.ChoosePackage(autoimport.PackagesByName()[name], name, nil)
}

// symKind classifies a package symbol: type, variable, function or constant.
func symKind(v reflect.Value) string {
	switch {
	case v.CanAddr():
		return "variable"
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "type"
	case v.Kind() == reflect.Func:
		return "function"
	}
	return "constant"
}

// symType returns the type a package symbol names or has; an untyped
// constant gets its default type.
func symType(v reflect.Value) reflect.Type {
	if symKind(v) == "type" {
		return v.Type().Elem()
	}
	if c, ok := v.Interface().(constant.Value); ok {
		return untypedTypes[c.Kind()]
	}
	return v.Type()
}

// untypedTypes are the default types of untyped constants.
var untypedTypes = map[constant.Kind]reflect.Type{
	constant.Bool:    reflect.TypeFor[bool](),
	constant.String:  reflect.TypeFor[string](),
	constant.Int:     reflect.TypeFor[int](),
	constant.Float:   reflect.TypeFor[float64](),
	constant.Complex: reflect.TypeFor[complex128](),
}

// symSignature describes a package symbol in one line: a function's
// signature, a variable's type, a type's kind (struct, int64...), a
// constant's value.
func symSignature(v reflect.Value) string {
	switch symKind(v) {
	case "function":
		return funcString(v.Type(), 0)
	case "variable":
		return typeString(v.Type())
	case "type":
		return v.Type().Elem().Kind().String()
	}
	if c, ok := v.Interface().(constant.Value); ok {
		return c.String()
	}
	return valueString(v, 80)
}

// typeString is t as Go source, with any for interface {}.
func typeString(t reflect.Type) string {
	return strings.ReplaceAll(t.String(), "interface {}", "any")
}

// funcString is the signature of function type t, without its first skip
// parameters (a method's receiver).
func funcString(t reflect.Type, skip int) string {
	var b strings.Builder
	b.WriteString("func(")
	for i := skip; i < t.NumIn(); i++ {
		if i > skip {
			b.WriteString(", ")
		}
		if t.IsVariadic() && i == t.NumIn()-1 {
			b.WriteString("..." + typeString(t.In(i).Elem()))
		} else {
			b.WriteString(typeString(t.In(i)))
		}
	}
	b.WriteString(")")
	var outs []string
	for i := range t.NumOut() {
		outs = append(outs, typeString(t.Out(i)))
	}
	switch len(outs) {
	case 0:
	case 1:
		b.WriteString(" " + outs[0])
	default:
		b.WriteString(" (" + strings.Join(outs, ", ") + ")")
	}
	return b.String()
}

// predeclared are Go's predeclared types.
var predeclared = map[string]reflect.Type{
	"bool": reflect.TypeFor[bool](), "string": reflect.TypeFor[string](), "error": reflect.TypeFor[error](),
	"any": reflect.TypeFor[any](), "byte": reflect.TypeFor[byte](), "rune": reflect.TypeFor[rune](),
	"int": reflect.TypeFor[int](), "int8": reflect.TypeFor[int8](), "int16": reflect.TypeFor[int16](),
	"int32": reflect.TypeFor[int32](), "int64": reflect.TypeFor[int64](), "uint": reflect.TypeFor[uint](),
	"uint8": reflect.TypeFor[uint8](), "uint16": reflect.TypeFor[uint16](), "uint32": reflect.TypeFor[uint32](),
	"uint64": reflect.TypeFor[uint64](), "uintptr": reflect.TypeFor[uintptr](),
	"float32": reflect.TypeFor[float32](), "float64": reflect.TypeFor[float64](),
	"complex64": reflect.TypeFor[complex64](), "complex128": reflect.TypeFor[complex128](),
}

// builtinFuncs are Go's builtin functions with their signatures.
var builtinFuncs = map[string]string{
	"append": "func(slice []T, elems ...T) []T", "cap": "func(v Type) int", "clear": "func(t T)",
	"close": "func(c chan<- T)", "complex": "func(r, i FloatType) ComplexType", "copy": "func(dst, src []T) int",
	"delete": "func(m map[K]V, key K)", "imag": "func(c ComplexType) FloatType", "len": "func(v Type) int",
	"make": "func(t Type, size ...IntegerType) Type", "max": "func(x T, y ...T) T", "min": "func(x T, y ...T) T",
	"new": "func(Type) *Type", "panic": "func(v any)", "print": "func(args ...Type)", "println": "func(args ...Type)",
	"real": "func(c ComplexType) FloatType", "recover": "func() any",
}

// builtinCandidates returns Go's keywords, builtin functions, types and constants.
func builtinCandidates() []candidate {
	var cs []candidate
	for t := token.BREAK; t <= token.VAR; t++ {
		cs = append(cs, candidate{text: t.String(), kind: "keyword"})
	}
	for name, sig := range builtinFuncs {
		cs = append(cs, candidate{text: name, kind: "function", sig: sig})
	}
	for name, t := range predeclared {
		cs = append(cs, candidate{text: name, kind: "type", sig: t.Kind().String()})
	}
	cs = append(cs, candidate{text: "comparable", kind: "type", sig: "interface"})
	for _, name := range []string{"true", "false", "iota", "nil"} {
		cs = append(cs, candidate{text: name, kind: "constant"})
	}
	return cs
}

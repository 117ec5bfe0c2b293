package session

import (
	"encoding/json"
	"fmt"
	"gokernel/compiler"
	"gokernel/goroutine"
	"gokernel/interpvalue"
	"gokernel/stdlib/generic"
	"log"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// Compiled interfaces with the method sets of interfaces cells declare
// often: yaegi asserts no compiled value to an interface of the cells, the
// cell compiler asserts it to its compiled twin (compiler's compiledTwins).
type (
	// MultiUnwrapper is an error that wraps several (errors.Join).
	MultiUnwrapper interface{ Unwrap() []error }
	// Unwrapper is an error that wraps one.
	Unwrapper interface{ Unwrap() error }
	// Iser is an error with its own errors.Is test.
	Iser interface{ Is(error) bool }
	// Aser is an error with its own errors.As.
	Aser interface{ As(any) bool }
	// Timeouter is an error that may be a timeout (net).
	Timeouter interface{ Timeout() bool }
	// Temporary is an error that may be temporary (net).
	Temporary interface{ Temporary() bool }
)

// contextKey is a context key of a type of the cells: yaegi's value of it
// has no type name (a ctxKey("user") would equal "user"), its name tells it
// from the values of other types, as Go's interface comparison does.
type contextKey struct {
	name string
	k    any
}

// String is what a context prints of its key, as of a key that is not a
// Stringer: its type.
func (k contextKey) String() string { return k.name }

// bareKey is k without yaegi's wrapper of a value of a type of the cells.
func bareKey(k any) any {
	if v, _ := interpvalue.Dynamic(reflect.ValueOf(&k).Elem()); v.IsValid() && v.CanInterface() {
		return v.Interface()
	}
	return k
}

// contextKeyOf is cellrt.ContextKey for a key given as an interface
// value: paired with its type's name when the interpreter keeps its type
// (a type of the cells), else as it is.
func contextKeyOf(k any) any {
	if name := interpvalue.DynType(&k); name != "" {
		return contextKey{name, bareKey(k)}
	}
	return k
}

// mapKey is k, a key of a map keyed by an empty interface, or a panic
// when it is a value of a type of the cells that the interpreter keeps in
// a wrapper: two wrappers of equal values are different keys.
func mapKey(k any) any {
	if name := interpvalue.DynType(&k); name != "" {
		panic(fmt.Sprintf("a %s as a key of a map keyed by an interface: the interpreter keeps such a value in a wrapper that another equal value does not share, so the map would tell equal keys apart; key the map by a concrete type, or by a string made of the value, or run the cell compiled with %%%%compile", strings.TrimPrefix(name, "main.")))
	}
	return k
}

// reflectOperand is k, the operand of reflect.TypeOf or ValueOf (fn)
// given as an interface value, or a panic when it holds a value of a
// type of the cells: the interpreter's reflect types of those have no
// names and show unexported fields as exported ones (reflect.TypeOf(v)
// of a Celsius in an any printed interp.valueInterface).
func reflectOperand(fn string, k any) any {
	name := interpvalue.DynType(&k)
	if name == "" {
		name = cellTypeIn(reflect.TypeOf(k), 0)
	}
	if name != "" {
		panic(fmt.Sprintf("reflect.%s of a %s (held in an interface) is not supported by the interpreter: its reflect types of the cells' types have no names and show unexported fields as exported ones (X...), or run the cell compiled with %%%%compile", fn, strings.TrimPrefix(name, "main.")))
	}
	return k
}

// cellTypeIn returns the name of a type of the cells that t, a reflect
// type the interpreter made, is or holds (a struct type tagged by the cell
// compiler, yaegi's value of an interface type of the cells), or "".
func cellTypeIn(t reflect.Type, depth int) string {
	if t == nil || depth > 8 {
		return ""
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return cellTypeIn(t.Elem(), depth+1)
	case reflect.Map:
		if name := cellTypeIn(t.Key(), depth+1); name != "" {
			return name
		}
		return cellTypeIn(t.Elem(), depth+1)
	case reflect.Struct:
		if t.PkgPath() == "github.com/traefik/yaegi/interp" {
			return "value of an interface type of the cells"
		}
		if t.NumField() > 0 {
			if name := t.Field(0).Tag.Get("gokernel"); name != "" {
				return name
			}
		}
		for i := range t.NumField() {
			if name := cellTypeIn(t.Field(i).Type, depth+1); name != "" {
				return name
			}
		}
	}
	return ""
}

// exitPanic is the panic value of os.Exit, syscall.Exit and log.Fatal in
// a cell: the kernel must not exit.
type exitPanic struct{ msg string }

func (e exitPanic) Error() string { return e.msg }

func exitFunc(name string) func(int) {
	return func(code int) {
		panic(exitPanic{fmt.Sprintf("%s(%d) was called: the kernel does not exit (exit is disabled in cells)", name, code)})
	}
}

// runtimeSymbols returns the host functions of package cellrt and the
// overrides of the standard library that keep the process alive.
func (s *Session) runtimeSymbols() interp.Exports {
	syms := interp.Exports{
		compiler.RuntimePath + "/cellrt": {
			"Go":    reflect.ValueOf(s.goStart),
			"Clear": reflect.ValueOf(clearValue),
			// Reached ends statements holding a return of the cell
			// (compiler.Step.Returns).
			"Reached": reflect.ValueOf(func() { s.reached.Store(true) }),
			// Panicking is the value of the panic a cell's top-level deferred
			// calls run for (see runner.runDefers).
			"Panicking": reflect.ValueOf(func() any { return s.panicking }),
			"Recovered": reflect.ValueOf(func(r any) any {
				v := recovered(r)
				if e, ok := v.(runtime.Error); ok && uncomparableRe.MatchString(e.Error()) {
					// the struct type yaegi compared, named as the cells name it
					return runtimeError(s.printer.Rename(e.Error(), true))
				}
				return v
			}),
			"Index":      reflect.ValueOf(checkIndex),
			"SliceLo":    reflect.ValueOf(checkSlice),
			"TypeName":   reflect.ValueOf(func(name string, _ any) string { return name }),
			"DynType":    reflect.ValueOf(interpvalue.DynType),
			"Wrapped":    reflect.ValueOf(interpvalue.Wrapped),
			"Held":       reflect.ValueOf(interpvalue.Held),
			"SelfHeld":   reflect.ValueOf(interpvalue.SelfHeld),
			"NewPending": reflect.ValueOf(func() *pendingPanic { return &pendingPanic{} }),
			"PanicNil":   reflect.ValueOf(func() any { return new(runtime.PanicNilError) }),
			"TypedNil":   reflect.ValueOf(func(msg string) any { return typedNilError(msg) }),
			"GoSyntax": reflect.ValueOf(func(v any, name string, structs ...any) string {
				return s.printer.Rename(goSyntax(s.printer.Value(v), name, structs...), true)
			}),
			"FieldNames":      reflect.ValueOf(fieldNames),
			"DecodeRune":      reflect.ValueOf(utf8.DecodeRuneInString), // range over a string
			"AssertFail":      reflect.ValueOf(assertFail),
			"IfaceEqual":      reflect.ValueOf(ifaceEqual),
			"IfaceEqualNamed": reflect.ValueOf(ifaceEqualNamed),
			"NilDeref":        reflect.ValueOf(nilDeref),
			"Convert":         reflect.ValueOf(convertTo),
			"FmtAny":          reflect.ValueOf(s.printer.Value),
			"FmtMethod":       reflect.ValueOf(s.printer.Register),
			"Marshaler":       reflect.ValueOf(s.printer.RegisterMarshaler),
			"Bare":            reflect.ValueOf(s.printer.Bare),
			// encoding/json and the methods of the cells' types (compiler/jsonshadow)
			"NewJSONHook":     reflect.ValueOf(interpvalue.NewJSONHook),
			"NewJSONTextHook": reflect.ValueOf(interpvalue.NewJSONTextHook),
			"JSONKeyError":    reflect.ValueOf(interpvalue.JSONKeyError),
			"JSONCycle":       reflect.ValueOf(interpvalue.JSONCycle),
			"JSONEmpty":       reflect.ValueOf(interpvalue.JSONEmpty),
			"JSONZero":        reflect.ValueOf(interpvalue.JSONZero),
			"JSONKey":         reflect.ValueOf(interpvalue.JSONKey),
			"JSONRaw":         reflect.ValueOf((*interpvalue.JSONRaw)(nil)),
			"JSONRawText":     reflect.ValueOf((*interpvalue.JSONRawText)(nil)),
			"JSONUndecoded":   reflect.ValueOf(interpvalue.JSONUndecoded),
			"JSONShadow":      reflect.ValueOf(s.printer.RegisterShadow),
			"JSONShadowError": reflect.ValueOf(s.printer.JSONShadowError),
			"FixMarshalError": reflect.ValueOf(interpvalue.FixMarshalError),
			"JSONUnmarshal":   reflect.ValueOf(interpvalue.JSONUnmarshal),
			"JSONContext":     reflect.ValueOf(interpvalue.JSONContext),
			"JSONFinish":      reflect.ValueOf(interpvalue.JSONFinish),
			"JSONMark":        reflect.ValueOf(interpvalue.JSONMark),
			"JSONMarked":      reflect.ValueOf(interpvalue.JSONMarked),
			"JSONNull":        reflect.ValueOf(interpvalue.JSONNull),
			"XMLNamed":        reflect.ValueOf(interpvalue.XMLNamed),
			"Compiled":        reflect.ValueOf(interpvalue.Compiled),
			"Wrapper":         reflect.ValueOf(interpvalue.Wrapper),
			"Equal":           reflect.ValueOf(interpvalue.Equal),
			"EqualValue":      reflect.ValueOf(interpvalue.EqualValue),
			"Slice3Lo":        reflect.ValueOf(checkSlice3),
			"AssertFailed":    reflect.ValueOf(assertFailed),
			"ContextKey":      reflect.ValueOf(func(name string, k any) any { return contextKey{name, bareKey(k)} }),
			"ContextKeyOf":    reflect.ValueOf(contextKeyOf),
			"MapKey":          reflect.ValueOf(mapKey),
			"ReflectOperand":  reflect.ValueOf(reflectOperand),
			"SortedMap":       reflect.ValueOf(interpvalue.SortedMap),
			"UnwrapMethod":    reflect.ValueOf(s.printer.RegisterUnwrap),
			"ErrorsAs":        reflect.ValueOf(s.printer.ErrorsAs),
			// the cells' struct types for fmt (interpvalue/names.go)
			"RegisterStruct":   reflect.ValueOf(s.printer.RegisterStruct),
			"TypeString":       reflect.ValueOf(s.printer.TypeString),
			"GoSyntaxOf":       reflect.ValueOf(s.printer.GoSyntax),
			"Names":            reflect.ValueOf(s.printer.Names),
			"Printed":          reflect.ValueOf(interpvalue.Printed),
			"Formatted":        reflect.ValueOf(interpvalue.Formatted),
			"FmtLess":          reflect.ValueOf(interpvalue.FmtLess),
			"NilPointer":       reflect.ValueOf(interpvalue.NilPointer),
			"NilPointerOf":     reflect.ValueOf(interpvalue.NilPointerOf),
			"TemplateError":    reflect.ValueOf(s.printer.TemplateError),
			"TemplateHooks":    reflect.ValueOf(interpvalue.TemplateHooks),
			"TemplateArg":      reflect.ValueOf(interpvalue.TemplateArg),
			"TemplateArgError": reflect.ValueOf(interpvalue.TemplateArgError),
			"TemplateSigError": reflect.ValueOf(interpvalue.TemplateSigError),
			"TemplateArity":    reflect.ValueOf(interpvalue.TemplateArity),
			// select statements (goroutine/selects.go)
			"RunSelect":  reflect.ValueOf(goroutine.RunSelect),
			"SelectRecv": reflect.ValueOf(goroutine.SelectRecv),
			"SelectSend": reflect.ValueOf(goroutine.SelectSend),
			// The compiled twins of the cells' interfaces (see MultiUnwrapper).
			"MultiUnwrapper": reflect.ValueOf((*MultiUnwrapper)(nil)),
			"Unwrapper":      reflect.ValueOf((*Unwrapper)(nil)),
			"Iser":           reflect.ValueOf((*Iser)(nil)),
			"Aser":           reflect.ValueOf((*Aser)(nil)),
			"Stringer":       reflect.ValueOf((*fmt.Stringer)(nil)),
			"GoStringer":     reflect.ValueOf((*fmt.GoStringer)(nil)),
			"Timeouter":      reflect.ValueOf((*Timeouter)(nil)),
			"Temporary":      reflect.ValueOf((*Temporary)(nil)),
		},
		"os/os": {
			"Exit":   reflect.ValueOf(exitFunc("os.Exit")),
			"Stderr": reflect.ValueOf(&s.stderr).Elem(),
		},
		"syscall/syscall": {"Exit": reflect.ValueOf(exitFunc("syscall.Exit"))},
		"errors/errors":   {"Is": reflect.ValueOf(s.printer.ErrorsIs), "Unwrap": reflect.ValueOf(s.printer.ErrorsUnwrap)},
		// its type errors name the struct type of the field (interpvalue.JSONError)
		"encoding/json/json": {
			"Unmarshal": reflect.ValueOf(func(data []byte, v any) error {
				return s.printer.JSONError(json.Unmarshal(data, v), v)
			}),
			// the errors of the cells' MarshalJSON name their types (interpvalue.FixMarshalError)
			"Marshal": reflect.ValueOf(func(v any) ([]byte, error) {
				b, err := json.Marshal(v)
				return b, interpvalue.FixMarshalError(err)
			}),
			"MarshalIndent": reflect.ValueOf(func(v any, prefix, indent string) ([]byte, error) {
				b, err := json.MarshalIndent(v, prefix, indent)
				return b, interpvalue.FixMarshalError(err)
			}),
		},
		generic.Path + "/generic": generic.Symbols(),
		// Package iter has only generic types, which the cell compiler
		// rewrites as function types: the import itself must work.
		"iter/iter": {},
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { s.fatal("log.Fatal", fmt.Sprint(v...)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { s.fatal("log.Fatalf", fmt.Sprintf(f, v...)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { s.fatal("log.Fatalln", fmt.Sprintln(v...)) }),
		},
		// the cell's goroutine and those cells started: the process's own
		// (the kernel's, earlier sessions' in tests) are not the notebook's
		"runtime/runtime": {"NumGoroutine": reflect.ValueOf(func() int { return 1 + int(s.liveGo.Load()) })},
	}
	for key, table := range s.instrumentSymbols() {
		if syms[key] == nil {
			syms[key] = map[string]reflect.Value{}
		}
		for name, v := range table {
			syms[key][name] = v
		}
	}
	return syms
}

// fatal logs msg as log.Fatal does, then panics instead of exiting.
func (s *Session) fatal(name, msg string) {
	_ = log.New(s.stderr, "", log.LstdFlags).Output(3, msg)
	panic(exitPanic{fmt.Sprintf("%s(%q) was called: the kernel does not exit (exit is disabled in cells)", name, strings.TrimSuffix(msg, "\n"))})
}

// clearValue implements the builtin clear for maps and slices.
func clearValue(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	default:
		panic(fmt.Sprintf("invalid argument: clear(%T): argument must be a map or a slice", x))
	}
}

// convertTo converts *from to the type of *to, as Go converts a value to a
// type parameter (the cell compiler's typeParamConversion: yaegi cannot
// convert to the instantiation of one that is not predeclared). Both are
// pointers: an interpreted value of a type with methods is wrapped when
// given as it is.
func convertTo(from, to any) any {
	return reflect.ValueOf(from).Elem().Convert(reflect.TypeOf(to).Elem()).Interface()
}

// stdFile returns f, or def when f is nil.
func stdFile(f, def *os.File) *os.File {
	if f == nil {
		return def
	}
	return f
}

// uncomparableRe matches Go's panics comparing or hashing a value of a
// type without ==, which name the type.
var uncomparableRe = regexp.MustCompile(`^runtime error: (comparing uncomparable|hash of unhashable) type struct \{`)

// recovered is the value recover returns in a cell (the cell compiler
// wraps recover() in cellrt.Recovered): yaegi panics with the
// reflect.Value of panic's argument, which recover returns as is, and its
// runtime errors have other messages than Go's, some with a position.
func recovered(r any) any {
	if v, ok := r.(reflect.Value); ok {
		if !v.IsValid() || !v.CanInterface() {
			return nil
		}
		if v.Type().String() == "interp.valueInterface" {
			// An interface value of the interpreter: it cannot be given
			// back through a compiled function (its methods would be
			// lost).
			return r
		}
		r = v.Interface()
	}
	var msg string
	switch x := r.(type) {
	case error:
		msg = x.Error()
	case string: // reflect panics with strings
		msg = x
	}
	if m, ok := goRuntimeMessage(msg); ok {
		return runtimeError(m)
	}
	return r
}

// typedNilError is the panic of a nil value of a cell type converted to an
// interface of a compiled package, which yaegi cannot hold (see the cell
// compiler's nilChecked).
type typedNilError string

func (e typedNilError) Error() string { return string(e) }

// runtimeError is a runtime panic of a cell with Go's message.
type runtimeError = interpvalue.RuntimeError

// yaegiPosition is the position yaegi puts before some runtime errors.
var yaegiPosition = regexp.MustCompile(`^\d+:\d+: `)

// goRuntimeMessage returns Go's message for a runtime error of yaegi.
func goRuntimeMessage(msg string) (string, bool) {
	if loc := yaegiPosition.FindStringIndex(msg); loc != nil && strings.HasPrefix(msg[loc[1]:], "interface conversion: ") {
		return msg[loc[1]:], true
	}
	switch {
	case strings.HasPrefix(msg, "reflect: call of reflect.Value.") && strings.HasSuffix(msg, " on zero Value"):
		return "runtime error: invalid memory address or nil pointer dereference", true
	case msg == "reflect.MakeSlice: negative len":
		return "runtime error: makeslice: len out of range", true
	case msg == "reflect.MakeSlice: negative cap" || msg == "reflect.MakeSlice: len > cap":
		return "runtime error: makeslice: cap out of range", true
	case msg == "reflect.Value.Call: call of nil function":
		return "runtime error: invalid memory address or nil pointer dereference", true
	case strings.HasPrefix(msg, "hash of unhashable type: "): // reflect's map assignment
		return "runtime error: hash of unhashable type " + strings.TrimPrefix(msg, "hash of unhashable type: "), true
	case strings.HasPrefix(msg, "reflect: cannot convert slice with length ") && strings.Contains(msg, " to array with length "):
		return "runtime error: " + strings.Replace(strings.TrimPrefix(msg, "reflect: "), " to array with", " to array or pointer to array with", 1), true
	}
	return "", false
}

// ifaceEqual reports whether *p == *q, p and q pointers to variables of
// an interface type of the cells: their dynamic types (as far as the
// interpreter keeps them) and values are equal. yaegi compares the
// wrappers it keeps such values in, which differ for equal values.
func ifaceEqual(p, q any) bool {
	return ifaceEqualNamed(p, q, interpvalue.DynType(p), interpvalue.DynType(q))
}

// ifaceEqualNamed is ifaceEqual of values whose dynamic types np and nq
// name (the cell compiler's code names them as %T does: yaegi's wrapper
// of a value returned as an interface of the cells has no type, so
// DynType cannot tell).
func ifaceEqualNamed(p, q any, np, nq string) bool {
	vp, vq := heldValue(p), heldValue(q)
	if !vp.IsValid() || !vq.IsValid() {
		return vp.IsValid() == vq.IsValid()
	}
	if np != nq || vp.Type() != vq.Type() {
		return false
	}
	if np != "" && !vp.Type().Comparable() { // Go's panic, naming the cells' type
		panic(runtimeError("runtime error: comparing uncomparable type " + np))
	}
	return vp.Interface() == vq.Interface()
}

// heldValue returns the value the interface variable *p holds (invalid
// for nil), out of yaegi's wrapper (valueInterface) if it is in one.
func heldValue(p any) reflect.Value {
	v := reflect.ValueOf(p).Elem()
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Interface {
		return reflect.Value{}
	}
	if v.Kind() != reflect.Struct || v.Type().PkgPath() != "github.com/traefik/yaegi/interp" || v.Type().Name() != "valueInterface" {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	f := c.Field(1) // value reflect.Value, unexported
	held := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(reflect.Value)
	for held.IsValid() && held.Kind() == reflect.Interface && !held.IsNil() {
		held = held.Elem()
	}
	if !held.IsValid() || held.Kind() == reflect.Interface || !held.CanInterface() {
		return reflect.Value{}
	}
	if held.Type() == v.Type() { // a wrapper in a wrapper: State(SoldOut{}) made by a conversion
		inner := held.Interface()
		return heldValue(&inner)
	}
	return held
}

// assertFail is the panic of a type assertion of an interface value of
// dynamic type dyn to the type want, which it does not hold.
func assertFail(iface, dyn, want string) error {
	return runtimeError("interface conversion: " + iface + " is " + dyn + ", not " + want)
}

// nilDeref reports whether msg, a panic of a cell, is a nil pointer
// dereference (yaegi's is a reflect call on a zero Value).
func nilDeref(msg string) bool {
	return strings.Contains(msg, "nil pointer dereference") || strings.Contains(msg, "reflect: call of reflect.Value.") && strings.Contains(msg, " on zero Value")
}

// assertFailed is the panic of a failed type assertion x.(T) with Go's
// message (runtime.TypeAssertionError's): dyn names x's dynamic type,
// inter its static type, asserted T; methods are T's sorted methods when
// T is an interface (nil otherwise), and missing pairs the names of the
// cells' types with the first of them each lacks (reflect sees no methods
// on yaegi's values of cell types).
func assertFailed(x any, dyn, inter, asserted string, methods []string, missing ...string) error {
	const conv = "interface conversion: "
	switch {
	case x == nil && methods != nil:
		return runtimeError(conv + "interface is nil, not " + asserted)
	case x == nil:
		return runtimeError(conv + inter + " is nil, not " + asserted)
	case methods == nil:
		return runtimeError(conv + inter + " is " + dyn + ", not " + asserted)
	}
	for i := 0; i+1 < len(missing); i += 2 {
		if missing[i] == dyn {
			return runtimeError(conv + dyn + " is not " + asserted + ": missing method " + missing[i+1])
		}
	}
	t := reflect.TypeOf(x)
	for _, m := range methods {
		if _, ok := t.MethodByName(m); !ok {
			return runtimeError(conv + dyn + " is not " + asserted + ": missing method " + m)
		}
	}
	return runtimeError(conv + dyn + " is not " + asserted)
}

// checkIndex returns i, or panics as Go does when it is out of range.
func checkIndex(i, n int) int {
	if i < 0 {
		panic(runtimeError(fmt.Sprintf("runtime error: index out of range [%d]", i)))
	}
	if i >= n {
		panic(runtimeError(fmt.Sprintf("runtime error: index out of range [%d] with length %d", i, n)))
	}
	return i
}

// checkSlice returns lo, or panics as Go does when x[lo:hi] is out of
// range (max is x's capacity, or its length for a string: what says
// which).
func checkSlice(lo, hi, max int, what string) int {
	word := "capacity"
	if what == "len" {
		word = "length"
	}
	switch {
	case hi < 0 || hi > max:
		panic(runtimeError(fmt.Sprintf("runtime error: slice bounds out of range [:%d] with %s %d", hi, word, max)))
	case lo < 0 || lo > hi:
		panic(runtimeError(fmt.Sprintf("runtime error: slice bounds out of range [%d:%d]", lo, hi)))
	}
	return lo
}

// checkSlice3 returns lo, or panics as Go does when x[lo:hi:max] is out
// of range (c is x's capacity).
func checkSlice3(lo, hi, max, c int) int {
	switch {
	case max < 0 || max > c:
		panic(runtimeError(fmt.Sprintf("runtime error: slice bounds out of range [::%d] with capacity %d", max, c)))
	case hi < 0 || hi > max:
		panic(runtimeError(fmt.Sprintf("runtime error: slice bounds out of range [:%d:%d]", hi, max)))
	case lo < 0 || lo > hi:
		panic(runtimeError(fmt.Sprintf("runtime error: slice bounds out of range [%d:%d:]", lo, hi)))
	}
	return lo
}

// goSyntax is %#v of v, a value of the cells' type name, whose struct
// types of the cells are given as pairs of a name and a zero value: yaegi's
// types have no names for reflect (struct { X int }{X:1} is main.P{X:1}).
func goSyntax(v any, name string, structs ...any) string {
	s := fmt.Sprintf("%#v", v)
	if v != nil {
		s = interpvalue.NameTop(s, reflect.TypeOf(v).String(), name)
	}
	for i := 0; i+1 < len(structs); i += 2 {
		n, _ := structs[i].(string)
		if rs := reflect.TypeOf(structs[i+1]); n != "" && rs != nil && rs.Kind() == reflect.Struct {
			s = strings.ReplaceAll(s, rs.String(), n)
		}
	}
	return s
}

// fieldNames gives the unexported fields named in a %+v or %#v output back
// their names: yaegi exports them with an X (Xname:).
func fieldNames(s string, fields ...string) string {
	for _, f := range fields {
		s = strings.ReplaceAll(s, "{X"+f+":", "{"+f+":")
		s = strings.ReplaceAll(s, " X"+f+":", " "+f+":")
	}
	return s
}

// pendingPanic is the panic of a deferred call of a function whose
// deferred calls recover, kept for them (see cellsrc.DeferredPanics):
// yaegi stops running the deferred calls at a panic in one.
type pendingPanic struct {
	v   any
	set bool
}

// Guard calls f, a deferred func literal, and keeps its panic.
func (p *pendingPanic) Guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			p.v, p.set = r, true
		}
	}()
	f()
}

// Take is recover() in a deferred func: the kept panic (as cellrt's
// Recovered gives it), else r (what recover returned).
func (p *pendingPanic) Take(r any) any {
	if p.set {
		v := p.v
		p.v, p.set = nil, false
		return recovered(v)
	}
	return r
}

// Rethrow, deferred first, panics with a kept panic no deferred call
// recovered.
func (p *pendingPanic) Rethrow() {
	if p.set {
		v := p.v
		p.v, p.set = nil, false
		panic(v)
	}
}

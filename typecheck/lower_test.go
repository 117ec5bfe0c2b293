package typecheck

import (
	"regexp"
	"strings"
	"testing"

	"gokernel/compiler"
)

// The rewrites of the cell compiler that need Go's types, each class of
// yaegi defect with a case: the cells run before are checked and committed,
// then the last one is compiled with its types; its steps (kind and
// source, /*line*/ directives removed) are returned one per line.
func lowered(t *testing.T, cells ...string) string {
	t.Helper()
	c := NewChecker()
	if c == nil {
		t.Skip("no Go sources installed")
	}
	env := fakeEnv{}
	var plan *compiler.Plan
	for i, src := range cells {
		res, err := c.Check(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		plan, err = compiler.CompileChecked(src, i+1, i+1, env, res)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, st := range plan.Steps {
			for _, d := range st.Decls {
				env[d.Name] = d
			}
		}
		res.Commit()
	}
	dir := regexp.MustCompile(`/\*line [^*]*\*/`)
	var b strings.Builder
	for _, st := range plan.Steps {
		b.WriteString([]string{"decls", "define", "commaok", "stmts", "expr"}[st.Kind] + ": " + strings.TrimSpace(dir.ReplaceAllString(st.Src, "")) + "\n")
	}
	return b.String()
}

func wantLowered(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the plan lacks %q:\n%s", w, got)
		}
	}
}

// A var whose initializer mentions a global of an earlier evaluation is
// declared, then assigned (yaegi: "variable definition loop").
func TestLowerVarOfEarlierGlobal(t *testing.T) {
	got := lowered(t, "var s uint = 3", "x := 2\nvar y int64 = 1 << s\nvar z = x + 1\nvar w = z * 2\nvar a = b\nvar b = 5")
	// The group of declarations stays one (var a = b with var b = 5),
	// the assignments run in order, and w, which depends on z, too.
	wantLowered(t, got, "decls: var y int64\nvar z int\nvar w int\nvar a = b\nvar b = 5\nstmts: y = int64(1) << s\nstmts: z = x + 1\nstmts: w = z * 2\n")
	// A receive in the initializer is hoisted before the assignment.
	got = lowered(t, "c := make(chan float64, 1)\nc <- 1.5", "var a = <-c")
	wantLowered(t, got, "decls: var a float64\n", "stmts: __gkv1 := <-c; a = __gkv1")
	// yaegi finds dependencies by name: a field named like a global var of
	// an earlier cell; a type that has one is a define (parameters are
	// written without names).
	got = lowered(t, "v := 1", "var s struct{ v int }\nvar f = func(v int) int { return v }")
	wantLowered(t, got, "define: s := *new(struct{ v int })\n", "decls: var f func(int) int\nstmts: f = func(v int) int { return v }\n")
}

// A top-level define of an instantiation of a generic function is declared,
// then assigned (yaegi: "not a generic type", "constant definition loop").
func TestLowerGenericDefine(t *testing.T) {
	got := lowered(t, "func Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }",
		"strs := Map([]int{1}, func(i int) string { return \"n\" })\nn, _ := len(strs), 0")
	wantLowered(t, got, "decls: var strs []string\nstmts: strs = Map[int, string]([]int{1}, func(i int) string { return \"n\" })\ndecls: var n int\nstmts: var __gkp1 int; __gkp1 = len(strs); var __gkp2 int; __gkp2 = 0; n = __gkp1; _ = __gkp2\n")
}

// A partial list of type arguments is completed with the ones the checker
// inferred (yaegi: nil pointer dereference).
func TestLowerPartialTypeArgs(t *testing.T) {
	got := lowered(t, "func Convert[To, From ~int | ~float64](f From) To { return To(f) }",
		"a := Convert[int](3.9)\nb := Convert[float64, int](7)\n_, _ = a, b")
	wantLowered(t, got, "Convert[int, float64](3.9)", "Convert[float64, int](7)")
}

// A conversion to a type parameter goes through a function literal (a
// value assignable to it) or the runtime (any other): yaegi finds only the
// predeclared types by the name of the type argument.
func TestLowerTypeParamConversion(t *testing.T) {
	got := lowered(t, "type Setter[T any] interface{ *T; Set(string) }\nfunc Fill[T any, PT Setter[T]](t *T) { PT(t).Set(\"x\") }\nfunc Up[S ~string](s string) S { return S(s) }\nfunc Sum[R, T ~int | ~uint8](x T) R { return R(x) + R(1) }")
	wantLowered(t, got, "func(__gkv1 PT) PT { return __gkv1 }(t).Set(\"x\")",
		"return func() S { __gkv2 := s; return __gkrt.Convert(&__gkv2, new(S)).(S) }()",
		"func() R { __gkv3 := x; return __gkrt.Convert(&__gkv3, new(R)).(R) }() + func(__gkv4 R) R { return __gkv4 }(1)")
}

// The constraints that restrict a type set are written interface{}: yaegi
// checks type arguments against them wrongly (a union with an interface).
func TestLowerTypeSetConstraints(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype Integer interface{ ~int | ~int64 }\nfunc Avg[T Integer | ~float64, U fmt.Stringer](xs []T, u U) float64 { return 0 }\ntype Box[K comparable, V any] struct{ k K; v V }")
	wantLowered(t, got, "type Integer interface{ ~int | ~int64 }", "func Avg[T interface{}, U fmt.Stringer](", "type Box[K interface{}, V any] struct")
}

// == and != of interface values (or of a type parameter's) call
// cellrt.Equal; a comparison with nil is left alone.
func TestLowerInterfaceEquality(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype Shape interface{ Area() int }\ntype Sq int\nfunc (s Sq) Area() int { return 1 }\nfunc Has[T comparable](xs []T, v T) bool { for _, x := range xs { if x == v { return true } }; return false }",
		"var a, b Shape = Sq(1), Sq(1)\nfmt.Println(a == b, a != Sq(2), a == nil, 1 == 2)")
	wantLowered(t, got, "fmt.Println(func(x, y Shape) bool { return __gkrt.IfaceEqualNamed(&x, &y, func(v Shape) string { if n := __gkrt.DynType(&v); n != \"\" { return n }",
		"if _, ok := any(v).(Sq); ok { return \"main.Sq\" }", "}(y)) }(a, b), !func(x, y Shape) bool {", "}(y)) }(a, Sq(2)), a == nil, 1 == 2)")
	got = lowered(t, "func Has[T comparable](xs []T, v T) bool { for _, x := range xs { if x == v { return true } }; return false }")
	wantLowered(t, got, "if func(__gkx1, __gky2 any) bool { return __gkrt.Equal(&__gkx1, &__gky2) }(x, v) {")
}

// The uses of local and generic aliases name the types they denote (yaegi
// declares neither); a local alias's declaration is dropped, a generic
// one's declares the name as an alias of struct{}.
func TestLowerUndeclaredAliases(t *testing.T) {
	got := lowered(t, "type Pair[A, B any] struct{ First A; Second B }\ntype Keyed[V any] = Pair[string, V]\ntype Set[T comparable] = map[T]struct{}\ntype Plain = int",
		"s := Set[string]{\"a\": {}}\nk := Keyed[bool]{\"on\", true}\nfunc f() int { type L struct{ V int }; type LA = L; type PL = *L; var p PL = &LA{2}; var n Plain = p.V; return n }")
	wantLowered(t, got, "var s map[string]struct{}", "s = map[string]struct{}{\"a\": {}}", "var k Pair[string, bool]", "k = Pair[string, bool]{\"on\", true}",
		"type L struct{ V int `gokernel:\"L\"` }; ; ; var p *L = &L{2}; var n Plain = p.V")
	got = lowered(t, "type Pair[A, B any] struct{ First A; Second B }\ntype Keyed[V any] = Pair[string, V]")
	wantLowered(t, got, "type Keyed = struct{}")
}

// recover() unwraps what yaegi panics with; in a cell that recovers, indexes and slice bounds are checked to panic with Go's
// messages.
func TestLowerPanicRecover(t *testing.T) {
	got := lowered(t, "type E struct{ c int }\nfunc (e E) Error() string { return \"e\" }",
		"func f(s []int, i int) (r any) {\n\tdefer func() { r = recover() }()\n\tif i < 0 { panic(E{1}) }\n\t_ = s[i]\n\treturn s[i:2]\n}")
	wantLowered(t, got, "r = __gkrt.Recovered(recover())", "_ = s[__gkrt.Index(int(i), len(s))]",
		"return s[__gkrt.SliceLo(int(i), int(2), cap(s), \"cap\"):2]")
	// A cell that calls a function of an earlier cell that recovers.
	got = lowered(t, "func try(f func()) { defer func() { recover() }(); f() }", "s := \"abc\"\ni := 5\ntry(func() { _ = s[i] })")
	wantLowered(t, got, "_ = s[__gkrt.Index(int(i), len(s))]")
	// Without recover, indexes are left alone.
	got = lowered(t, "import \"fmt\"\ns := []int{1}\ni := 0\nfmt.Println(s[i])")
	wantLowered(t, got, "fmt.Println(s[i])")
}

// In a cell that recovers, x[lo:hi:max] is checked to panic with Go's
// messages.
func TestLowerSlice3Bounds(t *testing.T) {
	got := lowered(t, "func f(s []int, i int) (r any) {\n\tdefer func() { r = recover() }()\n\treturn s[1:i:3]\n}")
	wantLowered(t, got, "return s[__gkrt.Slice3Lo(int(1), int(i), int(3), cap(s)):i:3]")
}

// %T and %#v of operands whose static type mentions cell types are
// written from the checker's types (yaegi's types have no names).
func TestLowerFormatTypeNames(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype C float64\ntype P struct{ X int; In Q }\ntype Q struct{ N string }\ntype Pair[K comparable, V any] struct{ K K; V V }\ntype Alias = C\nfunc mk() C { return 1 }",
		"var a Alias = 2\nvar i any = a\nfmt.Printf(\"%T %5T %T %T|%#v %v %T %%\\n\", a, []*C{}, mk(), Pair[string, byte]{}, &P{}, P{}, i)")
	// An interface operand: its dynamic type, as the interpreter knows it.
	wantLowered(t, got, `fmt.Printf("%s %5s %s %s|%s %v %s %%\n", "main.C", __gkrt.TypeName("[]*main.C", []*C{}), __gkrt.TypeName("main.C", mk()), __gkrt.TypeName("main.Pair[string,uint8]", Pair[string, byte]{}), __gkrt.GoSyntax(&P{}, "*main.P", "main.P", *new(P), "main.Q", *new(Q)), P{}, func(v any) string { if n := __gkrt.DynType(&v); n != "" { return n }; return __gkrt.TypeString(v) }(i))`)
	// Builtin types, and formats with operand indexes, are left alone.
	got = lowered(t, "import \"fmt\"\ntype C float64", "fmt.Printf(\"%T %#v\\n\", 1.5, []int{1})\nfmt.Printf(\"%[1]T\\n\", C(1))")
	wantLowered(t, got, `fmt.Printf("%T %#v\n", 1.5, []int{1})`, `fmt.Printf("%[1]T\n", C(1))`)
}

// Method values bind their receiver where Go evaluates it; method
// expressions are func literals.
func TestLowerMethodValues(t *testing.T) {
	got := lowered(t, "type C struct{ n int }\nfunc (c *C) Inc(d int) int { c.n += d; return c.n }\nfunc (c C) Get() int { return c.n }",
		"c := C{}\npc := &c\nget, inc, pget := c.Get, c.Inc, pc.Get\nf := C.Get\ng := (*C).Inc\n_ = c.Get() + f(c) + g(pc, 1) + get() + inc(1) + pget()")
	wantLowered(t, got,
		"var __gkp1 func() int; __gkp1 = func() func() int { __gkrecv2 := (c); return func() int { return __gkrecv2.Get() } }(); var __gkp3 func(int) int; __gkp3 = func() func(__gka0 int) int { __gkrecv4 := &(c); return func(__gka0 int) int { return __gkrecv4.Inc(__gka0) } }(); var __gkp5 func() int; __gkp5 = func() func() int { __gkrecv6 := *(pc); return func() int { return __gkrecv6.Get() } }(); get = __gkp1; inc = __gkp3; pget = __gkp5",
		"f := (func(__gka0 C) int { return __gka0.Get() })",
		"g := (func(__gka0 *C, __gka1 int) int { return __gka0.Inc(__gka1) })",
		"_ = c.Get() + f(c)")
}

// The receiver and arguments of deferred calls are evaluated when the
// defer statement runs, also in functions with closures or recover.
func TestLowerDeferEvaluation(t *testing.T) {
	got := lowered(t, "type T struct{ n string }\nfunc (t T) Show() {}\nfunc (t *T) P(s []int) {}",
		"func f() {\n\tt := T{\"a\"}\n\ts := []int{1}\n\tdefer t.Show()\n\tdefer t.P(s)\n\tdefer func() { recover() }()\n\tt.n = \"b\"\n}")
	// and a deferred func runs through a pending panic (cellsrc.DeferredPanics)
	wantLowered(t, got, "__gkp1 := __gkrt.NewPending(); defer __gkp1.Rethrow();", "__gkd2 := (t); defer __gkd2.Show()", "__gkd3 := &(t); __gkd4 := s; defer __gkd3.P(__gkd4)",
		"defer __gkp1.Guard(func() { __gkp1.Take(__gkrt.Recovered(recover())) })")
	got = lowered(t, "type T struct{ n string }\nfunc (t T) Show() {}", "func g() {\n\tt := T{\"a\"}\n\tdefer t.Show()\n\tt.n = \"b\"\n}")
	wantLowered(t, got, "func(__gkf1 T) func() { return func() { __gkf1.Show() } }((t))")
}

// fmt's operands with String or Error methods of the cells are converted
// by calling them (Error first), or to their underlying type for %d.
func TestLowerStringers(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype W int\nfunc (w W) String() string { return \"w\" }\ntype Q struct{}\nfunc (q *Q) String() string { return \"q\" }\ntype B struct{}\nfunc (B) Error() string { return \"e\" }\nfunc (B) String() string { return \"s\" }",
		"w := W(1)\nfmt.Println(w, &Q{}, B{}, 3)\nfmt.Printf(\"%v %d %5s %#v\\n\", w, w, w, w)\nfmt.Print(w, w)")
	wantLowered(t, got, "fmt.Println((w).String(), func(v *Q) (s string) {", "return v.String() }(&Q{}), (B{}).Error(), 3)",
		`fmt.Printf("%v %d %5s %s\n", (w).String(), (int)(w), (w).String(), __gkrt.GoSyntax((int)(w), "main.W"))`, "fmt.Print(__gkrt.Printed((w).String()), __gkrt.Printed((w).String()))")
}

// fmt's operands with values of String or Error methods of the cells
// inside (exported fields, elements, map keys and values, what a pointer
// operand points to) are converted to a copy where those values are
// strings (a map with such keys, to its entries in the order of the keys).
func TestLowerNestedStringers(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype W int\nfunc (w W) String() string { return \"w\" }\ntype P struct{ A W; b W }\ntype B byte\nfunc (B) String() string { return \"b\" }",
		"fmt.Println(P{}, []W{1}, map[W]W{})\nfmt.Printf(\"%v %s\\n\", &P{}, []B{1})")
	wantLowered(t, got,
		"fmt.Println(func(__gkv0 P) struct{ A string; b W } { return struct{ A string; b W }{(__gkv0.A).String(), __gkv0.b} }(P{}), func(__gkv0 []W) []string { if __gkv0 == nil { return nil }; __gkr0 := make([]string, len(__gkv0)); for __gki0 := range __gkv0 { __gkr0[__gki0] = (__gkv0[__gki0]).String() }; return __gkr0 }([]W{1}), func(__gkv0 map[W]W) any {",
		"__gkr0 = append(__gkr0, (__gkk0).String(), (__gkv0[__gkk0]).String()) }; return __gkrt.SortedMap(__gkr0) }(map[W]W{}))",
		`fmt.Printf("%v %s\n", func(__gkv0 *P) *struct{ A string; b W } {`, "}(&P{}), []B{1})")
}

// fmt's operands of an interface of the cells call the Error or String
// method of their dynamic value.
func TestLowerInterfaceStringers(t *testing.T) {
	// A value of a type parameter (its constraint is an interface) is
	// given to fmt in an any, through FmtAny: its type argument may be a
	// type of the cells whose methods yaegi's instance does not give fmt.
	got := lowered(t, "import \"fmt\"\nfunc show[K comparable, V fmt.Stringer](k K, v V) { fmt.Println(k, v) }")
	wantLowered(t, got, "fmt.Println(__gkrt.FmtAny([]any{k}[0]), __gkrt.FmtAny([]any{v}[0]))")
	got = lowered(t, "import \"fmt\"\ntype S interface{ Area() float64 }", "var s S\nvar e error\nfmt.Println(s, e)")
	wantLowered(t, got, `fmt.Println(func(v S) (s any) { if v == nil { return nil }; if _, ok := v.(interface{ Format(__gkfmt.State, rune) }); ok { return v }; if e, ok := v.(interface{ Error() string }); ok { defer func() { if r := recover(); r != nil { s = "<nil>"; if m := __gkfmt.Sprint(r); !__gkrt.NilDeref(m) { s = "%!v(PANIC=Error method: " + m + ")" } } }(); return e.Error() }; if st, ok := v.(interface{ String() string }); ok {`, "}(s), e)")
}

// %#v of an operand with a GoString method of the cells calls it (fmt
// does not see it on yaegi's value).
func TestLowerGoStringer(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype L int\nfunc (l L) GoString() string { return \"L!\" }\ntype F int\nfunc (F) GoString() string { return \"\" }\nfunc (F) Format(fmt.State, rune) {}",
		"fmt.Printf(\"%#v %#8v %v %#v\\n\", L(1), L(2), L(3), F(4))")
	// F's Format wins over GoString, as in fmt: given as a fmt.Formatter
	// (yaegi gave fmt a call's result bare)
	wantLowered(t, got, `fmt.Printf("%s %8s %v %#v\n", (L(1)).GoString(), (L(2)).GoString(), L(3), func(v F) __gkfmt.Formatter { return v }(F(4)))`)
}

// An error asserted to an interface of the cells tries the cells' types
// that implement it, then its compiled twin in cellrt if it has one; a
// failed assertion panics with Go's message.
func TestLowerAssertTwinsAndFailures(t *testing.T) {
	got := lowered(t, "type I interface{ M() }\ntype S struct{ n int }\nfunc (S) A() {}",
		"var e error\nvar x any = 1\nu, ok := e.(interface{ Unwrap() []error })\n_ = e.(I)\n_ = x.(I)\n_, _ = u, ok")
	wantLowered(t, got,
		// the cells' types first, then the compiled twin
		"func() (interface{Unwrap() []error}, bool) { __gkn1 := e; var __gkn3 interface{Unwrap() []error}; if __gkn1 == nil { return __gkn3, false }; if __gkn5 := __gkrt.DynType(&__gkn1);",
		"if v, ok := __gkn1.(__gkrt.MultiUnwrapper); ok { return v, true }; return __gkn3, false }()",
		`_ = func() I { __gkn6 := e; if v, ok := func() (I, bool) { __gkn7 := __gkn6; var __gkn9 I; if __gkn7 == nil { return __gkn9, false }; if __gkn11 := __gkrt.DynType(&__gkn7);`,
		`if __gkn10, ok := __gkrt.Wrapped(__gkn7); ok {`, `ok { return v }; panic(__gkrt.AssertFailed(__gkn6, `,
		`"error", "main.I", []string{"M"}, "main.S", "M", "*main.S", "M"))`,
		`"interface {}", "main.I", []string{"M"}, "main.S", "M", "*main.S", "M")) }()`)
}

// Context keys of cell types are paired with the type's name.
func TestLowerContextKeys(t *testing.T) {
	got := lowered(t, "import \"context\"\ntype k string\ntype s struct{}",
		"ctx := context.WithValue(context.Background(), k(\"a\"), 1)\n_ = ctx.Value(s{})\n_ = ctx.Value(\"a\")")
	wantLowered(t, got, `context.WithValue(context.Background(), __gkrt.ContextKey("main.k", k("a")), 1)`,
		`ctx.Value(__gkrt.ContextKey("main.s", s{}))`, `ctx.Value("a")`)
}

// %+v and %#v of structs with unexported fields give the fields back their
// names (yaegi exports them as Xname).
func TestLowerUnexportedFields(t *testing.T) {
	got := lowered(t, "import \"fmt\"\ntype p struct{ k string; V int; in *p }", "fmt.Printf(\"%+v %v\\n\", []p{{\"x\", 1, nil}}, p{})")
	wantLowered(t, got, `fmt.Printf("%s %v\n", __gkrt.FieldNames(__gkfmt.Sprintf("%+v", []p{{"x", 1, nil}}), "k", "in"), p{})`)
}

// A type switch becomes a chain of type assertions, which yaegi gets
// right for values of cell types in an error and compiled values in an
// any; one that breaks out of the switch, a chain in a loop of one
// iteration, which the break leaves.
func TestLowerTypeSwitch(t *testing.T) {
	got := lowered(t, "type E struct{ k string }\nfunc (e *E) Error() string { return e.k }",
		"func kind(v any) string {\n\tswitch x := v.(type) {\n\tcase nil, int:\n\t\treturn \"a\"\n\tcase error:\n\t\treturn x.Error()\n\tdefault:\n\t\treturn \"d\"\n\t}\n}\nfunc loop(v any) {\n\tswitch v.(type) {\n\tcase int:\n\t\tbreak\n\t}\n}")
	wantLowered(t, got, `if __gkt1 := v; false { } else if __gkt1 == nil || func() bool { _, ok := __gkt1.(int); return ok }() { x := __gkt1; _ = x; return "a"; } else if x, ok := func() (error, bool) { __gkn2 := __gkt1; var __gkn4 error; if __gkn2 == nil { return __gkn4, false }; if __gkn6 := __gkrt.DynType(&__gkn2); __gkn6 != "" { if __gkn6 == "*main.E" { if __gkn3, ok := any(__gkn2).(*E); ok { return __gkn3, true }; }; switch __gkn6 { case "main.E", "*main.E": return __gkn4, false }; } else { if __gkn3, ok := __gkn2.(*E); ok { return __gkn3, true }; };`,
		"for __gkt7once := true; __gkt7once; __gkt7once = false { if __gkt7 := v; false { } else if _, ok := __gkt7.(int); ok { break; } }")
}

// Type assertions to interfaces and to the cells' types are lowered (see
// the cell compiler's assertOK): nil values, empty interfaces, values of
// the cells' types in an any; an assertion on an error is left to yaegi.
func TestLowerTypeAssertions(t *testing.T) {
	got := lowered(t, "type E struct{ k string }\nfunc (e *E) Error() string { return e.k }",
		"var v any\n_, ok := v.(any)\ne, ok2 := v.(error)\np := v.(*E)\nvar err error\n_, ok3 := err.(*E)\n_, _, _, _, _ = ok, e, ok2, p, ok3")
	wantLowered(t, got, "commaok: func() (any, bool) { __gkn1 := v; var __gkn3 any; if __gkn1 == nil { return __gkn3, false }; return __gkn1, true }()",
		"commaok: func() (error, bool) { __gkn6 := v; var __gkn8 error; if __gkn6 == nil",
		"p := func() *E { __gkn11 := v; if v, ok := func() (*E, bool) { __gkn12 := __gkn11; var __gkn14 *E; if __gkn13, ok := __gkn12.(*E); ok { return __gkn13, true }; if __gkrt.NilPointerOf(__gkn12, \"*main.E\") { return __gkn14, true }; if __gkn15, ok := __gkrt.Wrapped(__gkn12); ok { if __gkn13, ok := __gkn15.(*E); ok { return __gkn13, true }; }; return __gkn14, false }(); ok { return v }; panic(__gkrt.AssertFailed(__gkn11, func(v any) string { if _, ok := v.(E); ok { return \"main.E\" }; if _, ok := v.(*E); ok { return \"*main.E\" }; return func(v any) string { if n := __gkrt.DynType(&v); n != \"\" { return n }; return __gkrt.TypeString(v) }(v) }(__gkn11), \"interface {}\", \"*main.E\", nil)) }()",
		// a nil *E converted to error is interpvalue.NilPointer's error
		`commaok: func() (*E, bool) { if v, ok := err.(*E); ok { return v, true }; if __gkrt.NilPointerOf(err, "*main.E") { return nil, true }; return nil, false }()`)
}

// Loop variables whose address the body takes, or which it assigns while a
// closure captures them, live in a function per iteration that hands them
// to the next; deferred closures get them as arguments.
func TestLowerLoopVariables(t *testing.T) {
	got := lowered(t, "func f() (ps []*int, fs []func() int) {\n\tfor i := 0; i < 3; i++ {\n\t\tps = append(ps, &i)\n\t\tfs = append(fs, func() int { return i })\n\t\ti++\n\t}\n\tfor i := range 2 {\n\t\tdefer func() { println(i) }()\n\t}\n\treturn\n}")
	wantLowered(t, got, "if __gkc3, __gkw2 := func(__gkp1 int) (int, int) { i := __gkp1; _ = i;",
		"; return 0, i }(i); true { i = __gkw2; if __gkc3 == 1 { break } };",
		"defer func(__gkp4 int) { i := __gkp4; _ = i; {  println(i) ; }}(i)")
}

// The body of a lowered loop is a block of its own, as in Go, so it may
// declare the loop's variables again (i, d := i, d); a continue then
// hands the loop's variable, not the body's, to the next iteration.
func TestLowerLoopBodyShadows(t *testing.T) {
	got := lowered(t, "func f(xs []string) (fs []func()) {\n\tfor i, d := range xs {\n\t\ti, d := i, d\n\t\tfs = append(fs, func() { println(i, d) })\n\t}\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() { println(i) })\n\t\tif i == 1 {\n\t\t\ti := 7\n\t\t\t_ = i\n\t\t\tcontinue\n\t\t}\n\t\ti++\n\t}\n\tfor i := range xs {\n\t\ti := i\n\t\tdefer func() { i := i; println(i) }()\n\t}\n\treturn\n}")
	wantLowered(t, got, "d := __gkp2; _ = d; { \n\t\ti, d := i, d",
		"__gka9 := &i; { ", "return 0, *__gka9\n", "; }; return 0, i }(i)",
		"i := __gkp10; _ = i; {  i := i; println(i) ; }}(i)")
}

// errors.As into a type of the cells, or an interface the cells write, is
// the kernel's walk of the chain (yaegi's panicked), which calls the As
// methods of the cells' errors; into a compiled type it is left as it is.
// panic(nil) panics with a *runtime.PanicNilError, as in Go 1.21.
func TestErrorsAsAndPanicNil(t *testing.T) {
	c := NewChecker()
	if c == nil {
		t.Skip("no Go sources installed")
	}
	for src, want := range map[string]string{
		"import \"errors\"\ntype E struct{}\nfunc (*E) Error() string { return \"\" }\nvar err error\nvar e *E\nerrors.As(err, &e)":                                          "",
		"import \"errors\"\ntype E struct{}\nfunc (*E) Error() string { return \"\" }\nfunc (*E) As(any) bool { return false }\nvar err error\nvar e *E\nerrors.As(err, &e)": "",
		"import \"errors\"\nvar err error\nvar re interface{ RuntimeError() }\nerrors.As(err, &re)":                                                                          "",
		"import (\"errors\"; \"fmt\"; \"strconv\")\nvar err error\nvar ne *strconv.NumError\nvar target error\nfmt.Println(errors.As(err, &ne), errors.As(err, &target))":    "",
		"func f() { panic(nil) }": "",
	} {
		res, err := c.Check(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		plan, err := compiler.CompileChecked(src, 1, 1, fakeEnv{}, res)
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", src, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: got %v, want %q", src, err, want)
		case want == "" && strings.Contains(src, "errors.As(err, &") && !strings.Contains(src, "strconv") && !strings.Contains(plan.Steps[len(plan.Steps)-1].Src, "__gkrt.ErrorsAs("):
			t.Errorf("%q: errors.As not lowered: %s", src, plan.Steps[len(plan.Steps)-1].Src)
		case want == "" && strings.Contains(src, "panic(nil)") && !strings.Contains(plan.Steps[0].Src, "panic(__gkrt.PanicNil()"):
			t.Errorf("%q: panic(nil) not lowered: %s", src, plan.Steps[0].Src)
		}
	}
}

// The unexported fields of the cells' struct types are hidden from
// encoding/json and encoding/xml; encoding/json of a value that embeds a
// struct in a struct of the cells is refused (yaegi does not embed it).
func TestJSONFieldsAndEmbedded(t *testing.T) {
	got := lowered(t, "type level int\ntype P struct {\n\tX int `json:\"x\"`\n\tn, m int\n\ttag string `json:\"tag\"`\n\tlevel\n}")
	wantLowered(t, got, "n, m int `json:\"-\" xml:\"-\"`", "tag string \"json:\\\"-\\\" xml:\\\"-\\\" json:\\\"tag\\\"\"", "level `json:\"-\"`", "X int \"json:\\\"x\\\" gokernel:\\\"P\\\"\"\n")
	c := NewChecker()
	if c == nil {
		t.Skip("no Go sources installed")
	}
	for src, want := range map[string]string{
		"import \"encoding/json\"\ntype In struct{ A int }\ntype D struct{ In; B int }\njson.Marshal([]*D{})":                     "",
		"import \"encoding/json\"\ntype In struct{ A int `json:\",string\"` }\ntype D struct{ *In; B int }\njson.Marshal([]*D{})": "encoding/json does not see the embedded field In of main.D in the interpreter",
		"import \"encoding/json\"\ntype In struct{ A int }\ntype D struct{ In `json:\"in\"`; B int }\njson.Marshal([]*D{})":       "",
	} {
		res, err := c.Check(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		_, err = compiler.CompileChecked(src, 1, 1, fakeEnv{}, res)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

// Several values assigned to existing fields, elements or variables go
// through temporaries.
func TestLowerMultiAssign(t *testing.T) {
	got := lowered(t, "type R struct{ W, H int }\nfunc dims() (int, int) { return 4, 5 }\nvar r R\nm := map[string]int{}\nvar v int\nvar ok bool",
		"r.W, r.H = dims()\nv, ok = m[\"z\"]\n_, r.W = dims()\nv, ok = m[\"a\"], true")
	wantLowered(t, got, "__gkm1, __gkm2 := dims(); r.W, r.H = __gkm1, __gkm2", `__gkm3, __gkm4 := m["z"]; v, ok = __gkm3, __gkm4`, "__gkm5, __gkm6 := dims(); _, r.W = __gkm5, __gkm6")
}

// A switch whose cases call functions, or that falls through with its
// default in the middle, picks its clause first, then runs the clauses in
// order.
func TestLowerSwitch(t *testing.T) {
	got := lowered(t, "func v(n int) int { return n }",
		"func g(n int) (s string) {\n\tswitch {\n\tcase n >= 90:\n\t\ts += \"A\"\n\t\tfallthrough\n\tdefault:\n\t\ts += \"+\"\n\tcase n >= 50:\n\t\ts += \"pass\"\n\t}\n\tswitch v(2) {\n\tcase v(1), 2:\n\t\ts += \"m\"\n\t}\n\tswitch n {\n\tcase 1:\n\t\ts += \"1\"\n\t}\n\treturn\n}")
	wantLowered(t, got, `{ __gkf2 := 0; if (n >= 90) { __gkf2 = 1 } else if (n >= 50) { __gkf2 = 3 } else { __gkf2 = 2 }; if __gkf2 == 1 { s += "A"
		__gkf2 = 2; }; if __gkf2 == 2 { s += "+"; }; if __gkf2 == 3 { s += "pass"; }; }`,
		`{ __gks3 := v(2); _ = __gks3; __gkf4 := 0; if __gks3 == v(1) || __gks3 == 2 { __gkf4 = 1 }; if __gkf4 == 1 { s += "m"; }; }`,
		"switch n {")
}

// Constants keep their kind (min(1, 2.5) is an untyped float), and a var
// given a rune, float or imaginary literal gets its default type written.
func TestLowerConstKinds(t *testing.T) {
	got := lowered(t, "const c = min(1, 2.5)\nconst k = 'a'\nvar r = 'a'\nvar f = 2.5\nvar n = 3")
	wantLowered(t, got, "c = 1.0", "var r rune = 'a'", "var f float64 = 2.5", "var n = 3")
}

// yaegi ranges over []rune(s) and gives string(runes[:n]) the length as
// the index: wrong after an invalid byte (U+FFFD counts 3 bytes). A range
// over a string with an index decodes the string itself, evaluated once,
// the label kept on the loop; closures get the iteration's variables.
func TestLowerRangeString(t *testing.T) {
	got := lowered(t, "type N string", "import \"fmt\"\nvar n N = \"é\"\nL: for i, r := range n { if r == 0 { continue L }; fmt.Println(i, r) }\nfor _, r := range \"x\" { _ = r }\nvar k int\nfor k = range \"ab\" {}\nfor i, r := range n { go func() { fmt.Println(i, r) }() }")
	wantLowered(t, got,
		"L: for __gks1, __gki2, __gkw3 := string(n), 0, 0; __gki2 < len(__gks1); __gki2 += __gkw3 { var __gkr4 rune; __gkr4, __gkw3 = __gkrt.DecodeRune(__gks1[__gki2:]); i, r := __gki2, __gkr4; {  if r == 0 { continue L }; fmt.Println(i, r) ; }}",
		"for _, r := range \"x\" { _ = r }",
		"__gkw7 := string(\"ab\"), 0, 0;", "k = __gki6; { ; }}",
		"i, r := __gki10, __gkr12; {  if __gkc17 := func(__gkp13 int, __gkp14 rune) int {", "}(i, r); __gkc17 == 1 { break }; ; }}")
}

// Constant expressions yaegi folds wrongly are written with the value and
// the type the checker found: complex constants and the builtins complex,
// real and imag of constants, constant shifts; the untyped constant of a
// non-constant shift gets the type of its context (p&(1<<i) with p a
// uint8 flag type, b>>(1<<i) a shift count: an int).
func TestLowerConstantExpressions(t *testing.T) {
	got := lowered(t, "type Perm uint8\nconst c = 3 + 4i\nconst third = 1.0 / 3 * 1i",
		"func f(p Perm, b uint64, i int, z complex128) {\n\t_ = p&(1<<i) != 0\n\t_ = b >> (1 << i)\n\t_ = Perm(1) << i\n\t_ = z / complex(0, 1)\n\tvar g float64 = 1 << 3 >> 1\n\tvar h float32 = (1 << 2) + 3*4\n\t_ = h\n\tvar z64 complex64 = c * c\n\t_, _, _ = g, z64, real(c)\n\t_ = z + third - 2\n}")
	wantLowered(t, got, "p&(Perm(1)<<i) != 0", "b >> (int(1) << i)", "_ = Perm(1) << i", "z / complex128((0 + 1i))",
		"var g float64 = float64(4.0)", "var h float32 = float32(16.0)", "var z64 complex64 = complex64((-7 + 24i))", "var __gkp3 float64; __gkp3 = float64(3.0); _ = __gkp1; _ = __gkp2; _ = __gkp3",
		"z + complex128((0 + (6004799503160661.0/18014398509481984)*1i)) - 2")
	got = lowered(t, "const c = 3 + 4i\nconst third = 1.0 / 3 * 1i\nconst r = real(c)\nconst k = 'a'")
	wantLowered(t, got, "c = (3 + 4i)", "third = (0 + (1.0/3)*1i)", "r = 3.0", "k = 'a'")
}

// The standard library's generic functions and types that the prelude
// writes as source (sync.OnceValue(s), atomic.Pointer[T], iter.Pull(2))
// are named there, with the type arguments the checker inferred (yaegi
// does not infer them from a compiled function), also in the types the
// compiler writes; an iter.Seq conversion keeps its type parenthesized.
func TestLowerStdSource(t *testing.T) {
	got := lowered(t, "import (\"iter\"; \"slices\"; \"sync\"; sa \"sync/atomic\")\ntype Config struct{ V int }\nvar _ sync.Mutex\nvar _ sa.Int32\nvar _ = slices.Max[[]int]\nvar _ iter.Seq[int]",
		"pp := new(sa.Pointer[Config])\nx := sync.OnceValue(func() Config { return Config{} })\nvar y = sync.OnceValues[int, error](nil)\n"+
			"next, stop := iter.Pull(slices.Values([]string{\"a\"}))\nn2, _ := iter.Pull2(slices.All([]float64{}))\nf := iter.Seq[int](func(func(int) bool) {})")
	wantLowered(t, got, "var pp *__gkPointer[Config]", "pp = new(__gkPointer[Config])", "x = __gkOnceValue[Config](func() Config",
		"__gkOnceValues[int, error](nil)", "__gkPull[string](__gkgen.", "__gkPull2[int, float64](", "var f func(func(int) bool)", "f = (func(func(int) bool))(func")
}

// The returns and defers of the body of a range over a function (which runs as the
// yield function) keep their results and a flag, end the iteration, and
// the function returns after the loop; inside another range over a
// function, the outermost lowers them and the inner one ends its
// iteration on the flag.
func TestLowerRangeOverFuncReturns(t *testing.T) {
	got := lowered(t, "import \"iter\"\nfunc find(seq iter.Seq[int], w int) (int, error) {\n\tfor v := range seq {\n\t\tif v == w {\n\t\t\treturn v, nil\n\t\t}\n\t}\n\treturn 0, nil\n}\n"+
		"func named(seq iter.Seq2[int, string]) (s string) {\n\tfor _, v := range seq {\n\t\ts = v\n\t\treturn\n\t}\n\treturn\n}\n"+
		"func both(a, b iter.Seq[int]) int {\n\tfor x := range a {\n\t\tfor y := range b {\n\t\t\treturn x + y\n\t\t}\n\t}\n\treturn 0\n}")
	wantLowered(t, got, "{ var __gkret", " int; var __gkr", " int; var __gkr", " error; seq(func(v int) bool {",
		" = v; __gkr", " = nil; __gkret", " = 1; return false }",
		" = 2; return false }", " == 2 { return }; }",
		"b(func(y int) bool {", " != 0 { return false }")
	if strings.Contains(got, "range") {
		t.Errorf("a range over a function is left:\n%s", got)
	}
	// A defer in the body registers its call on the function's list.
	got = lowered(t, "import (\"fmt\"; \"slices\")\nfunc run() {\n\tfor v := range slices.Values([]int{1}) {\n\t\tdefer fmt.Println(v)\n\t}\n}")
	wantLowered(t, got, "defer func() { for __gki", "(func(v int) bool {", " = append(__gkdl")
	if strings.Contains(got, "range") {
		t.Errorf("a range over a function is left:\n%s", got)
	}
}

// Several values assigned at once, when one is not a name or a literal, are
// evaluated into temporaries of the targets' types first (yaegi dropped the
// others: n, s = 5, append(s, 2) left n at 0); a top-level define that
// assigns a name the cell declared before declares only the new names
// (q := 3; q, r := q*2, q gave 0 0).
func TestLowerParallelAssign(t *testing.T) {
	got := lowered(t, "", "s := []int{1}\nvar n int\nn, s = 5, append(s, 2)\nq := 3\nq, r := q*2, q\nfunc f() { a, b := []int{1}, 0; a, b = append(a, b), len(a); _ = a }\nx, y := 1, 2\nx, y = y, x\n_, _, _, _ = q, r, x, y")
	wantLowered(t, got, "stmts: var __gkp1 int; __gkp1 = 5; var __gkp2 []int; __gkp2 = append(s, 2); n = __gkp1; s = __gkp2",
		"decls: var r int\nstmts: var __gkp3 int; __gkp3 = q*2; var __gkp4 int; __gkp4 = q; q = __gkp3; r = __gkp4",
		"var __gkp5 []int; __gkp5 = []int{1}; var __gkp6 int; __gkp6 = 0; a, b := __gkp5, __gkp6; var __gkp7 []int; __gkp7 = append(a, b); var __gkp8 int; __gkp8 = len(a); a = __gkp7; b = __gkp8",
		"x, y = y, x")
	// A target indexed by a name assigned before it keeps the tuple.
	got = lowered(t, "", "i, a := 0, []int{0}\ni, a[i] = 1, len(a)")
	wantLowered(t, got, "i, a[i] = __gkp3, __gkp4")
}

// yaegi panics ranging over a pointer to an array ("call of
// reflect.Value.Elem on array Value"): with a value variable the range is
// over p[:], with an index only over as many empty structs as the array
// has elements, p evaluated only when it calls or receives, as in Go.
func TestLowerRangeArrayPointer(t *testing.T) {
	got := lowered(t, "func f() *[3]int { return nil }",
		"func g(v *[3]float64, ch chan *[2]int) {\n\tfor i := range v { v[i] *= 2 }\n\tfor i, x := range v { _, _ = i, x }\n\tfor range v {}\n\tfor i, _ := range f() { _ = i }\n\tfor i := range <-ch { _ = i }\n}")
	wantLowered(t, got, "for i := range make([]struct{}, 3) { v[i] *= 2 }", "for i, x := range (v)[:] {", "for range make([]struct{}, 3) {}",
		"for i, _ := range make([]struct{}, func() int { _ = f(); return 3 }()) {", "for i := range make([]struct{}, func() int { _ = <-ch; return 2 }()) {")
}

// yaegi does not declare type aliases in functions ("undefined: A"; type
// int = string in a block makes int a string nowhere): a local alias is
// removed and its uses written as its type; package-level ones stay.
func TestLowerLocalTypeAlias(t *testing.T) {
	got := lowered(t, "type Top = int",
		"func g() {\n\t{\n\t\ttype int = string\n\t\tvar i int = \"s\"\n\t\t_ = i\n\t}\n\ttype L struct{ V int }\n\ttype (\n\t\tA = L\n\t\tP = *A\n\t\tB struct{}\n\t)\n\tvar p P = P(&A{1})\n\tvar t Top = 2\n\t_, _, _ = p, B{}, t\n}")
	wantLowered(t, got, "var i string = \"s\"", "type (\n\t\t\n\t\t\n\t\tB struct{}\n\t)", "var p *L = (*L)(&L{1})", "var t Top = 2")
	if strings.Contains(got, "type int") {
		t.Errorf("the local alias stays:\n%s", got)
	}
}

// A value of a named type of the cells in an interface matches, in yaegi,
// an assertion to its underlying type: where the interpreter knows the
// dynamic type, such an assertion fails (or panics) as in Go. An operand
// of fmt of an interface type of the cells with a String method is printed
// by calling it (fmt sees the underlying value). The prelude's generic
// helpers name their type parameter __gkT: yaegi takes a type parameter T
// for a type T of the cells.
func TestLowerAssertToUnderlyingAndInterfaceStringer(t *testing.T) {
	got := lowered(t, "type T int\ntype S interface{ String() string }\nfunc (t T) String() string { return \"t\" }",
		"import \"fmt\"\nvar x any = T(5)\nn, ok := x.(int)\nm := x.(int)\n_, _ = x.(string)\nvar s S = T(1)\nfmt.Println(s, n, ok, m)")
	wantLowered(t, got, "__gkn1 := x; if __gkn2 := __gkrt.DynType(&__gkn1); __gkn2 != \"\" { return __gkn3, false }; if __gkn3, ok := __gkn1.(int); ok { return __gkn3, true }",
		"panic(__gkrt.AssertFail(\"interface {}\", __gkn5, \"int\")) }; return __gkn4.(int) }()",
		":= x.(string);",
		"fmt.Println(func(v S) (s any) { if v == nil { return nil };")
	if strings.Contains(compiler.Prelude, "[T any]") {
		t.Error("the prelude names a type parameter T")
	}
}

// yaegi panics calling a method promoted from an embedded interface
// ("invalid interface value"): the selector goes through the embedded
// fields.
func TestLowerEmbeddedInterfaceMethod(t *testing.T) {
	got := lowered(t, "type Namer interface{ Name() string }\ntype In struct{ Namer }\ntype W struct{ *In; p string }",
		"func f(w W, i In) string { return w.Name() + i.Name() + (&w).Name() }")
	wantLowered(t, got, "return w.In.Namer.Name() + i.Namer.Name() + (&w).In.Namer.Name()")
}

// The receives among the arguments of defer and go statements are
// evaluated when the statement runs, one define at a time (yaegi mixes up
// f, v := g, <-c and a receive among a call's arguments).
func TestLowerReceiveInDeferGoArgs(t *testing.T) {
	got := lowered(t, "func show(s string, v int) {}",
		"func run(c chan int) {\n\tdefer show(\"d\", <-c)\n\tgo func(v int) {}(<-c)\n}")
	wantLowered(t, got, "{ __gkt3 := <-c; __gkdl2 = append(", "}(__gkt3)) }", "; __gkg1_0 := <-c; __gkg1_f := ")
}

// yaegi compares values of an interface type of the cells by its wrappers
// (two equal Key in a Named differ): == and != compare dynamic types and
// values; a map keyed by such an interface is refused. An assertion to a
// struct type with the fields of another type of the cells is decided by
// the dynamic type, or refused when the interpreter does not keep it.
func TestLowerInterfaceEqualityAndSameShape(t *testing.T) {
	got := lowered(t, "type Named interface{ Name() string }\ntype Key struct{ NS string }\nfunc (k Key) Name() string { return k.NS }\ntype Cat struct{}\ntype Dog struct{}",
		"var a, b Named = Key{\"x\"}, Key{\"x\"}\nvar x any = Cat{}\n_ = a == b\n_ = a != Key{\"y\"}\n_ = a == nil\n_, _ = x.(Cat)\n_, _ = x.(Key)")
	wantLowered(t, got, "_ = func(x, y Named) bool { return __gkrt.IfaceEqualNamed(&x, &y, ", "}(y)) }(a, b)",
		"_ = !func(x, y Named) bool { return __gkrt.IfaceEqualNamed(&x, &y, ", "}(y)) }(a, Key{\"y\"})", "_ = a == nil",
		"!= \"main.Cat\" { return __gkn3, false } } else if _, ok := __gkn1.(Cat); ok { panic(\"the interpreter cannot tell a main.Cat from the cells' other types with the same fields in this type assertion: give the types different fields\") }; if __gkn2, ok := __gkn1.(Cat)")
	if strings.Contains(got, "cannot tell a main.Key") {
		t.Errorf("a struct type of a shape of its own is refused:\n%s", got)
	}
	c := NewChecker()
	if c == nil {
		t.Skip("no Go sources installed")
	}
	src := "type Named interface{ Name() string }\nvar m map[Named]int"
	res, err := c.Check(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compiler.CompileChecked(src, 1, 1, fakeEnv{}, res); err == nil || !strings.Contains(err.Error(), "maps keyed by an interface type of the cells (map[Named]int) are not supported") {
		t.Errorf("map[Named]int: got %v", err)
	}
}

// A struct type of the cells gets the methods it promotes from an embedded
// type of a compiled package as its own (yaegi leaves them out of its
// method set); an assertion between interfaces of compiled packages goes
// through the cells' types that implement the target.
func TestLowerPromotedCompiledMethods(t *testing.T) {
	got := lowered(t, "import (\"io\"; \"strings\"; \"sync\")\ntype rw struct{ strings.Builder }\ntype C struct {\n\tsync.Mutex\n\tn int\n}\nfunc (c *C) Lock() {}",
		"var w io.Writer = &rw{}\n_, ok := w.(io.StringWriter)")
	wantLowered(t, got, "func() (io.StringWriter, bool) { __gkn1 := w;", "if __gkn5 == \"*main.rw\" { if __gkn2, ok := any(__gkn1).(*rw); ok { return __gkn2, true }; };")
	got = lowered(t, "import (\"strings\"; \"sync\")\ntype rw struct{ strings.Builder }\ntype C struct {\n\tsync.Mutex\n\tn int\n}\nfunc (c *C) Lock() {}")
	wantLowered(t, got, "type rw struct{ strings.Builder `gokernel:\"rw\"` }\nfunc (__gkr *rw) Cap() (int) { return __gkr.Builder.Cap() }",
		"func (__gkr *rw) Grow(p0 int) { __gkr.Builder.Grow(p0) }", "func (__gkr *C) Unlock() { __gkr.Mutex.Unlock() }")
	if strings.Contains(got, "__gkr.Mutex.Lock()") {
		t.Errorf("a method of the cell type is forwarded:\n%s", got)
	}
}

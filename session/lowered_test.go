package session

// Each class of yaegi defect the cell compiler lowers, run: the cells
// print what go run prints.
func init() {
	sequences = append(sequences, loweredSequences...)
}

var loweredSequences = []sequence{
	{"var initialized from a global of an earlier evaluation", []cell{
		{code: "import \"fmt\"\nvar s uint = 3\nc := make(chan float64, 1)\nc <- 2.5"},
		{code: "x := 1 << s\nvar y int64 = 1 << s\nvar z = x + int(y)\nvar w, v = z * 2, <-c\nfmt.Println(x, y, z, w, v)\nfmt.Printf(\"%T %T\\n\", y, v)", stdout: "8 8 16 32 2.5\nint64 float64\n"},
		{code: "var a = b + w\nvar b = 1\na", out: "33"},
		// yaegi looks dependencies up by name: a field named like a global.
		{code: "var q struct{ v, x int }\nq.v = x\nvar f = func(s int) int { return s * 2 }\nfmt.Println(q, f(2))", stdout: "{8 0} 4\n"},
	}},
	{"define of a generic instantiation", []cell{
		{code: "import \"fmt\"\nfunc Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }\nfunc Pair[K comparable, V any](k K, v V) (K, V) { return k, v }"},
		{code: "strs := Map([]int{1, 2}, func(i int) string { return fmt.Sprint(\"n\", i) })\nk, v := Pair(\"a\", 1.5)\nfmt.Println(strs, k, v)", stdout: "[n1 n2] a 1.5\n"},
		{code: "lens := Map(strs, func(s string) int { return len(s) })\nlens", out: "[2 2]"},
	}},
	{"generic functions: partial type arguments, conversions to type parameters, unions of constraints", []cell{
		{code: "import (\"fmt\"; \"strings\")\ntype Word string\nfunc (w Word) Len() int { return len(w) }\ntype Integer interface{ ~int | ~int8 | ~uint8 }\nfunc SumAs[R, T Integer](xs []T) R { var r R; for _, x := range xs { r += R(x) }; return r }\nfunc Avg[T Integer | ~float64](xs []T) float64 { s := 0.0; for _, x := range xs { s += float64(x) }; return s / float64(len(xs)) }\nfunc Upper[S ~string](s S) S { return S(strings.ToUpper(string(s))) }\ntype Setter[T any] interface{ *T; Set(string) }\ntype Cfg struct{ v string }\nfunc (c *Cfg) Set(s string) { c.v = s + \"!\" }\nfunc Make[T any, PT Setter[T]](s string) T { var t T; PT(&t).Set(s); return t }"},
		{code: "u := Upper(Word(\"go\"))\nfmt.Println(SumAs[int8]([]uint8{200, 100}), SumAs[int]([]int8{-3, 5}), Avg([]float64{0.5, 1}), u, u.Len(), Make[Cfg](\"c\"))\nfmt.Printf(\"%T\\n\", u)", stdout: "44 2 0.75 GO 2 {c!}\nmain.Word\n"},
	}},
	{"== of interface values holding values of cell types", []cell{
		{code: "import \"fmt\"\ntype Shape interface{ Area() int }\ntype Sq int\nfunc (s Sq) Area() int { return int(s * s) }\ntype Tri int\nfunc (t Tri) Area() int { return 0 }\ntype P struct{ x, y int }\nfunc (p P) Area() int { return p.x }\nfunc CountEq[T comparable](xs []T, v T) int { n := 0; for _, x := range xs { if x == v { n++ } }; return n }"},
		{code: "var a, b Shape = Sq(1), Sq(1)\nvar t Shape = Tri(1)\nvar p, q any = P{1, 2}, P{1, 2}\nvar n Shape\nfmt.Println(a == b, a != b, a == Sq(1), a == t, p == q, p == P{2, 2}, n == nil, a == nil)\nfmt.Println(CountEq([]Shape{Sq(1), Sq(2), Sq(1)}, Shape(Sq(1))), CountEq([]any{1, \"a\", 1}, any(1)), CountEq([]error{nil}, nil))\nvar s1, s2 any = []int{1}, []int{1}\nfunc() { defer func() { fmt.Println(recover()) }(); _ = s1 == s2 }()",
			stdout: "true false true false true false true false\n2 2 1\nruntime error: comparing uncomparable type []int\n"},
	}},
	{"errors of struct types with several fields, their Error method in a later cell", []cell{
		{code: "import (\"errors\"; \"fmt\")\ntype Base struct{ Op string; Code int }\ntype Wrapped struct{ Base; Path string }\ntype Own struct{ Base; N int }\nfunc (o Own) Error() string { return fmt.Sprint(\"own \", o.N) }"},
		{code: "func (b Base) Error() string { return fmt.Sprintf(\"%s: %d\", b.Op, b.Code) }\nfunc get(i int) error { return []error{Base{\"read\", 5}, Wrapped{Base{\"open\", 2}, \"/x\"}, Own{Base{\"o\", 1}, 9}}[i] }"},
		{code: "for i := range 3 {\n\terr := get(i)\n\tb, isBase := err.(Base)\n\tw, isW := err.(Wrapped)\n\tvar o Own\n\tfmt.Printf(\"%v %T %v %v %v %v %v %v\\n\", err, err, isBase, b.Code, isW, w.Path, errors.As(err, &o), o.N)\n}\nfmt.Println(errors.Is(fmt.Errorf(\"w: %w\", get(0)), Base{\"read\", 5}), get(0) == Base{\"read\", 5}, get(0) == get(1))",
			stdout: "read: 5 main.Base true 5 false  false 0\nopen: 2 main.Wrapped false 0 true /x false 0\nown 9 main.Own false 0 false  true 9\ntrue true false\n"},
	}},
	{"local and generic type aliases", []cell{
		{code: "import \"fmt\"\ntype Pair[A, B any] struct{ First A; Second B }\ntype Keyed[V any] = Pair[string, V]\ntype Set[T comparable] = map[T]struct{}\nfunc local() { type L struct{ V int }; type LA = L; fmt.Printf(\"%T %v\\n\", LA{3}, L{3} == LA{3}) }"},
		{code: "s := Set[string]{\"a\": {}}\nk := Keyed[bool]{\"on\", true}\nlocal()\nfmt.Printf(\"%T %d %T %+v\\n\", s, len(s), k, k)", stdout: "main.L true\nmap[string]struct {} 1 main.Pair[string,bool] {First:on Second:true}\n"},
	}},
	{"comma-ok define with a blank at the top level", []cell{
		{code: "c := make(chan int, 1)\nc <- 4\nclose(c)\nm := map[string]int{\"a\": 1}\nvar x any = \"s\""},
		{code: "v, _ := <-c\n_, ok := <-c\n_, found := m[\"a\"]\n_, isStr := x.(string)\nfmt.Println(v, ok, found, isStr)", stdout: "4 false true true\n"},
	}},
	{"recovered panics: values of cell types and Go's runtime messages", []cell{
		{code: "import (\"errors\"; \"fmt\")\ntype MyErr struct{ Code int }\nfunc (e MyErr) Error() string { return fmt.Sprint(\"code \", e.Code) }\nvar ErrBoom = errors.New(\"boom\")\nfunc catch(f func()) { defer func() { r := recover(); if m, ok := r.(MyErr); ok { fmt.Println(\"MyErr\", m.Code); return }; if e, ok := r.(error); ok { fmt.Println(\"error:\", e, errors.Is(e, ErrBoom)); return }; fmt.Println(\"value:\", r) }(); f() }"},
		{code: "s := []int{1, 2, 3}\ni, j := 5, 1\ncatch(func() { panic(MyErr{42}) })\ncatch(func() { panic(ErrBoom) })\ncatch(func() { panic(\"text\") })\ncatch(func() { _ = s[i] })\ncatch(func() { _ = s[:i] })\ncatch(func() { _ = s[2:j] })\ncatch(func() { var p *struct{ x int }; _ = p.x })\ncatch(func() { var x any = \"s\"; _ = x.(int) })\ncatch(func() { n := -1; _ = make([]int, n) })",
			stdout: "MyErr 42\nerror: boom true\nvalue: text\nerror: runtime error: index out of range [5] with length 3 false\nerror: runtime error: slice bounds out of range [:5] with capacity 3 false\nerror: runtime error: slice bounds out of range [2:1] false\nerror: runtime error: invalid memory address or nil pointer dereference false\nerror: interface conversion: interface {} is string, not int false\nerror: runtime error: makeslice: len out of range false\n"},
	}},
	{"%T and %#v of cell types", []cell{
		{code: "import \"fmt\"\ntype C float64\ntype P struct{ X int; In Q }\ntype Q struct{ N string }\ntype Pair[K comparable, V any] struct{ K K; V V }\ntype Alias = C"},
		{code: "var a Alias = 2\nfmt.Printf(\"%T %T %T|%#v|%+v\\n\", a, []*C{}, Pair[string, byte]{}, []P{{1, Q{\"n\"}}}, &P{X: 3})", stdout: "main.C []*main.C main.Pair[string,uint8]|[]main.P{main.P{X:1, In:main.Q{N:\"n\"}}}|&{X:3 In:{N:}}\n"},
	}},
	{"method values and method expressions", []cell{
		{code: "import \"fmt\"\ntype C struct{ n int }\nfunc (c *C) Inc() int { c.n++; return c.n }\nfunc (c C) Get() int { return c.n }\ntype G interface{ Get() int }"},
		{code: "c := C{}\ninc, get := c.Inc, c.Get\ninc()\npc := &c\npget := pc.Get\ninc()\nvar g G = c\ngg := g.Get\nfmt.Println(c.n)\nfmt.Println(get(), pget(), gg(), C.Get(c), G.Get(c), (*C).Inc(pc))", stdout: "2\n0 1 2 2 2 3\n"},
	}},
	{"deferred calls evaluate their receiver and arguments at the defer", []cell{
		{code: "import \"fmt\"\ntype T struct{ name string }\nfunc (t T) Show() { fmt.Println(\"value:\", t.name) }\nfunc (t *T) PShow() { fmt.Println(\"pointer:\", t.name) }\nfunc f() {\n\tt := T{\"before\"}\n\ts := []int{1}\n\tdefer t.Show()\n\tdefer t.PShow()\n\tdefer fmt.Println(s, len(s))\n\tdefer func() { recover() }()\n\ts = append(s, 2)\n\tt.name = \"after\"\n}\nfunc g() {\n\tt := T{\"before\"}\n\tdefer t.Show()\n\tt.name = \"after\"\n}"},
		{code: "f()\ng()", stdout: "[1] 1\npointer: after\nvalue: before\nvalue: before\n"},
	}},
	{"String and Error methods of cell types in fmt", []cell{
		{code: "import \"fmt\"\ntype W int\nfunc (w W) String() string { return [...]string{\"Sun\", \"Mon\"}[w] }\ntype Q struct{ t string }\nfunc (q *Q) String() string { return \"Q(\" + q.t + \")\" }\ntype B struct{}\nfunc (B) Error() string { return \"as error\" }\nfunc (B) String() string { return \"as stringer\" }"},
		{code: "var nq *Q\nfmt.Println(W(1), &Q{\"x\"}, B{}, nq)\nfmt.Printf(\"%v|%d|%q|%s\\n\", W(0), W(1), W(1), B{})\ns := fmt.Sprint(&Q{\"y\"})\ns", out: `"Q(y)"`, stdout: "Mon Q(x) as error <nil>\nSun|1|\"Mon\"|as error\n"},
	}},
	{"String and Error methods of values of cell types inside fmt's operands", []cell{
		{code: "import \"fmt\"\ntype Cel float64\nfunc (t Cel) String() string { return fmt.Sprint(float64(t), \"C\") }\ntype E struct{ n int }\nfunc (E) Error() string { return \"E\" }\ntype Pair struct{ A, B Cel; c Cel; Es []E }"},
		{code: "p := Pair{1, 2, 3, []E{{1}}}\nfmt.Println(p, []Cel{4}, map[string]Cel{\"k\": 5}, &p)\nfmt.Printf(\"%+v|%s\\n\", p, [1]Cel{6})", stdout: "{1C 2C 3 [E]} [4C] map[k:5C] &{1C 2C 3 [E]}\n{A:1C B:2C c:3 Es:[E]}|[6C]\n"},
	}},
	{"compiled values asserted to interfaces of the cells; Go's messages of failed assertions", []cell{
		{code: "import (\"errors\"; \"fmt\"; \"time\")\ntype I interface{ M() }\ntype Str interface{ String() string }\nfunc catch(f func()) { defer func() { fmt.Println(recover()) }(); f() }"},
		{code: "var x any = time.Second\ns, ok := x.(Str)\nj := errors.Join(errors.New(\"a\"), errors.New(\"b\"))\nm, ok2 := j.(interface{ Unwrap() []error })\nfmt.Println(s, ok, len(m.Unwrap()), ok2)\ncatch(func() { _ = x.(I) })\ncatch(func() { _ = j.(I) })\ncatch(func() { var n any; _ = n.(I) })",
			stdout: "1s true 2 true\ninterface conversion: time.Duration is not main.I: missing method M\ninterface conversion: *errors.joinError is not main.I: missing method M\ninterface conversion: interface is nil, not main.I\n"},
	}},
	{"context keys of cell types", []cell{
		{code: "import (\"context\"; \"fmt\")\ntype key string\ntype a struct{}\ntype b struct{}"},
		{code: "ctx := context.WithValue(context.Background(), key(\"u\"), 1)\nctx = context.WithValue(ctx, a{}, 2)\nfmt.Println(ctx.Value(key(\"u\")), ctx.Value(\"u\"), ctx.Value(a{}), ctx.Value(b{}))", stdout: "1 <nil> 2 <nil>\n"},
	}},
	{"fmt's operands of interfaces of the cells holding values with String or Error methods", []cell{
		{code: "import \"fmt\"\ntype Str interface{ String() string }\ntype Shape interface{ Area() float64 }\ntype Nm struct{ n string }\nfunc (n Nm) String() string { return \"N:\" + n.n }\nfunc (n Nm) Area() float64 { return 1 }"},
		{code: "var s Str = Nm{\"a\"}\nvar sh Shape = Nm{\"b\"}\nvar none Shape\nfmt.Println(s, sh, []Shape{Nm{\"c\"}}, none)\nfmt.Printf(\"%v|%q\\n\", s, sh)", stdout: "N:a N:b [N:c] <nil>\nN:a|\"N:b\"\n"},
	}},
	{"unexported fields in %+v and %#v", []cell{
		{code: "import \"fmt\"\ntype pair struct{ k string; v any }\ntype box struct{ name string; P pair }"},
		{code: "fmt.Printf(\"%+v|%+v|%#v\\n\", []pair{{\"x\", nil}}, &box{\"b\", pair{\"y\", 1}}, pair{\"z\", 2})", stdout: "[{k:x v:<nil>}]|&{name:b P:{k:y v:1}}|main.pair{k:\"z\", v:2}\n"},
	}},
	{"loop variables per iteration: taken by address, assigned in the body, captured by deferred closures", []cell{
		{code: "import \"fmt\"\nfunc run() (s []string) {\n\tfor i := 0; i < 3; i++ {\n\t\tdefer func() { s = append(s, fmt.Sprint(\"d\", i)) }()\n\t}\n\tfor _, w := range []string{\"x\", \"y\"} {\n\t\tdefer func(n int) { s = append(s, fmt.Sprint(w, n)) }(1)\n\t}\n\treturn nil\n}"},
		{code: "var ps []*int\nfor i := 0; i < 3; i++ {\n\tps = append(ps, &i)\n}\nvar fs []func() int\nfor i := 0; i < 6; i++ {\n\tfs = append(fs, func() int { return i })\n\ti++\n\tif i > 3 {\n\t\tcontinue\n\t}\n}\nvar vs []*string\nfor _, v := range []string{\"a\", \"b\"} {\n\tvs = append(vs, &v)\n}\nfmt.Println(*ps[0], *ps[1], *ps[2], fs[0](), fs[1](), fs[2](), *vs[0], *vs[1], run())",
			stdout: "0 1 2 1 3 5 a b [y1 x1 d2 d1 d0]\n"},
	}},
	{"%T of interface values and type switches on values of cell types", []cell{
		{code: "import \"fmt\"\ntype Shape interface{ Area() float64 }\ntype Sq struct{ S float64 }\nfunc (s Sq) Area() float64 { return s.S * s.S }\ntype Age int\nfunc (a Age) Area() float64 { return 0 }\ntype NotFound struct{ Key string }\nfunc (e *NotFound) Error() string { return \"not found: \" + e.Key }\nfunc lookup(k string) error { if k == \"\" { return fmt.Errorf(\"empty\") }; return &NotFound{k} }\nfunc kind(v any) string {\n\tswitch x := v.(type) {\n\tcase nil:\n\t\treturn \"nil\"\n\tcase int, string:\n\t\treturn fmt.Sprint(\"basic \", x)\n\tcase *NotFound:\n\t\treturn \"notfound \" + x.Key\n\tcase error:\n\t\treturn \"error \" + x.Error()\n\tdefault:\n\t\treturn \"other\"\n\t}\n}"},
		{code: "for _, s := range []Shape{Sq{2}, Age(3), &Sq{1}} {\n\tfmt.Printf(\"%T \", s)\n}\nerr := lookup(\"k\")\nfmt.Printf(\"%T %T\\n\", err, lookup(\"\"))\nswitch e := err.(type) {\ncase *NotFound:\n\tfmt.Println(\"key\", e.Key)\n}\nfmt.Println(kind(nil), kind(1), kind(\"s\"), kind(err), kind(lookup(\"\")), kind(2.5))",
			stdout: "main.Sq main.Age *main.Sq *main.NotFound *errors.errorString\nkey k\nnil basic 1 basic s notfound k error empty other\n"},
	}},
	{"a nil pointer of a cell type converted to error is a non-nil error, to another interface refused; panic(nil)", []cell{
		{code: "import (\"errors\"; \"fmt\")\ntype E struct{}\nfunc (*E) Error() string { return \"E\" }\nfunc mayFail(fail bool) error {\n\tvar p *E\n\tif fail {\n\t\tp = &E{}\n\t}\n\treturn p\n}\nfunc pn() (r any) { defer func() { r = recover() }(); panic(nil) }"},
		{code: "err := mayFail(true)\nvar e2 error = &E{}\nfmt.Println(err, err != nil, e2)\nfmt.Printf(\"%T\\n\", pn())", stdout: "E true E\n*runtime.PanicNilError\n"},
		{code: "err = mayFail(false)\nvar target *E\nfmt.Println(err != nil, err, errors.As(err, &target), target == nil)\nfmt.Printf(\"%T %#v\\n\", err, err)", stdout: "true E true true\n*main.E (*main.E)(nil)\n"},
		{code: "type S struct{}\nfunc (*S) String() string { return \"S\" }\nvar ps *S\nvar st fmt.Stringer = ps", err: "a nil *S converted to fmt.Stringer: the interpreter cannot hold a nil value of a type of the cells"},
	}},
	{"range over a pointer to an array", []cell{
		{code: "import \"fmt\"\ntype Vec [3]float64\nfunc (v *Vec) Scale(k float64) { for i := range v { v[i] *= k } }\nfunc nilArr() *[2]int { fmt.Print(\"called \"); return nil }"},
		{code: "v := Vec{1, 2, 3}\nv.Scale(2)\np := &v\nfor i, x := range p { p[2] = 0; fmt.Print(i, x, \" \") }\nfor i := range nilArr() { fmt.Print(i, \" \") }\nfmt.Println(v)", stdout: "0 2 1 4 2 0 called 0 1 [2 4 0]\n"},
	}},
	{"type aliases declared in functions", []cell{
		{code: "import \"fmt\"\nfunc f() string {\n\ttype int = string\n\tvar i int = \"shadowed\"\n\treturn i\n}"},
		{code: "type Local struct{ V int }\ntype LocalAlias = Local\n{\n\ttype Ptr = *LocalAlias\n\tvar p Ptr = &LocalAlias{3}\n\tfmt.Println(f(), *p, Local{3} == LocalAlias{3})\n}", stdout: "shadowed {3} true\n"},
	}},
	{"assertions to the underlying type of a cell type; interface operands of fmt with String; a type named T", []cell{
		{code: "import \"fmt\"\ntype Stringer interface{ String() string }\ntype T int\nfunc (t T) String() string { return fmt.Sprintf(\"T(%d)\", int(t)) }\ntype P struct{ n int }\nfunc (p *P) String() string { if p.n == 0 { panic(\"zero\") }; return \"P\" }"},
		{code: "var x any = T(5)\nn, ok := x.(int)\nfunc() { defer func() { fmt.Println(recover()) }(); _ = x.(int) }()\nvar a, b, c, d Stringer = T(1), &P{1}, &P{0}, (*P)(nil)\nvar e Stringer\nfmt.Println(n, ok, a, b, c, d, e, min(T(3), T(2)))",
			stdout: "interface conversion: interface {} is main.T, not int\n0 false T(1) P %!v(PANIC=String method: zero) <nil> <nil> T(2)\n"},
	}},
	{"methods promoted from an embedded interface", []cell{
		{code: "import \"fmt\"\ntype Namer interface{ Name() string }\ntype fixed string\nfunc (f fixed) Name() string { return string(f) }\ntype W struct {\n\tNamer\n\tp string\n}\ntype Outer struct{ *W }"},
		{code: "w := W{fixed(\"a\"), \"p\"}\nf := w.Name\nw.Namer = fixed(\"b\")\no := Outer{&w}\nfmt.Println(f(), w.Name(), o.Name())", stdout: "a b b\n"},
	}},
	{"receives among the arguments of defer and go statements", []cell{
		{code: "import \"fmt\"\nfunc show(tag string, v int) { fmt.Println(tag, v) }\nfunc withRecover(c chan int) {\n\tdefer func() { recover() }()\n\tdefer show(\"in place\", <-c)\n\tpanic(\"x\")\n}\nfunc list(c chan int) {\n\tdefer show(\"list\", <-c)\n\tshow(\"direct\", <-c)\n}"},
		{code: "c := make(chan int, 10)\nfor i := 1; i <= 5; i++ { c <- i }\nwithRecover(c)\nlist(c)\ndone := make(chan bool)\ngo func(v int) { show(\"goroutine\", v); done <- true }(<-c)\n<-done\ndefer show(\"top\", <-c)\nfmt.Println(\"end\")",
			stdout: "in place 1\ndirect 3\nlist 2\ngoroutine 4\nend\ntop 5\n"},
	}},
	{"equality of values of an interface of the cells; type switches on struct types of the same fields", []cell{
		{code: "import \"fmt\"\ntype Named interface{ Name() string }\ntype Key struct {\n\tNS   string\n\tPath [2]string\n}\nfunc (k Key) Name() string { return k.NS }\ntype I int\nfunc (i I) Name() string { return \"i\" }\ntype Cat struct{}\ntype Dog struct{}\nfunc (Cat) Name() string { return \"meow\" }\nfunc (Dog) Name() string { return \"woof\" }"},
		{code: "var a, b Named = Key{\"x\", [2]string{\"p\", \"q\"}}, Key{\"x\", [2]string{\"p\", \"q\"}}\nvar i, j Named = I(1), I(1)\nvar n Named\nfmt.Println(a == b, a != b, i == j, i == I(2), a == i, n == nil, n == a)\nfor _, x := range []any{Cat{}, Dog{}, 1} {\n\tswitch x.(type) {\n\tcase Cat:\n\t\tfmt.Println(\"cat\")\n\tcase Named:\n\t\tfmt.Println(\"named:\", x.(Named).Name())\n\tdefault:\n\t\tfmt.Println(\"other\")\n\t}\n}",
			stdout: "true false true false false true false\ncat\nnamed: woof\nother\n"},
		{code: "m := map[Named]int{}", err: "maps keyed by an interface type of the cells (map[Named]int) are not supported by the interpreter"},
	}},
	{"methods promoted from embedded compiled types; assertions between compiled interfaces", []cell{
		{code: "import (\"fmt\"; \"io\"; \"strings\"; \"sync\")\ntype rw struct{ strings.Builder }\nfunc (r *rw) Read(p []byte) (int, error) { return 0, io.EOF }\ntype C struct {\n\tsync.Mutex\n\tn int\n}"},
		{code: "var w io.Writer = &rw{}\nfmt.Fprint(w, \"a\")\nr, isReader := w.(io.Reader)\n_, isCloser := w.(io.Closer)\nif sw, ok := w.(io.StringWriter); ok { sw.WriteString(\"b\") }\nvar c C\nvar l sync.Locker = &c\nl.Lock()\nc.n++\nl.Unlock()\nn, err := r.Read(nil)\nfmt.Println(isReader, isCloser, w.(*rw).String(), c.n, n, err)",
			stdout: "true false ab 1 0 EOF\n"},
	}},
	{"generic helpers of the standard library written as source: sync.OnceValue(s), atomic.Pointer[T], iter.Pull(2)", []cell{
		{code: "import (\"fmt\"; \"iter\"; \"sync\"; \"sync/atomic\")\ntype Cfg struct{ V int }\nvar cur atomic.Pointer[Cfg]\nget := sync.OnceValue(func() Cfg { fmt.Println(\"computed\"); return Cfg{3} })\n" +
			"func gen(yield func(Cfg) bool) { for i := 0; i < 3; i++ { if !yield(Cfg{i}) { fmt.Println(\"stopped\", i); return } } }"},
		{code: "fmt.Println(get(), get(), cur.Load() == nil)\ncur.Store(&Cfg{1})\nfmt.Println(cur.Swap(&Cfg{2}).V, cur.CompareAndSwap(nil, nil), cur.Load().V)\n" +
			"next, stop := iter.Pull(iter.Seq[Cfg](gen))\nfmt.Println(next())\nstop()\nfmt.Println(next())\n" +
			"bad := sync.OnceValues(func() (int, error) { panic(\"once\") })\nfor i := 0; i < 2; i++ { func() { defer func() { fmt.Println(recover()) }(); bad() }() }\nfmt.Printf(\"%T\\n\", &cur)",
			stdout: "computed\n{3} {3} true\n1 false 2\n{0} true\nstopped 0\n{0} false\nonce\nonce\n*atomic.Pointer[main.Cfg]\n"},
	}},
	{"values of the cells' types inside []any and map[K]any printed by fmt: their String methods called", []cell{
		{code: "import \"fmt\"\ntype Sq struct{ S int }\nfunc (s Sq) Area() int { return s.S }\ntype T int\nfunc (t T) String() string { return \"T!\" }"},
		{code: "fmt.Println([]any{Sq{2}, 3}, map[string]any{\"a\": Sq{1}})", stdout: "[{2} 3] map[a:{1}]\n"},
		{code: "var x any = T(1)\nfmt.Println([]any{x}, x)\nfmt.Printf(\"%v %d|%5s|\\n\", []any{x}, []any{x}, x)", stdout: "[T!] T!\n[T!] [1]|   T!|\n"},
	}},
	{"returns in the body of a range over a function", []cell{
		{code: "import (\"fmt\"; \"iter\"; \"slices\")\nfunc find(seq iter.Seq[int], w int) (int, bool) {\n\tfor v := range seq {\n\t\tif v == w {\n\t\t\treturn v * 10, true\n\t\t}\n\t}\n\treturn 0, false\n}\n" +
			"func both(a, b iter.Seq[int]) (n int) {\n\tfor x := range a {\n\t\tfor y := range b {\n\t\t\tif x < y {\n\t\t\t\tn = x*10 + y\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}\n\treturn -1\n}"},
		{code: "s := slices.Values([]int{1, 2, 3})\nfmt.Println(find(s, 2))\nfmt.Println(find(s, 5))\nfmt.Println(both(s, slices.Values([]int{2})), both(s, s), both(s, slices.Values([]int{0})))",
			stdout: "20 true\n0 false\n12 12 -1\n"},
	}},
}

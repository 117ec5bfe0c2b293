package session

import (
	"strconv"
	"time"
)

func itoa(i int) string     { return strconv.Itoa(i) }
func quote(s string) string { return strconv.Quote(s) }

const ms = time.Millisecond

var sequences = []sequence{
	// yaegi: "variable definition loop" for the method's implementation
	// variable when its type named the receiver like a global
	{"method receiver named like a variable", []cell{
		{code: "s := 1\nq := 2"},
		{code: "type T struct{ n int }\nfunc (s *T) M() int { return s.n + 1 }\n(&T{2}).M()", out: "3"},
		{code: "func (s T) Div(d int) (q int, err error) { return s.n / d, nil }\nT{9}.Div(3)", out: "3 <nil>"},
	}},
	// The cells' generics are monomorphized (compiler/mono): instances
	// declared in one cell are used by later ones, methods added later
	// reach them, and a generic declared again changes its instances.
	{"generic type across cells", []cell{
		{code: "type Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\nfunc (s *Stack[T]) Len() int { return len(s.items) }"},
		{code: "s := &Stack[string]{}\ns.Push(\"a\")\ns.Len()", out: "1"},
		{code: "func fill(n int) *Stack[int] { s := &Stack[int]{}; for i := range n { s.Push(i * 10) }; return s }"},
		{code: "t := fill(3)\nvar u *Stack[int] = t\nimport \"fmt\"\nfmt.Printf(\"%T %d\\n\", u, u.Len())", stdout: "*main.Stack[int] 3\n"},
		{code: "func (s *Stack[T]) Peek() T { return s.items[len(s.items)-1] }"},
		{code: "t.Peek()", out: "20"},
		{code: "s.Peek() + fmt.Sprint(fill(1).Peek())", out: `"a0"`},
	}},
	// an instance's declaration is written after the cell's code: a panic
	// in it is shown at the generic's own lines
	{"panic in an instance of a generic", []cell{
		{code: "func At[T any](xs []T, i int) T {\n\treturn xs[i]\n}"},
		{code: "x := 1\nAt([]int{x}, 5)", err: "In [1], line 2, column 9, in At[int]"},
	}},
	{"generic function declared again", []cell{
		{code: "func Twice[T any](x T) []T { return []T{x, x} }"},
		{code: "func useIt() []int { return Twice(4) }\nuseIt()", out: "[4 4]"},
		{code: "func Twice[T any](x T) []T { return []T{x, x, x} }"},
		{code: "useIt()", out: "[4 4 4]"},
		{code: "Twice(\"go\")", out: "[go go go]"},
		{code: "type Box[T any] struct{ v T }\nBox[int]{1}", out: "{1}"},
		// refused as the generic, not as its instance Box[int]
		{code: "type Box[T any] struct{ v T; n int }", err: "type Box is already defined with a different definition"},
		{code: "Box[int]{2}", out: "{2}"},
	}},
	// Cells mixing declarations, statements and a trailing expression.
	{"mixed cell", []cell{
		{code: "import \"math\"\nfunc sq(a float64) float64 { return a * a }\ny := sq(3)\nfmt.Println(\"y is\", y)\nimport \"fmt\"\ny + math.Sqrt(16)", out: "13", stdout: "y is 9\n"},
		{code: "y * 2", out: "18"},
	}},
	{"imports rerun and grouped", []cell{
		{code: "import \"fmt\""},
		{code: "import \"fmt\""},
		{code: "import (\n\t\"fmt\"\n\t\"strings\"\n\t\"time\"\n)\nfmt.Println(strings.ToUpper(\"go\"), time.Second)", stdout: "GO 1s\n"},
		{code: "import (\"fmt\"; \"strings\")\nstrings.Repeat(\"ab\", 2)", out: `"abab"`},
	}},
	{"named import", []cell{
		{code: "import str \"strings\"\nstr.ToLower(\"ABC\")", out: `"abc"`},
		{code: "import \"strings\"\nstrings.ToUpper(str.ToLower(\"X\"))", out: `"X"`},
	}},
	{"declarations in one cell", []cell{
		{code: "const Pi2 = 6.28\nvar counter int\ntype Point struct{ X, Y int }\nfunc (p Point) Sum() int { return p.X + p.Y }\nfunc double(n int) int { return 2 * n }"},
		{code: "counter = double(Point{1, 2}.Sum())\ncounter", out: "6"},
		{code: "Pi2 * 2", out: "12.56"},
	}},
	{"define persists and changes type", []cell{
		{code: "x := 5"},
		{code: "x * 2", out: "10"},
		{code: "x := \"now a string\"\nx", out: `"now a string"`},
		{code: "a, b := 1, \"two\"\nimport \"fmt\"\nfmt.Println(a, b)", stdout: "1 two\n"},
	}},
	{"out values", []cell{
		{code: "[]int{1, 2, 3}", out: "[1 2 3]"},
		{code: "map[string]int{\"a\": 1}", out: "map[a:1]"},
		{code: "type P struct{ X, Y int }\nP{1, 2}", out: "{1 2}"},
		{code: "&P{3, 4}", out: "&{3 4}"},
		{code: "import \"errors\"\nerrors.New(\"boom\")", out: "boom"},
		{code: "var e error\ne", out: "<nil>"},
		{code: "3.5", out: "3.5"},
		{code: "'a'", out: "97"},
	}},
	{"stringer of a cell type", []cell{
		{code: "import \"fmt\"\ntype Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f°C\", float64(t)) }"},
		{code: "Temp(21.5)", out: "21.5°C"},
		{code: "t := Temp(3)\nt", out: "3.0°C"},
	}},
	{"no out for declarations statements and prints", []cell{
		{code: "import \"fmt\"\nimport \"os\""},
		{code: "var z = 3"},
		{code: "z++"},
		{code: "func nothing() {}\nnothing()"},
		{code: "fmt.Println(\"hello\")", stdout: "hello\n"},
		{code: "fmt.Printf(\"%d\\n\", 42)", stdout: "42\n"},
		{code: "fmt.Fprintln(os.Stdout, \"to stdout\")", stdout: "to stdout\n"},
		{code: "os.Stdout.WriteString(\"raw\\n\")", stdout: "raw\n"},
		{code: "fmt.Fprintln(os.Stderr, \"to stderr\")", stderr: "to stderr"},
		{code: "if z > 0 { fmt.Println(\"positive\") }", stdout: "positive\n"},
	}},
	{"multi value calls", []cell{
		{code: "import \"strconv\"\nstrconv.Atoi(\"12\")", out: "12 <nil>"},
		{code: "strconv.Atoi(\"x\")", out: "0 strconv.Atoi: parsing \"x\": invalid syntax"},
		{code: "func three() (int, string, bool) { return 1, \"a\", true }\nthree()", out: "1 a true"},
		{code: "func one() int { return 7 }\none()", out: "7"},
	}},
	{"func main runs once", []cell{
		{code: "import \"fmt\"\nfunc main() { fmt.Println(\"main ran\") }", stdout: "main ran\n"},
		{code: "x := 1"},
		{code: "fmt.Println(\"later\")", stdout: "later\n"},
		{code: "func main(args int) {}", err: "func main must have no arguments"},
	}},
	{"immediately called func literal runs once", []cell{
		{code: "import \"fmt\""},
		{code: "func() { n := \"local\"; fmt.Println(n) }()", stdout: "local\n"},
		{code: "1 + 1", out: "2"},
		{code: "fmt.Println(\"again\")", stdout: "again\n"},
	}},
	{"comma ok map persists", []cell{
		{code: "m := map[string]int{\"a\": 1}\nv, ok := m[\"a\"]"},
		{code: "import \"fmt\"\nfmt.Println(v, ok)\nv", out: "1", stdout: "1 true\n"},
		{code: "w, found := m[\"zzz\"]\nfmt.Println(w, found)", stdout: "0 false\n"},
		{code: "_, present := m[\"a\"]\npresent", out: "true"},
	}},
	{"comma ok channel", []cell{
		{code: "ch := make(chan int, 1)\nch <- 7\nx, ok := <-ch"},
		{code: "x", out: "7"},
		{code: "ok", out: "true"},
		{code: "close(ch)\ny, open := <-ch\nimport \"fmt\"\nfmt.Println(y, open)", stdout: "0 false\n"},
	}},
	{"comma ok type assertion", []cell{
		{code: "var i any = \"hello\"\ns, ok := i.(string)"},
		{code: "s + \"!\"", out: `"hello!"`},
		{code: "n, isInt := i.(int)\nimport \"fmt\"\nfmt.Println(n, isInt, ok)", stdout: "0 false true\n"},
	}},
	{"comma ok in if and var", []cell{
		{code: "import \"fmt\"\nm := map[string]string{\"k\": \"val\"}\nif v, ok := m[\"k\"]; ok {\n\tfmt.Println(\"found\", v)\n}", stdout: "found val\n"},
		{code: "var got, has = m[\"k\"]\nfmt.Println(got, has)", stdout: "val true\n"},
		{code: "got", out: `"val"`},
	}},
	{"comma ok with cell types", []cell{
		{code: "type User struct{ Name string }\nfunc (u User) Hi() string { return \"hi \" + u.Name }\nusers := map[int]User{1: {\"ann\"}}\nu, ok := users[1]"},
		{code: "u.Hi()", out: `"hi ann"`},
		{code: "ok", out: "true"},
	}},
	{"nested define shadows global", []cell{
		{code: "n := 5\nif true { n := \"block\"; _ = n }\nn", out: "5"},
		{code: "k := \"global k\"\nfor k := 0; k < 3; k++ { _ = k }\nk", out: `"global k"`},
		{code: "var c int64 = 7\nfor i := 0; i < 2; i++ { c := \"s\"; _ = c }\nc", out: "7"},
	}},
	{"per iteration loop variables with goroutines", []cell{
		{code: "import (\"fmt\"; \"sync\")\nvar wg sync.WaitGroup\nfor i := 0; i < 3; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); fmt.Println(i) }()\n}\nwg.Wait()", stdout: "0\n1\n2\n", anyOrder: true},
	}},
	{"per iteration loop variables with closures", []cell{
		{code: "var fs []func() int\nfor _, v := range []int{10, 20, 30} {\n\tfs = append(fs, func() int { return v })\n}\nimport \"fmt\"\nfor _, f := range fs { fmt.Print(f(), \" \") }", stdout: "10 20 30 "},
		{code: "func collect() []int {\n\tvar fs []func() int\n\tfor i := 0; i < 3; i++ { fs = append(fs, func() int { return i }) }\n\tvar out []int\n\tfor _, f := range fs { out = append(out, f()) }\n\treturn out\n}\ncollect()", out: "[0 1 2]"},
		{code: "for i := 0; i < 5; i++ { if i == 1 { i += 2 }; fmt.Print(i, \" \") }", stdout: "0 3 4 "},
	}},
	{"range over int", []cell{
		{code: "import \"fmt\"\nfor i := range 3 { fmt.Print(i, \" \") }", stdout: "0 1 2 "},
		{code: "n := 4\nsum := 0\nfor i := range n { sum += i }\nsum", out: "6"},
		{code: "count := 0\nfor range 5 { count++ }\ncount", out: "5"},
		{code: "func f(k int) int { t := 0; for i := range k { t += i }; return t }\nf(5)", out: "10"},
		{code: "for i := range len(\"abc\") { fmt.Print(i) }", stdout: "012"},
	}},
	{"min max clear", []cell{
		{code: "min(3, 1, 2)", out: "1"},
		{code: "max(2.5, 1)", out: "2.5"},
		{code: "x := 7\nmax(x, 10, 3)", out: "10"},
		{code: "f := 1.5\nmin(2, f)", out: "1.5"},
		{code: "max(\"apple\", \"pear\", \"fig\")", out: `"pear"`},
		{code: "s := \"b\"\nmin(s, \"a\")", out: `"a"`},
		{code: "m := map[string]int{\"a\": 1, \"b\": 2}\nclear(m)\nlen(m)", out: "0"},
		{code: "xs := []int{1, 2, 3}\nclear(xs)\nxs", out: "[0 0 0]"},
		{code: "func maxOf(a, b int) int { return max(a, b) }\nmaxOf(4, 9)", out: "9"},
	}},
	{"user defined min shadows builtin", []cell{
		{code: "func min(a, b int) int { return 42 }\nmin(1, 2)", out: "42"},
	}},
	// Constructs yaegi runs wrongly, lowered by the cell compiler with the
	// type checker's types (each was silently wrong or crashed before).
	{"lowered constructs", []cell{
		{code: "func two(b []byte) (int, int) { return 7, len(b) }\na, b := two([]byte(\"abc\"))\nfmt.Println(a, b)", stdout: "7 3\n"},
		{code: "type P struct{ n int }\np := &P{}\nc := make(chan int, 1)\nc <- 9\np.n = <-c\nfmt.Println(p.n)", stdout: "9\n"},
		{code: "func get(ch chan int) int { return <-ch }\nc <- 5\nget(c)", out: "5"},
		{code: "ins := []chan int{make(chan int, 1), make(chan int, 1)}\nfor i, in := range ins { in <- i }\nfmt.Println(<-ins[0], <-ins[1])", stdout: "0 1\n"},
		{code: "func Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }\nMap([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 10) })", out: "[10 20]"},
		{code: "func count(n int) func(func(int) bool) { return func(yield func(int) bool) { for i := 0; i < n; i++ { if !yield(i) { return } } } }\nfor i := range count(10) { if i == 1 { continue }; if i == 4 { break }; fmt.Print(i, \" \") }", stdout: "0 2 3 "},
		{code: "var fs []func() int\nfor i := 0; i < 5; i++ { if i == 3 { break }; fs = append(fs, func() int { return i * i }) }\nfor _, f := range fs { fmt.Print(f(), \" \") }", stdout: "0 1 4 "},
		{code: "defer func() { if r := recover(); r != nil { fmt.Println(\"recovered:\", r) } }()\nfmt.Println(\"before\")\npanic(\"a problem\")\nfmt.Println(\"not printed\")", stdout: "before\nrecovered: a problem\n"},
		{code: "defer fmt.Println(\"deferred still runs\")\npanic(\"not recovered\")", err: "panic: not recovered", stdout: "deferred still runs\n"},
	}},
	{"unsupported constructs are named", []cell{
		{code: "xs := []int{3, 1, 2}"},
		{code: "import \"slices\"\nslices.Sort(xs)\nxs", out: "[1 2 3]"},
		{code: "slices.Contains([]int{1, 2}, 2)", out: "true"},
		{code: "import \"maps\"\nslices.Sorted(maps.Keys(map[string]int{\"b\": 1, \"a\": 2}))", out: "[a b]"},
		{code: "type Pt struct{ X int }\nslices.IndexFunc([]Pt{{1}, {2}}, func(p Pt) bool { return p.X == 2 })", out: "1"},
		{code: "slices.Compact([]Pt{{1}, {1}})", out: "[{1}]"},
		{code: "slices.Grow([]Pt{{1}}, 2)", err: "slices.Grow for []Pt, Pt is not available in the interpreter: the generic functions of slices, maps and cmp run on slices and maps of builtin types"},
		{code: "func Sum[T int | float64](xs ...T) T { var s T; for _, x := range xs { s += x }; return s }"},
		{code: "Sum(1, 2, 3) + int(Sum(0.5, 0.5)) + Sum[int]() + Sum(xs...)", out: "13"},
		{code: "f := Sum[int]\nf(4, 5)", out: "9"}, // a variadic literal calling the instance
		{code: "fmt.Sprintf(\"%T\", f)", out: `"func(...int) int"`},
		{code: "seq := func(yield func(int) bool) { yield(1); yield(2) }\nfor v := range seq { fmt.Println(v) }", stdout: "1\n2\n"},
		{code: "import \"iter\"\nvar seq iter.Seq[int] = func(yield func(int) bool) { yield(7) }\nfor v := range seq { fmt.Println(v) }", stdout: "7\n"},
		{code: "xs", out: "[1 2 3]"},
		{code: "import \"notamodule/errgroup\"", err: "package notamodule/errgroup is not available"}, // modules: see modules_test.go
	}},
	{"redefine func used by earlier func", []cell{
		{code: "func helper() int { return 1 }\nfunc user() int { return helper() * 10 }"},
		{code: "user()", out: "10"},
		{code: "func helper() int { return 2 }"},
		{code: "user()", out: "20"},
		{code: "func helper(x int) string { return \"changed\" }", stderr: "warning: user still use the old helper"},
	}},
	{"redefine var read by earlier func", []cell{
		{code: "var g = 1\nfunc readG() int { return g }"},
		{code: "var g = 2\nreadG()", out: "2"},
		{code: "g = 3\nreadG()", out: "3"},
		{code: "g := 4\nreadG()", out: "4"},
	}},
	{"redefine var written by earlier func", []cell{
		{code: "var cnt int\nfunc incr() { cnt++ }\nincr()\nincr()\ncnt", out: "2"},
		{code: "var cnt int"},
		{code: "incr()\ncnt", out: "1"},
	}},
	{"redefine const", []cell{
		{code: "const limit = 3\nfunc over(n int) bool { return n > limit }\nover(4)", out: "true"},
		{code: "const limit = 10\nover(4)", out: "false"},
	}},
	{"redefine transitively and mutual recursion", []cell{
		{code: "func c() int { return 1 }\nfunc b() int { return c() + 1 }\nfunc a() int { return b() + 1 }\na()", out: "3"},
		{code: "func c() int { return 100 }\na()", out: "102"},
		{code: "func isEven(n int) bool { if n == 0 { return true }; return isOdd(n - 1) }\nfunc isOdd(n int) bool { if n == 0 { return false }; return isEven(n - 1) }\nisEven(9)", out: "false"},
		{code: "func isOdd(n int) bool { if n == 0 { return true }; return isEven(n - 1) }\nisEven(9)", out: "true"},
	}},
	{"redefine type", []cell{
		{code: "type T struct{ A int }\nT{1}", out: "{1}"},
		{code: "type T struct{ A int }\nT{2}", out: "{2}"},
		{code: "type T struct {\n\tA int // same, other layout\n}"},
		{code: "type T struct{ A, B int }", err: "type T is already defined with a different definition"},
		{code: "T{3}", out: "{3}"},
	}},
	{"redefine method", []cell{
		{code: "type P struct{ N int }\nfunc (p P) Name() string { return \"v1\" }\nP{}.Name()", out: `"v1"`},
		{code: "func (p P) Name() string { return \"v2\" }\nP{}.Name()", out: `"v2"`},
		{code: "type Namer interface{ Name() string }\nvar nm Namer = P{}\nnm.Name()", out: `"v2"`},
		{code: "func (p P) Name() string { return \"v3\" }\nnm.Name()", out: `"v3"`},
		{code: "func (p P) Name() int { return 1 }", err: "method P.Name is already defined with a different signature"},
		{code: "func (p *P) Inc(by int) { p.N += by }\nq := &P{}\nq.Inc(2)\nq.Inc(3)\nq.N", out: "5"},
	}},
	{"method uses redefined helper", []cell{
		{code: "func greeting() string { return \"hello\" }\ntype G struct{}\nfunc (G) Say() string { return greeting() }\nG{}.Say()", out: `"hello"`},
		{code: "func greeting() string { return \"bonjour\" }\nG{}.Say()", out: `"bonjour"`},
	}},
	{"goroutine panic is reported", []cell{
		{code: "import (\"fmt\"; \"time\")\ngo func() { panic(\"boom\") }()\ntime.Sleep(2 * time.Second)", err: "panic in goroutine: boom", stderr: "panic in goroutine: boom"},
		{code: "fmt.Println(\"alive\")", stdout: "alive\n"},
	}},
	{"goroutine panic in named func", []cell{
		{code: "import \"sync\"\nvar m map[string]int\nfunc worker(id int, wg *sync.WaitGroup) { defer wg.Done(); m[\"x\"] = id }\nvar wg sync.WaitGroup\nwg.Add(1)\ngo worker(1, &wg)\nwg.Wait()\nselect {}", err: "panic in goroutine: assignment to entry in nil map", stderr: "In [1], line 3"},
		{code: "2 + 2", out: "4"},
	}},
	{"goroutine outliving its cell", []cell{
		{code: "import \"time\"\ngo func() { time.Sleep(300 * time.Millisecond); panic(\"late\") }()"},
		{code: "time.Sleep(800 * time.Millisecond)", err: "panic in goroutine: late", stderr: "panic in goroutine: late"},
		{code: "\"still alive\"", out: `"still alive"`},
	}},
	{"a return ends the cell as it ends main", []cell{
		{code: "x := 1\ndefer fmt.Println(\"deferred\")\nif x > 0 {\n\tfmt.Println(\"early\")\n\treturn\n}\nfmt.Println(\"late\")", stdout: "early\ndeferred\n"},
		{code: "for i := range 5 {\n\tx += i\n\tif i == 2 {\n\t\treturn\n\t}\n}\nx = -1", stdout: ""},
		{code: "func count(n int) func(func(int) bool) { return func(yield func(int) bool) { for i := range n { if !yield(i) { return } } } }\nfor i := range count(9) {\n\tif i == 3 {\n\t\treturn\n\t}\n\tx++\n}\nx = -2", stdout: ""},
		{code: "x", out: "7"},
		{code: "return 5", err: "too many return values"},
	}},
	{"compile errors carry cell positions", []cell{
		{code: "a := 1\nb := 2\nc := a +\n\tundefinedName", err: "undefined: undefinedName (In [1], line 4, column 2)"},
		{code: "func f() int {\n\treturn \"s\"\n}", err: "In [2], line 2"},
		{code: "x := 1\nx = \"str\"", err: "In [3], line 2"},
		{code: "nosuchpkg.Println(1)", err: "undefined: nosuchpkg"},
		{code: "fmt.Println(1)", stdout: "1\n"}, // standard packages are imported on use
	}},
	{"syntax errors", []cell{
		{code: "x := 1\ny := (2 +\nfunc", err: "SyntaxError"},
		{code: "for i := 0; i < 3; i++ {\n\tx := i +* 2\n}", err: "In [2], line 2"},
	}},
	{"panics carry positions and frames", []cell{
		{code: "func inner() {\n\tpanic(\"deep\")\n}\nfunc outer() { inner() }"},
		{code: "x := 1\nouter()", err: "panic: deep (In [1], line 2, column 2)"},
		{code: "outer()", err: "in outer"},
		{code: "import \"errors\"\npanic(errors.New(\"an error value\"))", err: "an error value"},
	}},
	{"runtime errors read like Go", []cell{
		{code: "xs := []int{1, 2, 3}\ni := 5\nxs[i]", err: "runtime error: index out of range"},
		{code: "type holder struct{ v []int }\nh := holder{v: []int{1}}\nfmt.Println(h.v[0], xs[i-10])", err: "index out of range [-5] with length 3"},
		{code: "h.v[3]", err: "index out of range [3] with length 1"},
		{code: "func at(s []int, k int) int { return s[k] }\nat(xs, 9)", err: "runtime error: index out of range (In ["},
		{code: "var m map[string]int\nm[\"a\"] = 1", err: "assignment to entry in nil map"},
		{code: "type N struct{ V int }\nvar p *N\np.V", err: "invalid memory address or nil pointer dereference"},
		{code: "zero := 0\n10 / zero", err: "integer divide by zero"},
		{code: "var i any = 1\ni.(string)", err: "interface conversion"},
		{code: "xs[0]", out: "1"},
	}},
	{"exit is blocked", []cell{
		{code: "import \"os\"\nos.Exit(3)", err: "os.Exit(3) was called"},
		{code: "import \"log\"\nlog.Fatal(\"fatal!\")", err: "log.Fatal", stderr: "fatal!"},
		{code: "import \"syscall\"\nsyscall.Exit(1)", err: "syscall.Exit(1)"},
		{code: "\"alive\"", out: `"alive"`},
	}},
	{"os exec works", []cell{
		{code: "import \"os/exec\"\nout, err := exec.Command(\"echo\", \"from child\").Output()\nstring(out)", out: `"from child\n"`},
		{code: "cmd := exec.Command(\"sh\", \"-c\", \"echo child stdout\")\ncmd.Stdout = os.Stdout\nimport \"os\"\ncmd.Run()", stdout: "child stdout\n", out: "<nil>"},
	}},
	{"log goes to stderr", []cell{
		{code: "import \"log\"\nlog.SetFlags(0)\nlog.Println(\"logged\")", stderr: "logged"},
	}},
	{"interrupt busy loop", []cell{
		{code: "n := 0\nfor { n++ }", interrupt: 300 * ms, err: "Interrupted"},
		{code: "n > 0", out: "true"},
	}},
	{"interrupt sleep", []cell{
		{code: "import \"time\"\nkeep := \"kept\"\ntime.Sleep(time.Hour)", interrupt: 300 * ms, err: "Interrupted"},
		{code: "keep", out: `"kept"`},
	}},
	{"interrupt channel receive", []cell{
		{code: "ch := make(chan int)\nv := 1\n<-ch", interrupt: 300 * ms, err: "Interrupted"},
		{code: "v + 1", out: "2"},
	}},
	{"interrupt select", []cell{
		{code: "import \"fmt\"\nfmt.Println(\"before\")\nselect {}", interrupt: 300 * ms, err: "Interrupted", stdout: "before\n"},
		{code: "fmt.Println(\"after\")", stdout: "after\n"},
	}},
	{"waitgroup and mutex", []cell{
		{code: "import \"sync\"\nvar mu sync.Mutex\ncounter := 0\nvar wg sync.WaitGroup\nfor i := 0; i < 50; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tmu.Lock()\n\t\tcounter++\n\t\tmu.Unlock()\n\t}()\n}\nwg.Wait()\ncounter", out: "50"},
	}},
	{"rwmutex", []cell{
		{code: "import \"sync\"\ntype Cache struct {\n\tmu sync.RWMutex\n\tdata map[string]int\n}\nfunc (c *Cache) Get(k string) int { c.mu.RLock(); defer c.mu.RUnlock(); return c.data[k] }\nfunc (c *Cache) Set(k string, v int) { c.mu.Lock(); defer c.mu.Unlock(); c.data[k] = v }\nc := &Cache{data: map[string]int{}}\nvar wg sync.WaitGroup\nfor i := 0; i < 10; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); c.Set(\"k\", i); _ = c.Get(\"k\") }()\n}\nwg.Wait()\nlen(c.data)", out: "1"},
	}},
	{"once", []cell{
		{code: "import (\"fmt\"; \"sync\")\nvar once sync.Once\nvar wg sync.WaitGroup\nfor i := 0; i < 5; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); once.Do(func() { fmt.Println(\"init once\") }) }()\n}\nwg.Wait()", stdout: "init once\n"},
	}},
	{"cond", []cell{
		{code: "import (\"fmt\"; \"sync\")\nvar mu sync.Mutex\ncond := sync.NewCond(&mu)\nready := false\ndone := make(chan bool)\ngo func() {\n\tmu.Lock()\n\tfor !ready { cond.Wait() }\n\tmu.Unlock()\n\tfmt.Println(\"woken\")\n\tdone <- true\n}()\nmu.Lock()\nready = true\ncond.Broadcast()\nmu.Unlock()\n<-done", stdout: "woken\n", out: "true"},
	}},
	{"atomic", []cell{
		{code: "import (\"sync\"; \"sync/atomic\")\nvar ops int64\nvar hits atomic.Int64\nvar wg sync.WaitGroup\nfor i := 0; i < 20; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); atomic.AddInt64(&ops, 2); hits.Add(1) }()\n}\nwg.Wait()\nimport \"fmt\"\nfmt.Println(atomic.LoadInt64(&ops), hits.Load())", stdout: "40 20\n"},
	}},
	{"buffered channel semaphore", []cell{
		{code: "import (\"sync\"; \"time\")\nsem := make(chan struct{}, 2)\nvar mu sync.Mutex\nrunning, peak := 0, 0\nvar wg sync.WaitGroup\nfor i := 0; i < 6; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tsem <- struct{}{}\n\t\tmu.Lock(); running++; peak = max(peak, running); mu.Unlock()\n\t\ttime.Sleep(20 * time.Millisecond)\n\t\tmu.Lock(); running--; mu.Unlock()\n\t\t<-sem\n\t}()\n}\nwg.Wait()\npeak", out: "2"},
	}},
	{"worker pool", []cell{
		{code: "import \"sort\"\nfunc worker(id int, jobs <-chan int, results chan<- int) {\n\tfor j := range jobs { results <- j * j }\n}\njobs := make(chan int, 10)\nresults := make(chan int, 10)\nfor w := 1; w <= 3; w++ { go worker(w, jobs, results) }\nfor j := 1; j <= 5; j++ { jobs <- j }\nclose(jobs)\nvar got []int\nfor a := 1; a <= 5; a++ { got = append(got, <-results) }\nsort.Ints(got)\ngot", out: "[1 4 9 16 25]"},
	}},
	{"select with timeout", []cell{
		{code: "import (\"fmt\"; \"time\")\nc := make(chan string)\ngo func() { time.Sleep(500 * time.Millisecond); c <- \"late\" }()\nselect {\ncase m := <-c:\n\tfmt.Println(m)\ncase <-time.After(50 * time.Millisecond):\n\tfmt.Println(\"timeout\")\n}", stdout: "timeout\n"},
		{code: "ticker := time.NewTicker(10 * time.Millisecond)\nticks := 0\nfor range ticker.C { ticks++; if ticks == 3 { ticker.Stop(); break } }\nticks", out: "3"},
	}},
	{"context cancellation", []cell{
		{code: "import (\"context\"; \"fmt\"; \"time\")\nctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)\ndefer cancel()\nselect {\ncase <-ctx.Done():\n\tfmt.Println(\"stopped:\", ctx.Err())\ncase <-time.After(time.Second):\n\tfmt.Println(\"too slow\")\n}", stdout: "stopped: context deadline exceeded\n"},
		{code: "func gen(ctx context.Context) <-chan int {\n\tch := make(chan int)\n\tgo func() {\n\t\tdefer close(ch)\n\t\tfor i := 0; ; i++ {\n\t\t\tselect {\n\t\t\tcase ch <- i:\n\t\t\tcase <-ctx.Done():\n\t\t\t\treturn\n\t\t\t}\n\t\t}\n\t}()\n\treturn ch\n}\nctx2, stop := context.WithCancel(context.Background())\nsum := 0\nfor v := range gen(ctx2) { sum += v; if v == 4 { stop() ; break } }\nsum", out: "10"},
	}},
	{"httptest server", []cell{
		{code: "import (\"fmt\"; \"io\"; \"net/http\"; \"net/http/httptest\")\nsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\tfmt.Fprintf(w, \"hello %s\", r.URL.Path)\n}))\ndefer srv.Close()\nresp, err := http.Get(srv.URL + \"/x\")\nbody, _ := io.ReadAll(resp.Body)\nresp.Body.Close()\nstring(body)", out: `"hello /x"`},
	}},
	{"numgoroutine is adjusted", []cell{
		{code: "import \"runtime\"\nruntime.NumGoroutine() < 5", out: "true"},
	}},
	{"rich display methods", []cell{
		{code: "type Bold string\nfunc (b Bold) HTML() string { return \"<b>\" + string(b) + \"</b>\" }\nBold(\"hi\")", out: "hi", html: "<b>hi</b>"},
	}},
	{"generics", []cell{
		{code: "type Number interface{ ~int | ~float64 }\nfunc Sum[T Number](xs []T) T { var s T; for _, x := range xs { s += x }; return s }\nSum([]float64{1.5, 2})", out: "3.5"},
		{code: "type Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\nfunc (s *Stack[T]) Len() int { return len(s.items) }\nst := &Stack[string]{}\nst.Push(\"a\")\nst.Push(\"b\")\nst.Len()", out: "2"},
		{code: "func (s *Stack[T]) Len() int { return len(s.items) }"},
		{code: "func (s *Stack[T]) Len() int { return 0 }", err: "generic type Stack"},
	}},
	{"defer and recover at top level", []cell{
		{code: "import \"fmt\"\ndefer fmt.Println(\"deferred\")\nfmt.Println(\"first\")", stdout: "first\ndeferred\n"},
		{code: "func safe() (err error) {\n\tdefer func() {\n\t\tif r := recover(); r != nil { err = fmt.Errorf(\"recovered: %v\", r) }\n\t}()\n\tvar m map[int]int\n\tm[1] = 1\n\treturn nil\n}\nsafe()", out: "recovered: assignment to entry in nil map"},
	}},
	{"generator and labeled break", []cell{
		{code: "import \"fmt\"\nfunc count(n int) <-chan int {\n\tch := make(chan int)\n\tgo func() { for i := 0; i < n; i++ { ch <- i }; close(ch) }()\n\treturn ch\n}\nfor v := range count(3) { fmt.Print(v) }", stdout: "012"},
		{code: "outer:\nfor i := 0; i < 3; i++ {\n\tfor j := 0; j < 3; j++ {\n\t\tif j == 1 { continue outer }\n\t\tif i == 2 { break outer }\n\t\tfmt.Print(i, j, \" \")\n\t}\n}", stdout: "0 0 1 0 "},
	}},
	{"switch and closures at top level", []cell{
		{code: "import \"fmt\"\nadd := func(a, b int) int { return a + b }\nswitch add(1, 2) {\ncase 3:\n\tfmt.Println(\"three\")\ndefault:\n\tfmt.Println(\"other\")\n}", stdout: "three\n"},
		{code: "add(2, 3)", out: "5"},
	}},
	{"go statement argument evaluation", []cell{
		{code: "import (\"fmt\"; \"sync\")\nvar wg sync.WaitGroup\nfunc show(prefix string, n int, f float64) { defer wg.Done(); fmt.Println(prefix, n, f) }\nx := 1\nwg.Add(1)\ngo show(\"x\", x, 2)\nx = 99\nwg.Wait()", stdout: "x 1 2\n"},
		{code: "const K = 3\nwg.Add(1)\ngo show(\"k\", K, K)\nwg.Wait()", stdout: "k 3 3\n"},
		{code: "done := make(chan bool)\ngo close(done)\n<-done", out: "false"},
		{code: "func work(k int, out chan<- int) { out <- k * k }\nsq := make(chan int, 5)\nfor i := range 5 { go work(i, sq) }\nsum := 0\nfor range 5 { sum += <-sq }\nsum", out: "30"},
		{code: "var mu sync.Mutex\nseen := map[int]bool{}\nvar wg2 sync.WaitGroup\nfor i := 0; i < 2000; i++ {\n\twg2.Add(1)\n\tgo func() { defer wg2.Done(); mu.Lock(); seen[i] = true; mu.Unlock() }()\n}\nwg2.Wait()\nlen(seen)", out: "2000"},
	}},
	// Standard packages are given to the interpreter when a cell imports
	// them, with the packages of the interfaces their API uses.
	{"packages loaded on import", []cell{
		{code: "type upper struct{ s string; done bool }\nfunc (u *upper) Read(p []byte) (int, error) { if u.done { return 0, errors.New(\"end\") }; u.done = true; return copy(p, strings.ToUpper(u.s)), nil }"},
		{code: "sc := bufio.NewScanner(&upper{s: \"a\\nb\"})\nfor sc.Scan() { fmt.Print(sc.Text(), \";\") }", stdout: "A;B;"},
		{code: "import \"net/http\"\nreq, _ := http.NewRequest(\"GET\", \"http://x/y?q=1\", nil)\nreq.URL.Query().Get(\"q\")", out: `"1"`},
		{code: "import \"syscall\"\nsyscall.Exit(3)", err: "syscall.Exit(3) was called"},
		{code: "runtime.NumGoroutine() >= 1", out: "true"},
	}},
}

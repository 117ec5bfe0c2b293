package interp

import (
	"fmt"
	"testing"
	_ "reflect"
	"github.com/traefik/yaegi/stdlib"
)

func TestScratchX(t *testing.T) {
	for _, k := range []string{"fmt/fmt", "math/math", "os/os", "time/time"} {
		for _, n := range []string{"Println", "Stringer", "MaxInt64", "Pi", "Args", "Nanosecond", "Time", "Now", "_fmt_Stringer", "ModePerm"} {
			v, ok := stdlib.Symbols[k][n]
			if !ok { continue }
			fmt.Println(k, n, v.Kind(), v.Type(), v.CanAddr())
		}
	}
	n := 0
	for k := range stdlib.Symbols { if len(k) > 0 { n++ } ; if len(k) > 12 && k[:5]=="math/" {fmt.Println(k)} }
	fmt.Println(n)
	ts := newTestSession(t)
	r := ts.run("type Point struct { X, Y int; name string }\nfunc (p *Point) Move(dx int) { p.X += dx }\nfunc (p Point) Dist() float64 { return 0 }\n// Add adds\nfunc Add[T any](a, b int) int { return a+b }\nvar mu sync.Mutex\np := Point{1,2,\"a\"}\nq := &p\nt := time.Now()\nimport str \"strings\"\nvar sb str.Builder", 0)
	fmt.Println(r.errText())
	for _, n := range ts.reg.order {
		d := ts.reg.decls[n]
		fmt.Printf("%q %q %q\nSRC=%q\nNORM=%q\n", n, d.kind, d.typ, d.src, d.norm)
	}
	v, err := ts.eval(t.Context(), "p")
	fmt.Println(v, err, v.Type(), v.Kind())
	for i := 0; i < v.Type().NumField(); i++ { fmt.Println(v.Type().Field(i)) }
	v, err = ts.eval(t.Context(), "q")
	fmt.Println(v, err, v.Type(), v.Kind())
	v, err = ts.eval(t.Context(), "Point")
	fmt.Println(v, err)
	v, err = ts.eval(t.Context(), "Add")
	fmt.Println(v, err)
}

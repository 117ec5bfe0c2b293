package mono_test

import (
	"strings"
	"testing"

	"gokernel/cellsrc"
	"gokernel/compiler/mono"
	"gokernel/typecheck"
)

// rewrite checks each cell, rewrites it with one registry and commits it
// as the session does; it returns the rewritten cells.
func rewrite(t *testing.T, cells ...string) []string {
	t.Helper()
	c := typecheck.NewChecker()
	r := mono.NewRegistry()
	var out []string
	for _, src := range cells {
		res, err := c.Check(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		p, err := cellsrc.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		got, _, commit, err := r.Rewrite(src, 1, p, res)
		if err != nil {
			out = append(out, src)
			continue
		}
		if got != src {
			again, err := c.Check(got)
			if err != nil {
				t.Fatalf("the rewritten cell does not check: %v\n%s", err, got)
			}
			res = again
		}
		res.Commit()
		if commit != nil {
			commit()
		}
		out = append(out, got)
	}
	return out
}

// nameOf returns the instance name of origin in s (origin__gkN).
func nameOf(t *testing.T, s, origin string) string {
	t.Helper()
	i := -1
	for k := 0; k+len(origin) < len(s); k++ {
		if strings.HasPrefix(s[k:], origin+"__gk") && (k == 0 || !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", rune(s[k-1]))) {
			i = k
			break
		}
	}
	if i < 0 {
		t.Fatalf("no instance of %s in\n%s", origin, s)
	}
	j := i + len(origin) + 4
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return s[i:j]
}

func TestInstancesAcrossCells(t *testing.T) {
	out := rewrite(t,
		"import \"fmt\"\ntype Pair[K comparable, V any] struct{ Key K; Val V }\nfunc (p Pair[K, V]) String() string { return fmt.Sprint(p.Key, \"=\", p.Val) }\nfunc MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }",
		"p := MakePair(\"a\", 1)\nq := Pair[string, int]{\"b\", 2}",
		"r := MakePair(\"c\", 3)",
	)
	if out[0] == "" || strings.Contains(out[0], "__gk") {
		t.Errorf("a cell declaring generics only is not changed: %s", out[0])
	}
	pair, mk := nameOf(t, out[1], "Pair"), nameOf(t, out[1], "MakePair")
	for _, want := range []string{
		"p := " + mk + "(\"a\", 1)\nq := " + pair + "{\"b\", 2}",
		"type " + pair + " struct{ Key string; Val int }",
		"func (p " + pair + ") String() string { return fmt.Sprint(p.Key, \"=\", p.Val) }",
		"func " + mk + "(k string, v int) " + pair + " { return " + pair + "{k, v} }",
	} {
		if !strings.Contains(out[1], want) {
			t.Errorf("the cell lacks %q:\n%s", want, out[1])
		}
	}
	if out[2] != "r := "+mk+"(\"c\", 3)" {
		t.Errorf("an instance of an earlier cell is used as it is: %q", out[2])
	}
}

func TestTypeArgumentsWritten(t *testing.T) {
	out := rewrite(t, "func Zero[T any]() T { var z T; return z }\nfunc Keys[M ~map[K]V, K comparable, V any](m M) []K { var ks []K; for k := range m { ks = append(ks, k) }; return ks }\nfunc As[T ~*int](p *int) T { return T(p) }\nx := Zero[*int]()\nf := Zero[func() int]()\nks := Keys(map[string][]byte{})\np := As[*int](nil)")
	// parenthesized only as a conversion (yaegi crashed on var z (*int))
	for _, want := range []string{"var z *int;", "var z func() int;", "(m map[string][]byte) []string { var ks []string;", "return (*int)(p)"} {
		if !strings.Contains(out[0], want) {
			t.Errorf("the cell lacks %q:\n%s", want, out[0])
		}
	}
}

// An instance embedded in a struct would name the field after itself
// (%+v, json): the cell is left to the interpreter.
func TestEmbeddedInstanceLeft(t *testing.T) {
	src := "type Box[T any] struct{ v T }\ntype Named struct{ Box[int] }\nvar n Named"
	if out := rewrite(t, src); out[0] != src {
		t.Errorf("rewritten:\n%s", out[0])
	}
}

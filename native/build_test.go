package native

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// hostBuilder returns a Builder for the test binary, or skips the test
// where plugins are impossible.
func hostBuilder(t *testing.T) *Builder {
	t.Helper()
	tc, err := HostToolchain()
	if err != nil {
		t.Skipf("no plugins here: %v", err)
	}
	dir, err := CacheDir()
	if err != nil {
		t.Skip(err)
	}
	return NewBuilder(tc, dir)
}

func TestBuildAndOpen(t *testing.T) {
	b := hostBuilder(t)
	files := map[string]string{"f.go": "package main\n\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\n\nvar F_fib = fib\n"}
	p, err := b.Build(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %v, %d bytes", p.Path, p.Built, p.Size)
	syms, err := Open(p, []string{"F_fib"})
	if err != nil {
		t.Fatal(err)
	}
	fib := syms["F_fib"].Interface().(func(int) int)
	if got := fib(20); got != 6765 {
		t.Fatalf("fib(20) = %d", got)
	}
	again, err := b.Build(context.Background(), files)
	if err != nil || again.Path != p.Path || again.Built != 0 {
		t.Fatalf("second build of the same source: %+v, %v (want the cached plugin)", again, err)
	}
	if _, err := Open(&Plugin{Path: p.Path + ".missing"}, nil); err == nil {
		t.Fatal("opening a missing plugin worked")
	}
}

func TestBuildError(t *testing.T) {
	b := hostBuilder(t)
	_, err := b.Build(context.Background(), map[string]string{"f.go": "package main\n\nfunc f() int { return \"x\" }\n"})
	if err == nil {
		t.Fatal("a plugin that does not compile was built")
	}
	t.Log(err)
}

func TestLangVersion(t *testing.T) {
	for in, want := range map[string]string{"go1.26.8": "1.26", "go1.27rc1": "1.27", "go1.26": "1.26"} {
		if got := langVersion(in); got != want {
			t.Errorf("langVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInstrument(t *testing.T) {
	out, err := instrument("package main\n\nfunc f(xs []int) int {\n\ts := 0\n\tfor _, x := range xs {\n\t\tfor s < x {\n\t\t\ts++\n\t\t}\n\t}\n\tg := func() { for {} }\n\t_ = g\n\treturn s\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "__gkCheck()"); n != 4 {
		t.Errorf("%d checks, want 4 (the function, 3 loops):\n%s", n, out)
	}
}

// BenchmarkPluginBuild builds fib's plugin (a new source each time, so no
// cache) with the worker's own flags and with the link flags plugins are
// built with (pluginLinkFlags), alternately in one run.
func BenchmarkPluginBuild(b *testing.B) {
	tc, err := HostToolchain()
	if err != nil {
		b.Skipf("no plugins here: %v", err)
	}
	plain := *tc
	plain.Flags = nil
	for _, f := range tc.Flags {
		if v, ok := strings.CutPrefix(f, "-ldflags="); ok {
			v = strings.TrimSpace(strings.NewReplacer("-s -w", "", "-extldflags=-fuse-ld=gold", "").Replace(v))
			if v == "" {
				continue
			}
			f = "-ldflags=" + v
		}
		plain.Flags = append(plain.Flags, f)
	}
	dir := b.TempDir()
	n := 0
	for _, c := range []struct {
		name string
		tc   *Toolchain
	}{{"worker flags", &plain}, {"plugin link flags", tc}} {
		bd := &Builder{tc: c.tc, dir: dir}
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				n++
				src := fmt.Sprintf("package main\n\nfunc fib(n int) int {\n\tif n < 2 {\n\t\treturn n + %d*0\n\t}\n\treturn fib(n-1) + fib(n-2)\n}\n\nvar F_fib = fib\n", n)
				p, err := bd.Build(context.Background(), map[string]string{"f.go": src})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(p.Size)/1e6, "MB")
			}
		})
	}
}

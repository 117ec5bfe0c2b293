"""Packages of any Go module imported from cells (issue 13, part two): the
kernel resolves the module in a session module (through the module proxy),
builds the package into a plugin and gives it to the interpreter and the type
checker. Each test checks that the session keeps its earlier variables."""

import json
import os
import subprocess
import time

from jupyter_client.manager import KernelManager

from conftest import ROOT, Kernel, reply_to

# The first import on a clean machine downloads the module and builds the
# standard library for plugins once (about 10 s here); later ones take ~1 s.
SLOW = 300


class _NamedKernel(Kernel):
    """A Kernel of another kernelspec (a worker built otherwise)."""

    def __init__(self, name):
        self.km = KernelManager(kernel_name=name)
        self.t0 = time.time()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=30)


def keeps(kernel):
    assert kernel.ok("kept").result == "41", "the session lost its variables"


def test_errgroup(kernel):
    kernel.ok("kept := 41")
    r = kernel.ok('import "golang.org/x/sync/errgroup"', timeout=SLOW)
    assert not r.errors, r
    # Group.Go with interpreted closures; Wait returns the first error.
    r = kernel.ok(
        "var g errgroup.Group\n"
        "results := make([]int, 5)\n"
        "for i := range 5 {\n"
        "\tg.Go(func() error {\n"
        "\t\tresults[i] = i * i\n"
        "\t\tif i == 3 {\n"
        '\t\t\treturn fmt.Errorf("task %d failed", i)\n'
        "\t\t}\n"
        "\t\treturn nil\n"
        "\t})\n"
        "}\n"
        "err := g.Wait()\n"
        "fmt.Println(results, err)")
    assert r.stdout == "[0 1 4 9 16] task 3 failed\n", r
    # WithContext: the first error cancels the group's context.
    r = kernel.ok(
        "g2, ctx := errgroup.WithContext(context.Background())\n"
        'g2.Go(func() error { return errors.New("first") })\n'
        "g2.Go(func() error { <-ctx.Done(); return ctx.Err() })\n"
        "g2.SetLimit(-1)\n"
        "fmt.Println(g2.Wait(), context.Cause(ctx))")
    assert r.stdout == "first first\n", r
    keeps(kernel)
    # %native lists the package's plugin.
    assert "golang.org/x/sync/errgroup v0." in kernel.ok("%native").stdout
    # Completion knows the package.
    r = reply_to(kernel.kc, kernel.kc.complete("errgroup.With", 13))
    assert r["content"]["matches"] == ["WithContext"], r["content"]
    r = reply_to(kernel.kc, kernel.kc.complete("g.", 2))
    assert {"Go", "SetLimit", "TryGo", "Wait"} <= set(r["content"]["matches"]), r["content"]
    # Later cells use it as fast as a standard package.
    r = kernel.ok("var g3 errgroup.Group\ng3.Go(func() error { return nil })\ng3.Wait()")
    assert r.result == "<nil>", r
    keeps(kernel)


def test_semaphore_with_context(kernel):
    kernel.ok("kept := 41")
    r = kernel.ok(
        'import "golang.org/x/sync/semaphore"\n'
        "sem := semaphore.NewWeighted(2)\n"
        "bg := context.Background()\n"
        "fmt.Println(sem.Acquire(bg, 2), sem.TryAcquire(1))", timeout=SLOW)
    assert r.stdout == "<nil> false\n", r
    # A waiter times out; another gets the weight once it is released.
    r = kernel.ok(
        "short, cancel := context.WithTimeout(bg, 50*time.Millisecond)\n"
        "defer cancel()\n"
        "fmt.Println(sem.Acquire(short, 1))\n"
        "done := make(chan error)\n"
        "go func() { done <- sem.Acquire(bg, 1) }()\n"
        "time.Sleep(20 * time.Millisecond)\n"
        "sem.Release(2)\n"
        "fmt.Println(<-done)")
    assert r.stdout == "context deadline exceeded\n<nil>\n", r
    # The latest version panics on a negative size (v0.19.0 did not: see
    # test_go_get_older_version).
    r = kernel.run("semaphore.NewWeighted(-1)")
    assert r.status == "error" and "semaphore: size < 0" in r.error_text, r
    keeps(kernel)


def test_module_with_its_own_dependencies(kernel):
    # golang.org/x/net/idna imports packages of golang.org/x/text.
    kernel.ok("kept := 41")
    r = kernel.ok('import "golang.org/x/net/idna"\nidna.ToASCII("bücher.example")', timeout=SLOW)
    assert r.result == "xn--bcher-kva.example <nil>", r
    r = kernel.ok('p := idna.New(idna.MapForLookup(), idna.Transitional(true))\np.ToUnicode("xn--bcher-kva.example")')
    assert r.result == "bücher.example <nil>", r
    keeps(kernel)


def test_types_interfaces_constants_variables(kernel):
    # An interpreted type implements an interface of a module package and
    # is passed to its functions; constants, variables, methods.
    kernel.ok("kept := 41")
    r = kernel.ok(
        'import (\n\t"golang.org/x/text/transform"\n\t"golang.org/x/text/unicode/norm"\n)\n'
        "type upper struct{ transform.NopResetter }\n"
        "func (upper) Transform(dst, src []byte, atEOF bool) (int, int, error) {\n"
        "\tif len(dst) < len(src) {\n\t\treturn 0, 0, transform.ErrShortDst\n\t}\n"
        "\tfor i, b := range src {\n\t\tif 'a' <= b && b <= 'z' {\n\t\t\tb -= 32\n\t\t}\n\t\tdst[i] = b\n\t}\n"
        "\treturn len(src), len(src), nil\n}\n"
        's, n, err := transform.String(upper{}, "gophers")\n'
        "fmt.Println(s, n, err)\n"
        'composed := norm.NFC.String("e\\u0301")\n'
        "fmt.Println(len(composed), norm.NFC.IsNormalString(composed), norm.Version != \"\", transform.ErrShortDst)", timeout=SLOW)
    assert r.stdout == "GOPHERS 7 <nil>\n2 true true transform: short destination buffer\n", r
    keeps(kernel)


def test_unknown_module_is_a_clear_error(kernel):
    kernel.ok("kept := 41")
    r = kernel.run('import "golang.org/x/this-module-does-not-exist/pkg"', timeout=SLOW)
    assert r.status == "error", r
    text = r.error_text
    assert "cannot import golang.org/x/this-module-does-not-exist/pkg" in text and "no module provides it" in text, text
    assert "module proxy" in text, text
    r = kernel.run("%go get golang.org/x/this-module-does-not-exist@v1.0.0", timeout=SLOW)
    assert r.status == "error" and "go get golang.org/x/this-module-does-not-exist@v1.0.0 failed" in r.error_text, r
    keeps(kernel)
    assert kernel.ok("kept + 1").result == "42"


def test_local_module_cache_without_proxy(kernel):
    # With GOPROXY=off, a module that test_errgroup downloaded comes from the
    # local module cache; another one gets a clear error.
    kernel.ok('import "golang.org/x/sync/errgroup"', timeout=SLOW)
    old = os.environ.get("GOPROXY")
    os.environ["GOPROXY"] = "off"
    try:
        k = Kernel()
    finally:
        if old is None:
            del os.environ["GOPROXY"]
        else:
            os.environ["GOPROXY"] = old
    try:
        k.ok("kept := 41")
        r = k.ok('import "golang.org/x/sync/errgroup"\nvar g errgroup.Group\ng.Go(func() error { return nil })\ng.Wait()', timeout=SLOW)
        assert r.result == "<nil>", r
        r = k.run('import "golang.org/x/this-module-does-not-exist/pkg"', timeout=SLOW)
        assert r.status == "error" and "GOPROXY=off forbids downloading it" in r.error_text, r.error_text
        keeps(k)
    finally:
        k.shutdown()


def test_generic_functions_are_instantiated(kernel):
    # Generic functions of a module are compiled for the type arguments the
    # checker found; the cells' own types cannot be named by a plugin.
    kernel.ok("kept := 41")
    kernel.ok('import (\n\t"golang.org/x/exp/maps"\n\t"golang.org/x/exp/slices"\n)', timeout=SLOW)
    assert kernel.ok("slices.Index([]int{1, 2}, 2)", timeout=SLOW).result == "1"
    r = kernel.ok('words := []string{"go", "has", "generics"}\nslices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })\nwords', timeout=SLOW)
    assert r.result == '[]string{"generics", "has", "go"}' or r.result == "[generics has go]", r
    r = kernel.ok('keys := maps.Keys(map[string]time.Duration{"a": time.Second})\nfmt.Println(keys, slices.Max([]time.Duration{1, 3, 2}))', timeout=SLOW)
    assert r.stdout == "[a] 3ns\n", r
    r = kernel.run("type P struct{ X int }\nslices.Index([]P{{1}}, P{1})")
    assert r.status == "error", r
    assert "cannot instantiate slices.Index[[]P, P] (P is a type of the cells)" in r.error_text, r.error_text
    keeps(kernel)


def test_go_get_older_version(fresh_kernel):
    k = fresh_kernel
    k.ok("kept := 41")
    r = k.ok("%go get golang.org/x/sync@v0.19.0", timeout=SLOW)
    assert "golang.org/x/sync v0.19.0" in r.stdout, r
    assert "golang.org/x/sync v0.19.0" in k.ok("%go list").stdout
    # v0.19.0's NewWeighted accepts a negative size (later versions panic).
    r = k.ok('import "golang.org/x/sync/semaphore"\nsemaphore.NewWeighted(-1) != nil', timeout=SLOW)
    assert r.result == "true", r
    keeps(k)
    # Upgrading a loaded module says it takes a restart.
    r = k.ok("%go get golang.org/x/sync@v0.25.0", timeout=SLOW)
    assert "golang.org/x/sync/semaphore stays at v0.19.0 in this worker" in r.stdout, r
    assert k.ok("semaphore.NewWeighted(-1) != nil").result == "true"
    keeps(k)
    # The restarted kernel (same connection file, same session module) has it.
    k.km.restart_kernel(now=True)
    k.kc.wait_for_ready(timeout=60)
    assert "golang.org/x/sync v0.25.0" in k.ok("%go list").stdout
    r = k.run('import "golang.org/x/sync/semaphore"\nsemaphore.NewWeighted(-1)', timeout=SLOW)
    assert r.status == "error" and "semaphore: size < 0" in r.error_text, r


def test_without_cgo_imports_say_why(jupyter_data_dir, tmp_path):
    env = dict(os.environ, CGO_ENABLED="0")
    subprocess.run(["go", "build", "-o", str(tmp_path) + "/", ".", "./cmd/gokernel-worker"], cwd=ROOT, env=env, check=True)
    spec = os.path.join(jupyter_data_dir, "kernels", "gokernel-nocgo-modules")
    os.makedirs(spec, exist_ok=True)
    with open(os.path.join(jupyter_data_dir, "kernels", "gokernel", "kernel.json")) as f:
        kj = json.load(f)
    kj["argv"][0] = str(tmp_path / "gokernel")
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump(kj, f)
    k = _NamedKernel("gokernel-nocgo-modules")
    try:
        k.ok("kept := 41")
        r = k.run('import "golang.org/x/sync/errgroup"')
        assert r.status == "error", r
        assert "Go plugins are unavailable" in r.error_text and "CGO_ENABLED=0" in r.error_text, r.error_text
        keeps(k)
    finally:
        k.shutdown()

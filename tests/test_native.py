"""The native tier (issue 13, part one): functions that the type checker
proves self-contained are compiled into Go plugins in the background after
their cell runs and swapped in behind the redefinition mechanism."""

import json
import os
import re
import subprocess
import time

import pytest
from jupyter_client.manager import KernelManager

from conftest import ROOT, Kernel

FIB = "func fib(n int) int {\n\tif n < 2 {\n\t\treturn n\n\t}\n\treturn fib(n-1) + fib(n-2)\n}"
TIME_FIB = 'start := time.Now()\nr := fib(27)\nfmt.Println(r, time.Since(start).Seconds())'


def native_status(kernel):
    return kernel.ok("%native").stdout


def wait_compiled(kernel, name, timeout=180):
    """Waits until %native lists name as compiled; skips where plugins are impossible."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        st = native_status(kernel)
        if "unavailable" in st:
            pytest.skip(st)
        compiled = st.split("\ninterpreted")[0].split("\nbuilding")[0]
        if re.search(r"^\s+%s\s" % re.escape(name), compiled, re.M) and "\ncompiled" in compiled:
            return st
        assert not re.search(r"^\s+%s: " % re.escape(name), st, re.M), st
        time.sleep(0.1)
    pytest.fail("%s was not compiled:\n%s" % (name, native_status(kernel)))


def timed_fib(kernel):
    out = kernel.ok(TIME_FIB).stdout.split()
    assert out[0] == "196418", out
    return float(out[1])


def test_tier_up_ratio(kernel):
    kernel.ok("%native off")
    kernel.ok(FIB)
    interpreted = timed_fib(kernel)
    assert "fib: tier-up is off" in native_status(kernel)
    kernel.ok("%native on")
    st = wait_compiled(kernel, "fib")
    compiled = timed_fib(kernel)
    print("fib(27): interpreted %.3f s, compiled %.4f s (%.0fx)\n%s" % (interpreted, compiled, interpreted / compiled, st))
    assert interpreted / compiled > 20, (interpreted, compiled)


def test_define_then_call_waits_for_the_build(kernel):
    # The build cache is warm after the first test: the next cell waits
    # for the build (at most 3 s) and runs compiled.
    kernel.ok(FIB.replace("fib", "fib2"))
    t0 = time.time()
    r = kernel.ok(TIME_FIB.replace("fib", "fib2"))
    cell = time.time() - t0
    took = float(r.stdout.split()[1])
    print("define -> call in the next cell: the call took %.4f s, the cell %.2f s" % (took, cell))
    assert took < 0.05, (took, native_status(kernel))


def test_redefinition_and_earlier_callers(kernel):
    kernel.ok("var calls int\nfunc twice(n int) int { calls++; return 2 * fib(n) }")
    wait_compiled(kernel, "fib")
    assert kernel.ok("twice(10)").result == "110"
    kernel.ok("func fib(n int) int { return n + 100 }")
    assert kernel.ok("twice(1)").result == "202"  # at once, interpreted
    wait_compiled(kernel, "fib")
    assert kernel.ok("fib(1)").result == "101"
    assert kernel.ok("twice(2)").result == "204"  # compiled, from an earlier caller
    assert "twice: uses the session's variable calls" in native_status(kernel)


def test_panic_is_the_same_error(kernel):
    kernel.ok('func boom(n int) int {\n\tif n > 2 {\n\t\tpanic(fmt.Sprintf("too big: %d", n))\n\t}\n\treturn n\n}')
    wait_compiled(kernel, "boom")
    compiled = kernel.run("boom(3)")
    kernel.ok("%native off")
    interpreted = kernel.run("boom(3)")
    kernel.ok("%native on")
    assert compiled.status == interpreted.status == "error"
    strip = lambda e: re.sub(r" \(In \[\d+\], line \d+, column \d+\)$", "", e["evalue"])
    c, i = compiled.errors[0], interpreted.errors[0]
    assert (c["ename"], strip(c)) == (i["ename"], strip(i)) == ("panic", "too big: 3"), (compiled, interpreted)
    assert kernel.ok("1 + 1").result == "2"
    # The panicking compiled call has left: an interrupt ends a cell at once.
    msg_id = kernel.kc.execute("for {}")
    time.sleep(0.5)
    t0 = time.time()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, timeout=30)
    assert reply["content"]["ename"] == "Interrupted" and time.time() - t0 < 2.5, reply
    kernel.drain()


def test_output_of_compiled_code(kernel):
    kernel.ok('func greet(n int) {\n\tfor i := range n {\n\t\tfmt.Println("hello", i)\n\t}\n\tfmt.Printf("%d greetings\\n", n)\n}')
    wait_compiled(kernel, "greet")
    compiled = kernel.ok('fmt.Println("before")\ngreet(2)\nfmt.Println("after")')
    kernel.ok("%native off")
    interpreted = kernel.ok('fmt.Println("before")\ngreet(2)\nfmt.Println("after")')
    kernel.ok("%native on")
    assert compiled.stdout == interpreted.stdout == "before\nhello 0\nhello 1\n2 greetings\nafter\n"


def test_native_lists_reasons(kernel):
    kernel.ok("var total int\nfunc add(n int) { total += n }\nfunc spawn() { go func() {}() }\n"
              "func gen[T any](x T) T { return x }\nfunc napper() { time.Sleep(time.Millisecond) }\n"
              "func useAdd() { add(1) }")
    st = native_status(kernel)
    for line in ["add: uses the session's variable total", "spawn: starts a goroutine",
                 "gen: is generic", "napper: sleeps", "useAdd: calls add, which uses the session's variable total"]:
        assert line in st, st


def test_interrupt_of_a_compiled_endless_loop(kernel):
    # Compiled loops check the worker's interrupt flag: the cell ends as an
    # interpreted one would, with the variables kept.
    k = kernel
    k.ok("func spin(n int) int {\n\tx := 0\n\tfor i := 0; i >= 0; i = (i + n) % 1000 {\n\t\tx += i\n\t}\n\treturn x\n}")
    wait_compiled(k, "spin")
    k.ok("kept := 42")
    msg_id = k.kc.execute("spin(1)")
    time.sleep(1)
    t0 = time.time()
    k.km.interrupt_kernel()
    reply = k.shell_reply(msg_id, timeout=30)
    took = time.time() - t0
    k.drain()
    print("interrupt of a compiled endless loop: %.3f s" % took)
    assert reply["content"]["ename"] == "Interrupted", reply
    assert took < 2
    assert k.ok("kept").result == "42"


def test_an_interrupt_does_not_stop_a_build(kernel):
    # The go build of a plugin is the worker's process, not the cell's.
    k = kernel
    k.ok("func mark%d(n int) int { return n + %d }" % ((int(time.time() * 1000) % 100000,) * 2))
    msg_id = k.kc.execute("time.Sleep(time.Hour)")
    time.sleep(0.1)
    k.km.interrupt_kernel()
    reply = k.shell_reply(msg_id, timeout=30)
    msgs = k.collect(msg_id)
    stderr = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream")
    assert reply["content"]["ename"] == "Interrupted", reply
    assert "stopped" not in stderr, stderr
    st = native_status(k)
    deadline = time.time() + 60
    while "building" in st and time.time() < deadline:
        time.sleep(0.1)
        st = native_status(k)
    assert "did not build" not in st and "killed" not in st, st


class _NamedKernel(Kernel):
    """A Kernel of another kernelspec (a worker built otherwise)."""

    def __init__(self, name):
        self.km = KernelManager(kernel_name=name)
        self.t0 = time.time()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=30)


def test_proc_children_run_the_compiled_functions(kernel):
    """A gokernel/proc child installs the notebook's plugins: a function
    compiled in the notebook runs compiled in the child too (the child is
    timed against an interpreted run of the same call in one run)."""
    cell = ('import "gokernel/proc"\n' + FIB.replace("fib", "pfib") +
            "\nfunc pfibTime(n int) int64 {\n\tt := time.Now()\n\tpfib(n)\n\treturn int64(time.Since(t))\n}")
    kernel.ok("%native off")
    try:
        kernel.ok(cell)
        out = kernel.ok('r, err := proc.Call("pfibTime", 27)\nfmt.Println(r[0], err)').stdout.split()
        assert out[1] == "<nil>", out
        interpreted = int(out[0]) / 1e9
    finally:
        kernel.ok("%native on")
    wait_compiled(kernel, "pfib")
    wait_compiled(kernel, "pfibTime")
    out = kernel.ok('r, err = proc.Call("pfibTime", 27)\nfmt.Println(r[0], err)').stdout.split()
    assert out[1] == "<nil>", out
    compiled = int(out[0]) / 1e9
    print("fib(27) in a proc child: interpreted %.3f s, compiled %.4f s (%.0fx)" % (interpreted, compiled, interpreted / compiled))
    assert interpreted / compiled > 20, (interpreted, compiled)
    # And its results are the same.
    assert kernel.ok('r, err = proc.Call("pfib", 20)\nfmt.Println(r[0], err)').stdout == "6765 <nil>\n"


def test_without_cgo_everything_runs_interpreted(jupyter_data_dir, tmp_path):
    # A worker built with CGO_ENABLED=0 cannot load plugins: the same
    # outputs, interpreted, and %native says why.
    env = dict(os.environ, CGO_ENABLED="0")
    subprocess.run(["go", "build", "-o", str(tmp_path) + "/", ".", "./cmd/gokernel-worker"], cwd=ROOT, env=env, check=True)
    spec = os.path.join(jupyter_data_dir, "kernels", "gokernel-nocgo")
    os.makedirs(spec, exist_ok=True)
    with open(os.path.join(jupyter_data_dir, "kernels", "gokernel", "kernel.json")) as f:
        kj = json.load(f)
    kj["argv"][0] = str(tmp_path / "gokernel")
    with open(os.path.join(spec, "kernel.json"), "w") as f:
        json.dump(kj, f)
    k = _NamedKernel("gokernel-nocgo")
    try:
        k.ok(FIB)
        assert k.ok(TIME_FIB).stdout.split()[0] == "196418"
        st = native_status(k)
        assert "unavailable" in st and "CGO_ENABLED=0" in st and "fib: no plugins here" in st, st
    finally:
        k.shutdown()

"""%%trace through jupyter_client: the picture of what the scheduler did
while a cell ran (package schedtrace, magic/trace.go).

Assertions are on the structure of what is drawn (the SVG's data-*
attributes: data-proc/data-busy per processor row, data-row/data-label per
goroutine row, the summary's figures on the root) and on the summary line
of the text/plain fallback, never on timings, which are printed."""

import re
import time
import xml.etree.ElementTree as ET

from test_subshells import Replies, control, execute

SETUP = '''import "runtime"
import "sync"

func burn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
	}
	return s
}'''

# Two goroutines busy on the CPU, ~0.1 s each (interpreted loop).
TWO = '''%%trace
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); burn(3000000) }()
}
wg.Wait()'''

SUMMARY_RE = re.compile(
    r"wall (?P<wall>\S+ \S+) · CPU (?P<cpu>\S+ \S+) · (?P<busy>\d+\.\d\d) processors busy on average "
    r"\(GOMAXPROCS (?P<procs>\d+)\) · (?P<started>[\d,]+) goroutines? started · at most (?P<max>\d+) running at once · GC ")
STATS_RE = re.compile(r"\(trace: (?P<kb>[\d.]+) KB, (?P<events>[\d,]+) events, read in (?P<read>\S+), drawn in (?P<draw>\S+)\)")


def picture(r):
    """The SVG and text of the cell's %%trace display."""
    shown = [m["content"]["data"] for m in r.displays if "image/svg+xml" in m["content"].get("data", {})]
    assert len(shown) == 1, r
    return shown[0]["image/svg+xml"], shown[0]["text/plain"]


def parse(svg):
    """The root's attributes, the processor rows (id, busy fraction) and
    the goroutine rows' attributes."""
    root = ET.fromstring(svg)
    groups = [g for g in root.iter() if g.tag.endswith("}g")]
    procs = [(int(g.get("data-proc")), float(g.get("data-busy"))) for g in groups if g.get("data-proc") is not None]
    rows = [dict(g.attrib) for g in groups if g.get("data-row") is not None]
    return root.attrib, procs, rows


def seconds(s):
    """A Go duration ("20.6ms", "257µs", "1.2s") in seconds."""
    m = re.fullmatch(r"([\d.]+)(ns|µs|ms|s)", s)
    assert m, s
    return float(m.group(1)) * {"ns": 1e-9, "µs": 1e-6, "ms": 1e-3, "s": 1}[m.group(2)]


def test_one_core_and_two(kernel):
    """Interpreted: the native tier is off, so burn's loop is the
    interpreter's (~0.1 s per goroutine)."""
    kernel.ok("%native off")
    try:
        kernel.ok(SETUP)
        one_core_and_two(kernel, TWO)
    finally:
        kernel.ok("%native on")


def test_one_core_and_two_compiled(kernel):
    """Compiled: the same picture when burn runs as native code (a loop
    100 times longer, about as long compiled)."""
    from test_native import wait_compiled
    kernel.ok(SETUP.replace("burn", "burnNative"))
    kernel.ok("burnNative(1)")
    wait_compiled(kernel, "burnNative")
    one_core_and_two(kernel, TWO.replace("burn(3000000)", "burnNative(300000000)"))


def one_core_and_two(kernel, cell):
    """Runs cell (two CPU-bound goroutines under %%trace) on one core and on
    two and checks the picture: one busy processor row, then two."""
    before = kernel.ok("runtime.GOMAXPROCS(0)").result
    try:
        for procs in (1, 2):
            kernel.ok("runtime.GOMAXPROCS(%d)" % procs)
            r = kernel.ok(cell)
            svg, text = picture(r)
            attrs, prows, rows = parse(svg)
            busy = [p for p, b in prows if b > 0.5]
            print("\n    GOMAXPROCS %d: processors %s; %s" % (procs, prows, text.splitlines()[1]))
            # One busy processor row on one core, two on two.
            assert len(busy) == procs and len(prows) == procs, (procs, prows)
            assert attrs["data-goroutines"] == "2" and attrs["data-max-running"] == str(procs), attrs
            assert attrs["data-gomaxprocs"] == str(procs), attrs
            # Busy: about procs; on two, more than one core's worth (other work
            # on a 2-core machine takes a share: 1.59 was seen in CI).
            assert (0.8 if procs == 1 else 1.3) <= float(attrs["data-busy"]) <= procs + 0.05, attrs
            # The summary line says the same.
            m = SUMMARY_RE.search(text)
            assert m, text
            assert m["procs"] == str(procs) and m["started"] == "2" and m["max"] == str(procs), text
            assert abs(float(m["busy"]) - float(attrs["data-busy"])) < 0.01, (text, attrs)
            # CPU ≈ busy × wall.
            wall, cpu = int(attrs["data-wall-ns"]), int(attrs["data-cpu-ns"])
            assert cpu > 0.05e9 and abs(cpu - float(attrs["data-busy"]) * wall) < 0.02 * cpu, attrs
            # Rows: the cell's main goroutine and the two it started, labelled by their line.
            assert [row["data-label"] for row in rows] == ["main"] + ["In [%d], line 5" % r.reply["execution_count"]] * 2, rows
            if procs == 1:  # on one core they took turns: each waited for it
                assert "runnable" in text.splitlines()[-2], text
    finally:
        kernel.ok("runtime.GOMAXPROCS(%s)" % before)


def test_only_the_cells_goroutines(kernel):
    """A goroutine an earlier cell left running, the interpreter's and the
    kernel's never get a row."""
    kernel.ok('stopTicking := make(chan bool)\n'
              'go func() {\n\tt := time.NewTicker(time.Millisecond)\n\tfor {\n\t\tselect {\n'
              '\t\tcase <-t.C:\n\t\tcase <-stopTicking:\n\t\t\treturn\n\t\t}\n\t}\n}()')
    try:
        r = kernel.ok('%%trace\ndone := make(chan bool)\ngo func() { time.Sleep(20 * time.Millisecond); done <- true }()\n<-done\nfmt.Println("done")')
        assert r.stdout == "done\n"
        svg, text = picture(r)
        attrs, prows, rows = parse(svg)
        n = r.reply["execution_count"]
        assert [row["data-label"] for row in rows] == ["main", "In [%d], line 3" % n], rows
        assert attrs["data-goroutines"] == "1", attrs
        assert "sleep" in text and "channel" in text, text  # the goroutine slept, main waited on the channel
    finally:
        kernel.ok("close(stopTicking)")


def test_ten_thousand_goroutines(kernel):
    kernel.ok('import "sync"')
    cell = ('var wg sync.WaitGroup\nfor i := 0; i < 10000; i++ {\n\twg.Add(1)\n'
            '\tgo func() { defer wg.Done(); time.Sleep(time.Millisecond) }()\n}\nwg.Wait()')
    t0 = time.time()
    kernel.ok(cell)
    plain = time.time() - t0
    t0 = time.time()
    r = kernel.ok("%%trace\n" + cell, timeout=120)
    traced = time.time() - t0
    svg, text = picture(r)
    attrs, prows, rows = parse(svg)
    stats = STATS_RE.search(text)
    assert stats, text
    took = seconds(stats["read"]) + seconds(stats["draw"])
    print("\n    10,000 goroutines: %s events (%s KB of trace) read in %s, drawn in %s; picture %d KB; "
          "cell %.2f s, under %%%%trace %.2f s" % (stats["events"], stats["kb"], stats["read"], stats["draw"],
                                                 len(svg) // 1000, plain, traced))
    assert attrs["data-goroutines"] == "10000", attrs
    # One row for the main goroutines (one per part of the cell), one for the 10,000 started by line 5.
    assert [(row["data-label"].split(", ")[-1], row["data-count"]) for row in rows][1:] == [("line 5", "10000")], rows
    assert rows[0]["data-label"] == "main", rows
    assert "10,000 × line 5" in svg and "10,000 goroutines started" in text
    assert len(svg) < 400_000
    assert took < 5, "reading and drawing the trace of 10,000 goroutines took %.2f s" % took


def test_procs_option_and_help(kernel):
    kernel.ok(SETUP)
    r = kernel.ok('%%trace -procs\nvar wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); burn(100000) }()\nwg.Wait()')
    svg, _ = picture(r)
    attrs, prows, rows = parse(svg)
    assert prows and not rows, (prows, rows)
    r = kernel.run("%%trace -rows\nx := 1")
    assert r.status == "error" and "%%trace: flag needs an argument" in r.errors[0]["evalue"], r
    out = kernel.ok("%help").stdout
    assert re.search(r"^  %%trace \[-procs \| -goroutines\] \[-rows N\] .*processor", out, re.M), out


def test_errors_in_the_traced_cell(kernel):
    r = kernel.run('%%trace\nfmt.Println("before")\ngo func() {}()\npanic("boom")')
    assert r.status == "error" and r.errors[0]["evalue"].startswith("boom"), r
    assert r.stdout == "before\n"
    svg, _ = picture(r)  # the picture of what ran, then the error
    assert r.types.index("display_data") < r.types.index("error"), r.types
    r = kernel.run("%%trace\nundefinedThing()")
    assert r.status == "error" and "undefined: undefinedThing" in r.errors[0]["evalue"], r
    assert not r.displays, "no picture of a cell that did not compile"
    # The next trace runs.
    r = kernel.ok("%%trace\nx := 2\nx * 21")
    assert r.result == "42"
    picture(r)


def test_a_second_trace_is_refused(kernel):
    """Kernel subshells run cells at once; the worker records one trace at a time."""
    sub = control(kernel, "create_subshell_request")["subshell_id"]
    try:
        rep = Replies(kernel)
        first = execute(kernel, '%%trace\ntime.Sleep(2 * time.Second)\n"first"')
        rep.pump(lambda: any(m["parent_header"].get("msg_id") == first and m["msg_type"] == "execute_input"
                             for _, m in rep.iopub))
        time.sleep(0.5)
        second = execute(kernel, '%%trace\n"second"', subshell_id=sub)
        rep.pump(lambda: rep.done(second), timeout=10)
        reply = rep.reply(second)
        assert reply["status"] == "error" and reply["ename"] == "MagicError", reply
        assert "another cell is being traced" in reply["evalue"], reply
        assert not rep.done(first), "the first trace was still running"
        rep.pump(lambda: rep.done(first), timeout=30)
        assert rep.reply(first)["status"] == "ok"
        shown = [m for _, m in rep.iopub if m["parent_header"].get("msg_id") == first and m["msg_type"] == "display_data"]
        assert len(shown) == 1 and "image/svg+xml" in shown[0]["content"]["data"]
    finally:
        control(kernel, "delete_subshell_request", {"subshell_id": sub})

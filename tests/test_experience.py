"""Notebook experience: rich display, magics, and nbconvert HTML, end to end
through jupyter_client and nbconvert."""

import base64
import json
import os
import re
import subprocess
import tempfile
import time

import nbformat


def test_display_mime_types(kernel):
    r = kernel.ok('''import "gokernel/display"
display.HTML("<b>bold</b>")
display.Markdown("# Title")
display.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`)
display.JSON(map[string]int{"a": 1})
display.Text("plain")
display.PNG([]byte("\\x89PNG fake"))
img := image.NewRGBA(image.Rect(0, 0, 4, 4))
display.Image(img)
display.JPEG([]byte("\\xff\\xd8\\xff fake"))
display.Display(display.MIMEBundle{"text/latex": "$x^2$", "text/plain": "x^2"})''')
    kinds = [d["content"]["data"] for d in r.displays]
    assert [sorted(k) for k in kinds] == [
        ["text/html", "text/plain"], ["text/markdown", "text/plain"], ["image/svg+xml", "text/html", "text/plain"],
        ["application/json", "text/plain"], ["text/plain"], ["image/png", "text/plain"], ["image/png", "text/plain"],
        ["image/jpeg", "text/plain"], ["text/latex", "text/plain"]]
    assert kinds[0]["text/html"] == "<b>bold</b>"
    svg = kinds[2]["image/svg+xml"]  # and an <img> of it, for nbconvert's HTML export
    assert kinds[2]["text/html"] == '<img src="data:image/svg+xml;base64,%s" width="10" height="10" alt="&lt;SVG image 10×10&gt;">' % (
        base64.b64encode(svg.encode()).decode())
    assert kinds[3]["application/json"] == {"a": 1}
    png = base64.b64decode(kinds[6]["image/png"])
    assert png.startswith(b"\x89PNG")


def test_display_order_with_prints(kernel):
    r = kernel.ok('fmt.Println("before")\ndisplay.HTML("<i>middle</i>")\nfmt.Println("after")')
    seq = [(m["msg_type"], m["content"].get("text") or "html") for m in r.msgs if m["msg_type"] in ("stream", "display_data")]
    assert seq == [("stream", "before\n"), ("display_data", "html"), ("stream", "after\n")]


def test_updatable_display_and_clear(kernel):
    r = kernel.ok('h := display.New(display.MIMEBundle{"text/plain": "v1"})\nh.Update(display.MIMEBundle{"text/plain": "v2"})\ndisplay.Clear(true)')
    first, update, clear = r.displays
    assert first["msg_type"] == "display_data" and update["msg_type"] == "update_display_data"
    did = first["content"]["transient"]["display_id"]
    assert did and update["content"]["transient"]["display_id"] == did
    assert update["content"]["data"]["text/plain"] == "v2"
    assert clear["msg_type"] == "clear_output" and clear["content"]["wait"] is True


def test_progress_bar_updates(kernel):
    r = kernel.ok('p := display.NewProgress(50, "work")\nfor i := 0; i < 50; i++ { time.Sleep(4 * time.Millisecond); p.Add(1) }\np.Done()')
    assert r.displays[0]["msg_type"] == "display_data"
    updates = [d for d in r.displays if d["msg_type"] == "update_display_data"]
    assert 1 <= len(updates) <= 12
    assert "50/50" in updates[-1]["content"]["data"]["text/plain"]


def test_rich_out_value(kernel):
    kernel.ok('type Badge string\nfunc (b Badge) HTML() string { return "<span class=badge>" + string(b) + "</span>" }')
    r = kernel.ok('Badge("go")')
    data = r.results[0]["data"]
    assert data["text/html"] == "<span class=badge>go</span>"
    assert "text/plain" in data


def test_timeline_chart(kernel):
    r = kernel.ok('''tl := display.NewTimeline("two workers")
var wg sync.WaitGroup
for _, w := range []string{"A", "B"} {
	wg.Add(1)
	go func() {
		defer wg.Done()
		end := tl.Begin(w, "sleep")
		time.Sleep(50 * time.Millisecond)
		end()
	}()
}
wg.Wait()
tl.Show()''')
    svg = r.displays[-1]["content"]["data"]["image/svg+xml"]
    assert svg.startswith("<svg") and ">A<" in svg and ">B<" in svg and "two workers" in svg
    assert "<script" not in svg


def test_time_magics(kernel):
    r = kernel.ok("%time x := 40 + 2")
    assert re.search(r"CPU times: user .+, sys .+, total .+\nWall time: .+", r.stdout), r.stdout
    assert kernel.ok("x").result == "42"
    r = kernel.ok('%%time\nfmt.Println("in cell")\ntime.Sleep(50 * time.Millisecond)\n"value"')
    assert r.stdout.startswith("in cell\nCPU times:")
    wall = re.search(r"Wall time: ([\d.]+) (ms|s)", r.stdout)
    assert wall and (wall.group(2) == "s" or float(wall.group(1)) >= 50)
    assert r.result == '"value"'
    r = kernel.ok('%timeit -r 3 strings.Repeat("ab", 3)')
    assert re.match(r"[\d.]+ (ns|µs|ms) ± [\d.]+ (ns|µs|ms|s) per loop \(mean ± std\. dev\. of 3 runs, \d+ loops each\)", r.stdout), r.stdout
    r = kernel.ok("%%timeit -n 2 -r 2\ntime.Sleep(10 * time.Millisecond)")
    assert "of 2 runs, 2 loops each" in r.stdout


def test_compile_magic(kernel):
    r = kernel.ok('%%compile\npackage main\n\nimport "fmt"\n\nfunc fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }\n\nfunc main() { fmt.Println("fib(27) =", fib(27)) }', timeout=180)
    assert r.stdout == "fib(27) = 196418\n"
    r = kernel.run("%%compile\npackage main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}", timeout=180)
    assert r.status == "error" and "all goroutines are asleep - deadlock!" in r.error_text
    r = kernel.run("%%compile\npackage main\nfunc main() { undefined() }", timeout=180)
    assert r.status == "error" and "line 2" in r.error_text and "undefined" in r.error_text
    # standard packages are imported as in interpreted cells; error lines stay the cell's
    r = kernel.ok('%%compile\nfunc main() { fmt.Println(strings.Repeat("ab", 2), time.Duration(1500)*time.Millisecond) }', timeout=180)
    assert r.stdout == "abab 1.5s\n"
    r = kernel.run('%%compile\nfunc main() {\n\tfmt.Println(1)\n\tnope()\n}', timeout=180)
    assert r.status == "error" and "line 3" in r.error_text and "undefined: nope" in r.error_text


def test_compile_race_detector(kernel):
    code = ("%%compile -race\npackage main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tn := 0\n\tvar wg sync.WaitGroup\n"
            "\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() { defer wg.Done(); n++ }()\n\t}\n\twg.Wait()\n\tfmt.Println(n)\n}")
    r = kernel.run(code, timeout=300)
    assert "WARNING: DATA RACE" in r.stderr
    assert r.status == "error" and "exit status 66" in r.error_text


def test_compile_interrupt(kernel):
    msg_id = kernel.kc.execute('%%compile\npackage main\nimport "time"\nfunc main() { time.Sleep(time.Hour) }')
    time.sleep(6)  # a first build can take a few seconds
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, timeout=120)["content"]
    assert reply["status"] == "error" and "nterrupt" in reply["ename"] + reply["evalue"]


def test_shell_and_env_magics(kernel):
    r = kernel.ok('!for i in 1 2 3; do echo line $i; done\n%env GK_TEST=hello\nfmt.Println(os.Getenv("GK_TEST"))')
    assert r.stdout == "line 1\nline 2\nline 3\nenv: GK_TEST=hello\nhello\n"
    d = tempfile.mkdtemp()
    r = kernel.ok("%cd " + d)
    assert r.stdout.strip() == os.path.realpath(d) or r.stdout.strip() == d
    assert kernel.ok("wd, _ := os.Getwd()\nwd").result.strip('"') in (d, os.path.realpath(d))


def test_who_reset_help_version(kernel):
    kernel.ok("whoVar := 3\nfunc whoFunc(a int) string { return \"\" }")
    r = kernel.ok("%who")
    assert re.search(r"whoVar\s+var\s+int", r.stdout) and re.search(r"whoFunc\s+func\s+func\(a int\) string", r.stdout)
    r = kernel.ok("%help")
    for m in ["%time", "%%timeit", "%%compile", "%reset", "!COMMAND"]:
        assert m in r.stdout
    r = kernel.ok("%version")
    assert "gokernel" in r.stdout and "yaegi v0.16.1" in r.stdout
    kernel.ok("%reset")
    assert kernel.run("whoVar").status == "error"
    r = kernel.run("%nosuchmagic")
    assert r.status == "error" and "%help" in r.error_text


def test_nbconvert_html_shows_display_timeline_and_time(gokernel_bin):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A Go notebook"),
        nbformat.v4.new_code_cell('import "gokernel/display"\ndisplay.HTML("<b id=\\"bold-marker\\">rich</b>")'),
        nbformat.v4.new_code_cell('%%time\ntl := display.NewTimeline("sleepers")\nvar wg sync.WaitGroup\nfor i := range 3 {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tend := tl.Begin(fmt.Sprint("g", i), "sleep")\n\t\ttime.Sleep(30 * time.Millisecond)\n\t\tend()\n\t}()\n}\nwg.Wait()\ntl.Show()'),
        nbformat.v4.new_code_cell("6 * 7"),
    ]
    d = tempfile.mkdtemp()
    src = os.path.join(d, "demo.ipynb")
    nbformat.write(nb, src)
    subprocess.run(["jupyter", "nbconvert", "--to", "html", "--execute", src, "--output-dir", d], check=True, capture_output=True)
    html = open(os.path.join(d, "demo.html")).read()
    assert 'id="bold-marker"' in html
    # The timeline is an <img> of the SVG: its alt text is the chart's title line.
    assert 'src="data:image/svg+xml;base64,' in html and re.search(r'alt="sleepers — [\d.]+ \S+ wall', html)
    assert "Wall time:" in html
    assert "42" in html


def _complete(kernel, code, cursor=None):
    msg_id = kernel.kc.complete(code, len(code) if cursor is None else cursor)
    return kernel.shell_reply(msg_id)["content"]


def test_completion(kernel):
    r = _complete(kernel, "fm")
    assert "fmt" in r["matches"] and r["cursor_start"] == 0 and r["cursor_end"] == 2
    r = _complete(kernel, "x := fmt.Pr")
    assert {"Print", "Printf", "Println"} <= set(r["matches"])
    assert r["cursor_start"] == 9 and r["cursor_end"] == 11
    types = {t["text"]: t["type"] for t in r["metadata"]["_jupyter_types_experimental"]}
    assert types["Println"] == "function"
    r = _complete(kernel, "strings.")
    assert {"ToUpper", "Builder", "Split"} <= set(r["matches"]) and len(r["matches"]) > 30
    kernel.ok("var completeMu sync.Mutex\nfunc completeHelper() int { return 1 }\ntype completeT struct{ Field int }\nfunc (completeT) Method() {}\nvar completeV completeT")
    assert "Lock" in _complete(kernel, "completeMu.L")["matches"]
    assert "completeHelper" in _complete(kernel, "completeH")["matches"]
    assert {"Field", "Method"} <= set(_complete(kernel, "completeV.")["matches"])
    # names of the cell being edited, before it ran
    r = _complete(kernel, "func notRunYet() {}\nnotRun")
    assert "notRunYet" in r["matches"]
    assert "func" in _complete(kernel, "fu")["matches"]
    assert {"%time", "%timeit"} <= set(_complete(kernel, "%ti")["matches"])
    # cursor in the middle of a word
    r = _complete(kernel, "fmt.Prinln()", cursor=7)
    assert r["cursor_start"] == 4 and r["cursor_end"] == 10


def test_inspection(kernel):
    msg_id = kernel.kc.inspect("fmt.Println", 6)
    r = kernel.shell_reply(msg_id)["content"]
    assert r["found"] is True
    assert "func Println(a ...any) (n int, err error)" in r["data"]["text/plain"]
    assert "Println formats using the default formats" in r["data"]["text/plain"]
    assert "```go" in r["data"]["text/markdown"]
    kernel.ok("func inspectMe(n int) string { return \"\" }\ninspectVar := 42")
    r = kernel.shell_reply(kernel.kc.inspect("inspectMe", 3))["content"]
    assert r["found"] and "func inspectMe(n int) string" in r["data"]["text/plain"]
    r = kernel.shell_reply(kernel.kc.inspect("inspectVar", 3))["content"]
    assert r["found"] and "int" in r["data"]["text/plain"] and "42" in r["data"]["text/plain"]
    r = kernel.shell_reply(kernel.kc.inspect("noSuchThingAnywhere", 3))["content"]
    assert r["status"] == "ok" and r["found"] is False

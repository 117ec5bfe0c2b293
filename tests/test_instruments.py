"""The teaching instruments through jupyter_client: the deadlock report of
interpreted cells (Go's words, the state and line of every blocked
goroutine, the session alive), its no-false-alarm cases, %goroutines and the
goroutines an interrupt lists (issue 14, parts 1 and 2)."""

import re
import time

import pytest

from conftest import Kernel

DEADLOCK = "all goroutines are asleep - deadlock!"


@pytest.fixture(scope="module")
def k():
    kernel = Kernel()
    kernel.ok("kept := 42")
    yield kernel
    kernel.shutdown()


def plain(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def deadlocked(k, code):
    """Runs code, which must deadlock, in k (whose kept is 42); returns (its error lines,
    seconds, execution count)."""
    r = deadlocked_in(k, code)
    assert k.ok("kept").result == "42"
    return r


def deadlocked_in(k, code):
    """Runs code, which must deadlock; returns (its error lines, seconds, execution count)."""
    t0 = time.time()
    r = k.run(code, timeout=15)
    took = time.time() - t0
    assert r.status == "error", r
    e = r.errors[0]
    assert (e["ename"], e["evalue"]) == ("fatal error", DEADLOCK), e
    tb = [plain(line) for line in e["traceback"]]
    assert tb[0] == "fatal error: " + DEADLOCK, tb
    assert took < 2, "reported after %.2f s" % took
    assert k.ok('"next"').result == '"next"'  # the session survives
    return tb, took, r.reply["execution_count"]


def line_of(tb, state):
    """The report's lines for goroutines in state."""
    return [line for line in tb if line.startswith("goroutine ") and "[%s]" % state in line]


def test_plain_receive(k):
    tb, _, n = deadlocked(k, "ch := make(chan int)\n<-ch")
    [line] = line_of(tb, "chan receive")
    assert "In [%d], line 2: <-ch (the cell)" % n in line, tb


def test_unbuffered_send_without_receiver(k):
    tb, _, n = deadlocked(k, 'fmt.Println("sending")\nout := make(chan string)\nout <- "hello"\nfmt.Println("never")')
    [line] = line_of(tb, "chan send")
    assert 'In [%d], line 3: out <- "hello" (the cell)' % n in line, tb


def test_two_mutexes_in_opposite_order(k):
    code = """var a, b sync.Mutex
var wg sync.WaitGroup
wg.Add(2)
go func() {
	defer wg.Done()
	a.Lock()
	time.Sleep(50 * time.Millisecond)
	b.Lock()
}()
go func() {
	defer wg.Done()
	b.Lock()
	time.Sleep(50 * time.Millisecond)
	a.Lock()
}()
wg.Wait()"""
    tb, _, n = deadlocked(k, code)
    [main] = line_of(tb, "sync.WaitGroup.Wait")
    assert "In [%d], line 16: wg.Wait() (the cell)" % n in main, tb
    locks = line_of(tb, "sync.Mutex.Lock")
    assert len(locks) == 2, tb
    assert any("In [%d], line 8: b.Lock() (started at In [%d], line 4)" % (n, n) in l for l in locks), tb
    assert any("In [%d], line 14: a.Lock() (started at In [%d], line 10)" % (n, n) in l for l in locks), tb


def test_waitgroup_with_a_missing_done(k):
    code = """var wg2 sync.WaitGroup
for i := 0; i < 3; i++ {
	wg2.Add(1)
	go func() {
		if i != 1 {
			defer wg2.Done()
		}
	}()
}
wg2.Wait()"""
    tb, _, n = deadlocked(k, code)
    [line] = line_of(tb, "sync.WaitGroup.Wait")
    assert "In [%d], line 10: wg2.Wait() (the cell)" % n in line, tb


def test_empty_select(k):
    tb, _, n = deadlocked(k, 'fmt.Println("waiting forever")\nselect {}')
    [line] = line_of(tb, "select (no cases)")
    assert "In [%d], line 2: select {} (the cell)" % n in line, tb


def test_worker_ranging_over_a_channel_nobody_closes(k):
    code = """jobs := make(chan int)
results := make(chan int)
go func() {
	for j := range jobs {
		results <- j * j
	}
}()
jobs <- 3
fmt.Println(<-results)
<-results"""
    tb, _, n = deadlocked(k, code)
    assert any("In [%d], line 10: <-results (the cell)" % n in l for l in line_of(tb, "chan receive")), tb
    assert any("In [%d], line 4: for j := range jobs {" % n in l and "started at In [%d], line 3" % n in l
               for l in line_of(tb, "chan receive")), tb


def test_deadlock_inside_a_function(k):
    k.ok("func consume(c chan int) int {\n\ttotal := 0\n\tfor v := range c {\n\t\ttotal += v\n\t}\n\treturn total\n}")
    defined = k.ok("1").reply["execution_count"] - 1
    tb, _, n = deadlocked(k, "nums := make(chan int, 2)\nnums <- 1\nnums <- 2\nconsume(nums)")
    [line] = line_of(tb, "chan receive")
    assert "In [%d], line 3: for v := range c {" % defined in line, tb


def test_after_deadlocks_the_session_works(k):
    r = k.ok("sum := 0\nfor i := range 4 { sum += i }\nfmt.Println(sum, kept)")
    assert r.stdout == "6 42\n"


# --- never reported: every wait below ends after about 3 s ---------------------------------


@pytest.fixture(scope="module")
def calm():
    kernel = Kernel()
    yield kernel
    kernel.shutdown()


def held(k, code, **kw):
    """Runs code, which waits about 3 s, and checks it ended normally."""
    t0 = time.time()
    r = k.run(code, timeout=30, **kw)
    took = time.time() - t0
    assert r.status == "ok", r
    assert DEADLOCK not in r.stdout + r.stderr
    assert took >= 2.9, "ended after %.2f s" % took
    return r


def test_no_alarm_sleeping_goroutine(calm):
    r = held(calm, "done := make(chan bool)\ngo func() {\n\ttime.Sleep(3 * time.Second)\n\tdone <- true\n}()\n<-done")
    assert r.result == "true"


def test_no_alarm_ticker(calm):
    r = held(calm, "t := time.NewTicker(600 * time.Millisecond)\nn := 0\nfor range t.C {\n\tn++\n\tif n == 5 {\n\t\tbreak\n\t}\n}\nt.Stop()\nn")
    assert r.result == "5"


def test_no_alarm_timeouts(calm):
    held(calm, "select {\ncase <-time.After(3 * time.Second):\n}")
    held(calm, "ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)\ndefer cancel()\n<-ctx.Done()")


def test_no_alarm_child_process(calm):
    held(calm, 'exec.Command("sleep", "3").Run()')
    held(calm, 'ended := make(chan error)\ngo func() { ended <- exec.Command("sleep", "3").Run() }()\n<-ended')


def test_no_alarm_notebook_process(calm):
    calm.ok('import "gokernel/proc"\nfunc nap(q *proc.Queue) {\n\ttime.Sleep(3 * time.Second)\n\tq.Put("awake")\n}')
    held(calm, 'q, _ := proc.NewQueue()\np, _ := proc.Start("nap", q)\nfmt.Println(q.Get())\np.Wait()')


def test_no_alarm_stdin(calm):
    msg_id = calm.kc.execute('var answer int\nfmt.Print("answer? ")\nfmt.Scan(&answer)\nanswer', allow_stdin=True)
    m = calm.kc.get_stdin_msg(timeout=10)
    assert m["msg_type"] == "input_request"
    time.sleep(3)
    calm.kc.input("42")
    reply = calm.shell_reply(msg_id)["content"]
    msgs = calm.collect(msg_id)
    assert reply["status"] == "ok", msgs
    assert [x["content"]["data"]["text/plain"] for x in msgs if x["msg_type"] == "execute_result"] == ["42"]


def test_no_alarm_goroutine_of_an_earlier_cell(calm):
    calm.ok("res := make(chan int)\ngo func() {\n\ttime.Sleep(3 * time.Second)\n\tres <- 7\n}()")
    assert held(calm, "<-res").result == "7"


def test_deadlock_reported_once_the_timers_are_done(calm):
    # the ticker above was stopped, the timeouts passed, the processes ended: nothing can wake
    # this cell any more
    tb, _, n = deadlocked_in(calm, "forever := make(chan int)\n<-forever")
    assert "In [%d], line 2: <-forever (the cell)" % n in "\n".join(tb), tb


def test_no_alarm_http_request_to_a_local_server(calm):
    # last: the server's goroutines (waiting for connections) keep any later wait from being reported
    calm.ok('srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n'
            '\ttime.Sleep(3 * time.Second)\n\tfmt.Fprint(w, "slow hello")\n}))')
    r = held(calm, "resp, err := http.Get(srv.URL)\nbody, _ := io.ReadAll(resp.Body)\nstring(body)")
    assert r.result == '"slow hello"'
    r = held(calm, "got := make(chan string)\ngo func() {\n\tr, _ := http.Get(srv.URL)\n\tb, _ := io.ReadAll(r.Body)\n\tgot <- string(b)\n}()\n<-got")
    assert r.result == '"slow hello"'


# --- the inspector ---------------------------------------------------------------------------


def test_goroutines_names_where_a_goroutine_is_blocked(k):
    r = k.ok("stuck := make(chan int)\ngo func() {\n\tfmt.Println(\"waiting\")\n\tv := <-stuck\n\tfmt.Println(v)\n}()")
    n = r.reply["execution_count"]
    time.sleep(0.3)
    r = k.ok("%goroutines")
    [d] = [m["content"]["data"] for m in r.displays if m["msg_type"] == "display_data"]
    text, html = d["text/plain"], d["text/html"]
    row = [l for l in text.splitlines() if "In [%d], line 4: v := <-stuck" % n in l]
    assert row and "chan receive" in row[0] and "In [%d], line 2" % n in row[0], text
    assert "<table>" in html and "In [%d], line 4: <code>v := &lt;-stuck</code>" % n in html, html
    # it is woken by a later cell, and gone from the table
    k.ok("stuck <- 5")
    time.sleep(0.3)
    r = k.ok("%goroutines")
    [d] = [m["content"]["data"] for m in r.displays if m["msg_type"] == "display_data"]
    assert "v := <-stuck" not in d["text/plain"], d["text/plain"]


def test_goroutines_groups_a_leak_into_one_row(k):
    """50 goroutines stuck at the same send are one row "ID (+49)", not 50 rows."""
    r = k.ok("leak := make(chan int)\nfor i := 0; i < 50; i++ {\n\tgo func() {\n\t\tleak <- i\n\t}()\n}")
    n = r.reply["execution_count"]
    time.sleep(0.3)
    r = k.ok("%goroutines")
    [d] = [m["content"]["data"] for m in r.displays if m["msg_type"] == "display_data"]
    rows = [l for l in d["text/plain"].splitlines() if "In [%d], line 4: leak <- i" % n in l]
    assert len(rows) == 1 and "(+49)" in rows[0] and "chan send" in rows[0], d["text/plain"]
    assert "(+N): N more goroutines in the same state" in d["text/plain"]
    k.ok("for i := 0; i < 50; i++ {\n\t<-leak\n}")


def test_interrupt_lists_where_each_goroutine_was(k):
    code = """hold := make(chan int)
var hmu sync.Mutex
hmu.Lock()
go func() {
	hold <- 1
}()
go func() {
	hmu.Lock()
}()
go func() {
	for {
		time.Sleep(300 * time.Millisecond) // rarely caught between two sleeps (runnable)
	}
}()
n := 0
for {
	n++
}"""
    msg_id = k.kc.execute(code)
    time.sleep(1.5)
    k.km.interrupt_kernel()
    reply = k.shell_reply(msg_id, timeout=10)["content"]
    msgs = k.collect(msg_id)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    c = reply["execution_count"]
    [e] = [m["content"] for m in msgs if m["msg_type"] == "error"]
    tb = "\n".join(plain(l) for l in e["traceback"])
    assert "goroutines of the cells when it was interrupted:" in tb, tb
    assert re.search(r"goroutine \d+ \[(running|runnable)\] \(the cell\)", tb), tb
    assert re.search(r"goroutine \d+ \[chan send\] for \d+s: In \[%d\], line 5: hold <- 1 \(started at In \[%d\], line 4\)" % (c, c), tb), tb
    assert re.search(r"goroutine \d+ \[sync.Mutex.Lock\] for \d+s: In \[%d\], line 8: hmu.Lock\(\)" % c, tb), tb
    # the sleeper, asleep; or, on a loaded machine, woken and not yet run
    assert re.search(r"goroutine \d+ \[sleep\] .*In \[%d\], line 12: time.Sleep" % c, tb) or \
        re.search(r"goroutine \d+ \[runnable\] \(started at In \[%d\], line 10\)" % c, tb), tb
    assert k.ok("kept").result == "42"

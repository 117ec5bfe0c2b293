"""The Jupyter messaging protocol, end to end through jupyter_client."""

import json
import os
import queue
import signal
import subprocess
import tempfile
import time

import zmq
from jupyter_client.session import Session

from conftest import Kernel, alive, reply_to


def test_kernel_info(kernel):
    msg_id = kernel.kc.kernel_info()
    reply = kernel.shell_reply(msg_id)["content"]
    assert reply["status"] == "ok"
    assert tuple(int(x) for x in reply["protocol_version"].split(".")) >= (5, 4)
    li = reply["language_info"]
    assert li["name"] == "go"
    assert li["mimetype"] == "text/x-go"
    assert li["file_extension"] == ".go"
    assert li["pygments_lexer"] == "go"
    assert li["codemirror_mode"] == "go"
    assert li["version"][0].isdigit()
    assert "gokernel" in reply["banner"]
    assert reply["help_links"] and all("url" in h for h in reply["help_links"])
    assert reply["implementation"] == "gokernel"


def test_busy_idle_and_execute_input(kernel):
    kernel.drain()
    msg_id = kernel.kc.execute('fmt.Println("hi")')
    kernel.shell_reply(msg_id)
    seen = []
    while True:
        m = kernel.kc.get_iopub_msg(timeout=10)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        seen.append(m["msg_type"] + (":" + m["content"]["execution_state"] if m["msg_type"] == "status" else ""))
        if seen[-1] == "status:idle":
            break
    assert seen[0] == "status:busy"
    assert seen[1] == "execute_input"
    assert "stream" in seen
    # header details
    assert seen[-1] == "status:idle"


def test_header_date_and_ids(kernel):
    msg_id = kernel.kc.kernel_info()
    r = kernel.shell_reply(msg_id)
    h = r["header"]
    # jupyter_client parses dates; the raw string has microseconds
    assert h["msg_id"] and len(h["msg_id"]) == 36
    assert r["parent_header"]["msg_id"] == msg_id
    assert h["version"] >= "5.4"


def test_stream_result_and_error(kernel):
    r = kernel.ok('import "os"\nfmt.Println("out")\nfmt.Fprintln(os.Stderr, "err")\n1 + 2')
    assert r.stdout == "out\n"
    assert r.stderr == "err\n"
    assert r.result == "3"
    assert r.results[0]["execution_count"] == r.reply["execution_count"]
    r = kernel.run("undefinedThing + 1")
    assert r.status == "error"
    assert r.errors and "undefined" in r.errors[0]["evalue"]
    assert r.reply["ename"] == r.errors[0]["ename"]


def test_state_persists_and_count_increments(kernel):
    a = kernel.ok("persist := 41")
    b = kernel.ok("persist + 1")
    assert b.result == "42"
    assert b.reply["execution_count"] == a.reply["execution_count"] + 1


def test_silent_and_store_history(kernel):
    before = kernel.ok("1").reply["execution_count"]
    r = kernel.run('fmt.Println("quiet")\n7', silent=True)
    assert r.status == "ok"
    assert r.msgs == []  # no execute_input, stream or result for a silent cell
    r = kernel.run("8", store_history=False)
    assert r.result == "8"
    after = kernel.ok("9").reply["execution_count"]
    assert after == before + 1


def test_user_expressions(kernel):
    kernel.ok("ue := 6")
    r = kernel.run("ue = ue * 7", user_expressions={"a": "ue", "b": "nope + 1"})
    ue = r.reply["user_expressions"]
    assert ue["a"]["status"] == "ok" and ue["a"]["data"]["text/plain"] == "42"
    assert ue["b"]["status"] == "error"


def test_stdin_input_request(kernel):
    msg_id = kernel.kc.execute('var name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\n"hello " + name', allow_stdin=True)
    m = kernel.kc.get_stdin_msg(timeout=10)
    assert m["msg_type"] == "input_request"
    assert m["parent_header"]["msg_id"] == msg_id
    kernel.kc.input("gopher")
    reply = kernel.shell_reply(msg_id)
    msgs = kernel.collect(msg_id)
    res = [x for x in msgs if x["msg_type"] == "execute_result"]
    assert reply["content"]["status"] == "ok"
    assert res[0]["content"]["data"]["text/plain"] == '"hello gopher"' or res[0]["content"]["data"]["text/plain"] == "hello gopher"


def test_stdin_not_allowed(kernel):
    r = kernel.run('var n2 int\n_, err := fmt.Scanln(&n2)\nerr', allow_stdin=False)
    assert "allow_stdin" in r.stderr + str(r.result) + r.error_text


def test_stop_on_error_aborts_queue(kernel):
    kc = kernel.kc
    a = kc.execute('panic("first fails")')
    b = kc.execute('fmt.Println("never runs")')
    c = kc.execute('fmt.Println("never runs either")')
    replies = {}
    while len(replies) < 3:
        r = kc.get_shell_msg(timeout=20)
        replies[r["parent_header"]["msg_id"]] = r["content"]["status"]
    assert replies[a] == "error"
    assert replies[b] == "aborted"
    assert replies[c] == "aborted"
    # stop_on_error=False keeps the queue
    a = kc.execute('panic("fails again")', stop_on_error=False)
    b = kc.execute("40 + 2")
    replies = {}
    while len(replies) < 2:
        r = kc.get_shell_msg(timeout=20)
        replies[r["parent_header"]["msg_id"]] = r["content"]["status"]
    assert replies == {a: "error", b: "ok"}


def test_complete_inspect_reply_shapes(kernel):
    msg_id = kernel.kc.complete("fmt.Pr", 6)
    r = kernel.shell_reply(msg_id)["content"]
    assert r["status"] == "ok"
    assert {"matches", "cursor_start", "cursor_end", "metadata"} <= set(r)
    msg_id = kernel.kc.inspect("fmt.Println", 5)
    r = kernel.shell_reply(msg_id)["content"]
    assert r["status"] == "ok" and "found" in r and "data" in r


def test_is_complete(kernel):
    def status(code):
        msg_id = kernel.kc.is_complete(code)
        return kernel.shell_reply(msg_id)["content"]

    assert status("x := 1")["status"] == "complete"
    r = status("func f() {")
    assert r["status"] == "incomplete" and r["indent"] != ""
    assert status("for i := 0; i < 3; i++ {\n  fmt.Println(i)")["status"] == "incomplete"
    assert status("x := )")["status"] == "invalid"


def test_history(kernel):
    kernel.ok("hist1 := 1")
    kernel.ok("hist2 := 2")
    msg_id = kernel.kc.history(hist_access_type="tail", n=2, output=False, raw=True)
    h = kernel.shell_reply(msg_id)["content"]["history"]
    assert [x[2] for x in h] == ["hist1 := 1", "hist2 := 2"]
    line = h[0][1]
    msg_id = kernel.kc.history(hist_access_type="range", session=0, start=line, stop=line + 1, output=False, raw=True)
    h = kernel.shell_reply(msg_id)["content"]["history"]
    assert [x[2] for x in h] == ["hist1 := 1"]
    msg_id = kernel.kc.history(hist_access_type="search", pattern="hist2*", output=False, raw=True)
    h = kernel.shell_reply(msg_id)["content"]["history"]
    assert [x[2] for x in h] == ["hist2 := 2"]


def test_comms(kernel):
    msg_id = kernel.kc.comm_info()
    r = kernel.shell_reply(msg_id)["content"]
    assert r["status"] == "ok" and r["comms"] == {}
    kernel.drain()
    msg = kernel.kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "nothing.here", "data": {}})
    kernel.kc.shell_channel.send(msg)
    closed = None
    deadline = time.time() + 10
    while time.time() < deadline and not closed:
        m = kernel.kc.get_iopub_msg(timeout=10)
        if m["msg_type"] == "comm_close":
            closed = m
    assert closed and closed["content"]["comm_id"] == "c1"


def test_unknown_request_gets_reply(kernel):
    msg = kernel.kc.session.msg("frobnicate_request", {})
    kernel.kc.shell_channel.send(msg)
    r = kernel.shell_reply(msg["header"]["msg_id"])
    assert r["msg_type"] == "frobnicate_reply"
    assert r["content"]["status"] == "error"
    assert kernel.ok("1 + 1").result == "2"


def test_control_kernel_info_while_running(kernel):
    kc = kernel.kc
    msg_id = kc.execute('time.Sleep(1500 * time.Millisecond)\n"slept"')
    time.sleep(0.3)
    t = time.time()
    ctl = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(ctl)
    r = kc.get_control_msg(timeout=5)
    assert r["msg_type"] == "kernel_info_reply"
    assert time.time() - t < 0.5
    assert kernel.shell_reply(msg_id)["content"]["status"] == "ok"


def test_heartbeat_while_cell_runs(kernel):
    ctx = zmq.Context.instance()
    hb = ctx.socket(zmq.REQ)
    hb.linger = 0
    hb.connect("tcp://%s:%d" % (kernel.km.ip, kernel.km.hb_port))
    msg_id = kernel.kc.execute("for {}")
    time.sleep(0.3)
    times = []
    for _ in range(5):
        t = time.time()
        hb.send(b"ping")
        assert hb.poll(1000), "heartbeat not answered while a cell runs"
        assert hb.recv() == b"ping"
        times.append(time.time() - t)
    hb.close()
    kernel.km.interrupt_kernel()
    assert kernel.shell_reply(msg_id)["content"]["status"] == "error"
    assert max(times) < 0.2


def _interrupt_after(kernel, code, delay=0.5):
    msg_id = kernel.kc.execute(code)
    time.sleep(delay)
    t = time.time()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, timeout=10)
    elapsed = time.time() - t
    msgs = kernel.collect(msg_id)
    return reply["content"], elapsed, msgs


def test_interrupts_keep_state(kernel):
    kernel.ok("keep := 1234\nch := make(chan int)")
    # waits that a sleeping goroutine could end (alone, <-ch and select {} are deadlocks,
    # which the kernel reports by itself: tests/test_instruments.py)
    for code in ["for {}", "time.Sleep(time.Hour)", "go func() { time.Sleep(time.Hour); ch <- 1 }()\n<-ch",
                 "go func() { time.Sleep(time.Hour) }()\nselect {}"]:
        reply, elapsed, msgs = _interrupt_after(kernel, code)
        assert reply["status"] == "error", code
        assert "nterrupt" in reply["ename"] + reply["evalue"], reply
        assert elapsed < 1.0, (code, elapsed)
        assert kernel.ok("keep").result == "1234"


def test_sigint_to_kernel_interrupts(kernel):
    msg_id = kernel.kc.execute("for {}")
    time.sleep(0.4)
    os.kill(kernel.km.provisioner.process.pid, signal.SIGINT)
    reply = kernel.shell_reply(msg_id, timeout=5)
    assert reply["content"]["status"] == "error"
    assert kernel.ok("2 + 2").result == "4"


def test_stuck_worker_is_replaced_after_interrupt(fresh_kernel):
    k = fresh_kernel
    k.ok("stuck := 1")
    worker = int(k.ok('os.Getpid()').result)
    msg_id = k.kc.execute("for {}")
    time.sleep(0.3)
    os.kill(worker, signal.SIGSTOP)  # a worker that cannot react at all
    t = time.time()
    k.km.interrupt_kernel()
    reply = k.shell_reply(msg_id, timeout=15)["content"]
    elapsed = time.time() - t
    assert reply["status"] == "error"
    text = reply["evalue"] + "\n".join(reply["traceback"])
    assert "interrupt" in text and "reset" in text, text
    assert elapsed < 6
    assert k.ok("1 + 1").result == "2"
    assert k.run("stuck").status == "error"  # state was lost, and the cell said so


def test_bad_signature_dropped(kernel):
    ctx = zmq.Context.instance()
    bad = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    s = ctx.socket(zmq.DEALER)
    s.linger = 0
    s.connect("tcp://%s:%d" % (kernel.km.ip, kernel.km.shell_port))
    msg = bad.msg("execute_request", {"code": 'panic("must never run")', "silent": False})
    bad.send(s, msg)
    # garbage frames, a message with no delimiter, and too few frames
    s.send_multipart([b"garbage"])
    s.send_multipart([b"<IDS|MSG>", b"sig", b"{}"])
    assert not s.poll(500), "kernel answered a message signed with the wrong key"
    s.close()
    r = kernel.ok("3 * 3")
    assert r.result == "9"


def test_panics_and_exits_are_errors(kernel):
    kernel.ok("alive := \"yes\"")
    cases = {
        'panic("boom")': "boom",
        'var mm map[string]int\nmm["a"] = 1': "nil map",
        "os.Exit(3)": "os.Exit(3)",
        'import "log"\nlog.Fatal("fatal!")': "fatal!",
        'import "syscall"\nsyscall.Exit(4)': "Exit(4)",
    }
    for code, want in cases.items():
        r = kernel.run(code)
        assert r.status == "error", (code, r)
        assert want in r.error_text + r.stderr, (code, r)
        assert kernel.ok("alive").result.strip('"') == "yes"


def test_goroutine_panic_is_an_error(kernel):
    kernel.ok('gp := "kept"')
    r = kernel.run('go func() { panic("boom in goroutine") }()\ntime.Sleep(time.Second)')
    assert r.status == "error"
    assert "boom in goroutine" in r.error_text + r.stderr
    assert kernel.ok("gp").result.strip('"') == "kept"


def test_fatal_error_restarts_worker(kernel):
    kernel.ok("before := 1")
    r = kernel.run('m := map[int]int{}\nfor i := 0; i < 4; i++ {\n\tgo func() {\n\t\tfor j := 0; ; j++ { m[j%100] = j }\n\t}()\n}\nselect {}')
    assert r.status == "error"
    assert "concurrent map writes" in r.error_text
    assert "reset" in r.error_text
    assert kernel.ok("1 + 1").result == "2"
    assert kernel.run("before").status == "error"


def test_worker_sigkill_mid_cell(kernel):
    pid = int(kernel.ok("os.Getpid()").result)
    msg_id = kernel.kc.execute("time.Sleep(time.Hour)")
    time.sleep(0.3)
    os.kill(pid, signal.SIGKILL)
    reply = kernel.shell_reply(msg_id, timeout=10)["content"]
    assert reply["status"] == "error"
    assert "reset" in "\n".join(reply["traceback"])
    assert kernel.ok('"back"').result.strip('"') == "back"


def test_os_exec_output_is_captured(kernel):
    r = kernel.ok('import "os/exec"\ncmd := exec.Command("sh", "-c", "echo from child; echo child err >&2")\ncmd.Stdout = os.Stdout\ncmd.Stderr = os.Stderr\ncmd.Run()')
    assert "from child" in r.stdout
    assert "child err" in r.stderr


def test_output_streams_in_real_time(kernel):
    msg_id = kernel.kc.execute('fmt.Println("first")\ntime.Sleep(600 * time.Millisecond)\nfmt.Println("second")')
    sent = time.time()
    msgs = kernel.collect(msg_id)
    kernel.shell_reply(msg_id)
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    first = [m for m in streams if "first" in m["content"]["text"]][0]
    second = [m for m in streams if "second" in m["content"]["text"]][0]
    assert second["received"] - first["received"] > 0.4, "first line was not sent before the sleep"
    assert first["received"] - sent < 0.5


def test_flood_is_coalesced_and_ordered(kernel):
    r = kernel.ok("for i := 0; i < 10000; i++ { fmt.Println(i) }")
    lines = r.stdout.splitlines()
    assert lines == [str(i) for i in range(10000)]
    assert len(r.streams) <= 50, len(r.streams)


def test_stdout_stderr_order(kernel):
    r = kernel.ok('fmt.Println("a")\ntime.Sleep(50*time.Millisecond)\nfmt.Fprintln(os.Stderr, "b")\ntime.Sleep(50*time.Millisecond)\nfmt.Println("c")')
    order = [(s["name"], s["text"]) for s in r.streams]
    assert order == [("stdout", "a\n"), ("stderr", "b\n"), ("stdout", "c\n")]


def test_late_goroutine_output_goes_to_running_cell(kernel):
    kernel.ok('go func() { time.Sleep(400 * time.Millisecond); fmt.Println("late line") }()')
    r = kernel.ok("time.Sleep(800 * time.Millisecond)")
    assert "late line" in r.stdout


def test_status_starting_published_once():
    """A subscriber connected before the kernel starts sees status: starting."""
    from jupyter_client.connect import write_connection_file
    from conftest import _build
    fname, info = write_connection_file(tempfile.mktemp(suffix=".json"))
    ctx = zmq.Context.instance()
    sub = ctx.socket(zmq.SUB)
    sub.linger = 0
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RECONNECT_IVL, 5)
    sub.connect("tcp://127.0.0.1:%d" % info["iopub_port"])
    proc = subprocess.Popen([_build(), "-f", fname], stderr=subprocess.DEVNULL)
    try:
        session = Session(key=info["key"].encode())
        states = []
        deadline = time.time() + 10
        while time.time() < deadline and not states:
            if sub.poll(200):
                idents, msg = session.feed_identities(sub.recv_multipart())
                m = session.deserialize(msg)
                if m["msg_type"] == "status":
                    states.append(m["content"]["execution_state"])
        assert states[:1] == ["starting"]
    finally:
        proc.terminate()
        proc.wait(5)
        sub.close()


def test_ipc_transport_with_stale_socket_files():
    from jupyter_client.manager import KernelManager
    ip = os.path.join(tempfile.mkdtemp(), "kernel-ipc")
    km = KernelManager(kernel_name="gokernel", transport="ipc", ip=ip)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=20)
    proc = km.provisioner.process
    os.kill(proc.pid, signal.SIGKILL)  # the ipc socket files stay behind
    proc.wait()
    kc.stop_channels()
    assert os.path.exists("%s-%d" % (ip, km.shell_port))
    km2 = KernelManager(kernel_name="gokernel", transport="ipc", ip=ip, connection_file=km.connection_file)
    km2.load_connection_file()
    km2.start_kernel()
    kc2 = km2.client()
    kc2.start_channels()
    try:
        kc2.wait_for_ready(timeout=20)
        assert reply_to(kc2, kc2.execute("6 * 7"))["content"]["status"] == "ok"
    finally:
        kc2.stop_channels()
        km2.shutdown_kernel()


def test_restart_then_shutdown_leaves_no_process(fresh_kernel):
    k = fresh_kernel
    k.ok("x := 1")
    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=20)
    assert k.run("x").status == "error"
    assert k.ok("2 + 3").result == "5"
    worker = int(k.ok("os.Getpid()").result)
    child = int(k.ok('import "os/exec"\nsleeper := exec.Command("sleep", "300")\nsleeper.Start()\nsleeper.Process.Pid').result)
    msg_id = k.kc.shutdown()
    r = k.kc.get_control_msg(timeout=10)
    assert r["msg_type"] == "shutdown_reply" and r["content"]["status"] == "ok"
    t = time.time()
    while k.km.is_alive() and time.time() - t < 5:
        time.sleep(0.05)
    assert not k.km.is_alive()
    t = time.time()
    while (alive(worker) or alive(child)) and time.time() - t < 5:
        time.sleep(0.05)
    assert not alive(worker), "worker outlived the kernel"
    assert not alive(child), "a process started by a cell outlived the kernel"


def test_status_starting_never_follows_a_request():
    """A client that asks for kernel_info the moment the kernel binds (as
    jupyter_server does when JupyterLab opens a notebook) sees "starting"
    first and ends on "idle": a late "starting" would leave JupyterLab
    showing a kernel that never became ready."""
    from jupyter_client.connect import write_connection_file
    from conftest import _build
    fname, info = write_connection_file(tempfile.mktemp(suffix=".json"))
    ctx = zmq.Context.instance()
    sub = ctx.socket(zmq.SUB)
    sub.linger = 0
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.RECONNECT_IVL, 5)
    sub.connect("tcp://127.0.0.1:%d" % info["iopub_port"])
    shell = ctx.socket(zmq.DEALER)
    shell.linger = 0
    shell.setsockopt(zmq.RECONNECT_IVL, 5)
    shell.connect("tcp://127.0.0.1:%d" % info["shell_port"])
    session = Session(key=info["key"].encode())
    proc = subprocess.Popen([_build(), "-f", fname], stderr=subprocess.DEVNULL)
    try:
        # The request goes out as soon as iopub answers (iopub_welcome), a
        # few ms after the kernel binds.
        states = []
        assert sub.poll(10000), "iopub sent nothing"
        first = session.deserialize(session.feed_identities(sub.recv_multipart())[1])
        if first["msg_type"] == "status":
            states.append(first["content"]["execution_state"])
        session.send(shell, "kernel_info_request")
        assert shell.poll(10000), "no kernel_info_reply"
        session.recv(shell)
        deadline = time.time() + 1.0  # well past the kernel's 50 ms
        while time.time() < deadline:
            if sub.poll(100):
                idents, msg = session.feed_identities(sub.recv_multipart())
                m = session.deserialize(msg)
                if m["msg_type"] == "status":
                    states.append(m["content"]["execution_state"])
        assert states and states[-1] == "idle", states
        assert "starting" not in states[1:], states
    finally:
        proc.terminate()
        proc.wait(5)
        sub.close()
        shell.close()

"""Protocol 5.5 through jupyter_client: kernel_info's supported_features,
the kernelspec's kernel_protocol_version, iopub_welcome, and kernel
subshells (JEP 91) driven with raw `subshell_id` headers, as JupyterLab 4.6
sends them for its subshell consoles."""

import json
import os
import time

import pytest
import zmq

from conftest import Kernel, read_json


def control(k, msg_type, content=None, timeout=10):
    """Send a request on the control channel and return its reply."""
    msg = k.kc.session.msg(msg_type, content or {})
    k.kc.control_channel.send(msg)
    deadline = time.time() + timeout
    while True:
        r = k.kc.get_control_msg(timeout=max(0.01, deadline - time.time()))
        if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return r["content"]


def shell_send(k, msg_type, content, subshell_id=None, raw_id=False):
    """Send a shell request, with subshell_id in its header when given;
    return its msg_id."""
    msg = k.kc.session.msg(msg_type, content)
    if subshell_id is not None or raw_id:
        msg["header"]["subshell_id"] = subshell_id
    k.kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def execute(k, code, subshell_id=None, stop_on_error=True):
    return shell_send(k, "execute_request", {
        "code": code, "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": stop_on_error}, subshell_id)


class Replies:
    """Shell replies and iopub messages, gathered as they arrive, with the
    time each arrived."""

    def __init__(self, k):
        self.k = k
        self.replies = {}  # msg_id -> (time, content)
        self.iopub = []  # (time, msg)

    def pump(self, until, timeout=30):
        deadline = time.time() + timeout
        while not until():
            if time.time() > deadline:
                raise AssertionError("timed out; replies so far: %s" % json.dumps(
                    {k: v[1] for k, v in self.replies.items()}, indent=1)[:3000])
            for get, store in ((self.k.kc.get_shell_msg, self._reply), (self.k.kc.get_iopub_msg, self._iopub)):
                try:
                    store(get(timeout=0.02))
                except Exception:  # queue.Empty
                    pass

    def _reply(self, m):
        self.replies[m["parent_header"].get("msg_id")] = (time.time(), m["content"])

    def _iopub(self, m):
        self.iopub.append((time.time(), m))

    def done(self, *msg_ids):
        """Whether each request was answered and its idle status published
        (after which all its output has arrived)."""
        return all(m in self.replies and any(
            x["parent_header"].get("msg_id") == m and x["msg_type"] == "status"
            and x["content"]["execution_state"] == "idle" for _, x in self.iopub) for m in msg_ids)

    def reply(self, msg_id):
        return self.replies[msg_id][1]

    def outputs(self, msg_id, msg_type):
        return [m["content"] for _, m in self.iopub
                if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == msg_type]

    def stdout(self, msg_id):
        return "".join(c["text"] for c in self.outputs(msg_id, "stream") if c["name"] == "stdout")


@pytest.fixture
def k():
    kern = Kernel()
    yield kern
    kern.shutdown()


def test_kernel_info_and_kernelspec_say_5_5(k, jupyter_data_dir):
    k.drain()
    msg_id = k.kc.kernel_info()
    info = k.shell_reply(msg_id)["content"]
    assert info["protocol_version"] == "5.5"
    assert info["supported_features"] == ["kernel subshells", "debugger"], info
    spec = read_json(os.path.join(jupyter_data_dir, "kernels", "gokernel", "kernel.json"))
    assert spec["kernel_protocol_version"] == "5.5"
    assert control(k, "kernel_info_request")["protocol_version"] == "5.5"


def test_iopub_welcome_to_each_new_subscriber(k):
    """A new SUB gets iopub_welcome with its subscription; an existing
    subscriber is not sent the welcome of another."""
    ci = k.km.get_connection_info()
    url = "%s://%s:%d" % (ci["transport"], ci["ip"], ci["iopub_port"])
    ctx = zmq.Context()
    subs = []
    try:
        def welcomes(sock, wait):
            got = []
            deadline = time.time() + wait
            while time.time() < deadline:
                if sock.poll(50):
                    frames = sock.recv_multipart()
                    i = frames.index(b"<IDS|MSG>")
                    header = json.loads(frames[i + 2])
                    if header["msg_type"] == "iopub_welcome":
                        assert json.loads(frames[i + 3]) == {}, "no parent header"
                        got.append(json.loads(frames[i + 5]))
            return got

        a = ctx.socket(zmq.SUB)
        subs.append(a)
        a.connect(url)
        a.setsockopt(zmq.SUBSCRIBE, b"")
        assert welcomes(a, 2) == [{"subscription": ""}]
        b = ctx.socket(zmq.SUB)
        subs.append(b)
        b.connect(url)
        b.setsockopt(zmq.SUBSCRIBE, b"kernel.")
        assert welcomes(b, 2) == [{"subscription": "kernel."}]
        assert welcomes(a, 0.5) == [], "a's welcome was sent again"
    finally:
        for s in subs:
            s.close(linger=0)
        ctx.term()


def test_subshell_runs_while_main_shell_is_busy(k):
    k.ok("var counter atomic.Int64")
    sub = control(k, "create_subshell_request")
    assert sub["status"] == "ok" and sub["subshell_id"], sub
    sid = sub["subshell_id"]
    assert control(k, "list_subshell_request") == {"status": "ok", "subshell_id": [sid]}

    r = Replies(k)
    main = execute(k, 'fmt.Println("main started")\n'
                      'for i := 0; i < 40; i++ { counter.Add(1); time.Sleep(100 * time.Millisecond) }\n'
                      'fmt.Println("main done")')
    r.pump(lambda: "main started" in r.stdout(main))
    in_sub = execute(k, 'fmt.Println("from the subshell")\ncounter.Load()', subshell_id=sid)
    r.pump(lambda: r.done(in_sub))
    assert main not in r.replies, "the subshell's reply came after the main cell ended"
    assert r.reply(in_sub)["status"] == "ok", r.reply(in_sub)
    value = int(r.outputs(in_sub, "execute_result")[0]["data"]["text/plain"])
    assert 1 <= value < 40, value
    assert r.stdout(in_sub) == "from the subshell\n"
    r.pump(lambda: r.done(main))
    assert r.reply(main)["status"] == "ok", r.reply(main)
    assert r.stdout(main) == "main started\nmain done\n", "the main cell's output went elsewhere"
    # One execution count for the kernel: the subshell's cell has its own number.
    counts = {r.reply(main)["execution_count"], r.reply(in_sub)["execution_count"]}
    assert len(counts) == 2, counts
    # The subshell serves other shell requests too.
    msg = shell_send(k, "complete_request", {"code": "counter.Lo", "cursor_pos": 10}, subshell_id=sid)
    r.pump(lambda: msg in r.replies)
    assert "Load" in r.reply(msg)["matches"], r.reply(msg)
    assert control(k, "delete_subshell_request", {"subshell_id": sid}) == {"status": "ok"}
    assert control(k, "list_subshell_request")["subshell_id"] == []


def test_deleting_a_running_subshell_is_refused_clearly(k):
    sid = control(k, "create_subshell_request")["subshell_id"]
    r = Replies(k)
    slow = execute(k, 'fmt.Println("sleeping")\ntime.Sleep(2 * time.Second)\n"woke"', subshell_id=sid)
    r.pump(lambda: "sleeping" in r.stdout(slow))
    d = control(k, "delete_subshell_request", {"subshell_id": sid})
    assert d["status"] == "error" and d["ename"] == "SubshellBusy", d
    assert "is running a request (execute_request)" in d["evalue"] and "not deleted" in d["evalue"], d
    assert control(k, "list_subshell_request")["subshell_id"] == [sid]
    r.pump(lambda: r.done(slow))
    assert r.reply(slow)["status"] == "ok"
    assert r.outputs(slow, "execute_result")[0]["data"]["text/plain"] == "\"woke\""
    assert control(k, "delete_subshell_request", {"subshell_id": sid}) == {"status": "ok"}
    # A request for the deleted subshell gets an error reply, not silence.
    gone = execute(k, "1 + 1", subshell_id=sid)
    r.pump(lambda: gone in r.replies)
    assert r.reply(gone)["status"] == "error" and r.reply(gone)["ename"] == "UnknownSubshell", r.reply(gone)


def test_stop_on_error_aborts_only_the_failing_subshells_queue(k):
    a = control(k, "create_subshell_request")["subshell_id"]
    b = control(k, "create_subshell_request")["subshell_id"]
    assert a != b
    r = Replies(k)
    # Each cell is sent once the cells before it are running (see the README:
    # cells of two shells should not be compiled at the same moment).
    main1 = execute(k, 'fmt.Println("main1 started")\ntime.Sleep(2 * time.Second)\nfmt.Println("main1")')
    main2 = execute(k, 'fmt.Println("main2")')  # queued behind main1
    r.pump(lambda: "main1 started" in r.stdout(main1))
    a1 = execute(k, 'fmt.Println("a1 started")\ntime.Sleep(500 * time.Millisecond)\npanic("boom in a")', subshell_id=a)
    r.pump(lambda: "a1 started" in r.stdout(a1))
    a2 = execute(k, 'fmt.Println("a2")', subshell_id=a)  # queued behind a1
    a3 = execute(k, 'fmt.Println("a3")', subshell_id=a)
    b1 = execute(k, 'fmt.Println("b1")', subshell_id=b)
    r.pump(lambda: r.done(main1, main2, a1, a2, a3, b1))
    assert r.reply(a1)["status"] == "error" and "boom in a" in r.reply(a1)["evalue"], r.reply(a1)
    assert r.reply(a2)["status"] == "aborted" and r.reply(a3)["status"] == "aborted"
    assert r.stdout(a2) == "" and r.stdout(a3) == ""
    assert r.reply(b1)["status"] == "ok" and r.stdout(b1) == "b1\n", r.reply(b1)
    assert r.replies[b1][0] < r.replies[main1][0], "b1 ran while the main shell was busy"
    assert r.reply(main1)["status"] == "ok" and r.stdout(main1) == "main1 started\nmain1\n"
    assert r.reply(main2)["status"] == "ok" and r.stdout(main2) == "main2\n"
    # The subshell takes requests again afterwards.
    a4 = execute(k, '"a4"', subshell_id=a)
    r.pump(lambda: r.done(a4))
    assert r.reply(a4)["status"] == "ok"


def test_interrupt_stops_the_cells_of_every_shell(k):
    sid = control(k, "create_subshell_request")["subshell_id"]
    r = Replies(k)
    main = execute(k, 'fmt.Println("spin")\nfor {}')
    r.pump(lambda: "spin" in r.stdout(main))
    sub = execute(k, 'fmt.Println("spin too")\nfor {}', subshell_id=sid)
    r.pump(lambda: "spin too" in r.stdout(sub))
    assert control(k, "interrupt_request")["status"] == "ok"
    r.pump(lambda: main in r.replies and sub in r.replies, timeout=15)
    for m in (main, sub):
        assert r.reply(m)["status"] == "error" and r.reply(m)["ename"] == "Interrupted", r.reply(m)
    # State is kept and both shells run cells again.
    after = execute(k, '"still here"', subshell_id=sid)
    r.pump(lambda: after in r.replies)
    assert r.reply(after)["status"] == "ok"


def test_bad_subshell_ids_get_clear_errors(k):
    r = Replies(k)
    not_string = execute(k, "1", subshell_id=42)
    unknown = execute(k, "1", subshell_id="no-such-subshell")
    info = shell_send(k, "kernel_info_request", {}, subshell_id="no-such-subshell")
    r.pump(lambda: all(m in r.replies for m in (not_string, unknown, info)))
    assert r.reply(not_string)["ename"] == "BadSubshellId", r.reply(not_string)
    assert r.reply(unknown)["status"] == "error" and r.reply(unknown)["ename"] == "UnknownSubshell"
    assert "no-such-subshell" in r.reply(unknown)["evalue"]
    assert r.reply(info)["status"] == "error" and r.reply(info)["ename"] == "UnknownSubshell"
    # Each got busy and idle, like any request, so a frontend is not left waiting.
    for m in (not_string, unknown, info):
        r.pump(lambda: len([x for _, x in r.iopub if x["parent_header"].get("msg_id") == m
                            and x["msg_type"] == "status"]) == 2)
    for content in ({"subshell_id": "no-such-subshell"}, {}, {"subshell_id": 7}):
        d = control(k, "delete_subshell_request", content)
        assert d["status"] == "error" and d["evalue"], d
    # null means the main shell.
    main = shell_send(k, "execute_request", {"code": '"main"', "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False}, None, raw_id=True)
    r.pump(lambda: r.done(main))
    assert r.reply(main)["status"] == "ok"
    assert r.outputs(main, "execute_result")[0]["data"]["text/plain"] == '"main"'
    assert control(k, "kernel_info_request")["status"] == "ok"

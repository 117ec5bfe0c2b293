"""JupyterLab's debugger protocol (debug_request on control, debug_reply,
debug_event on iopub) through jupyter_client, in the flows ipykernel's
debugger tests use: breakpoints in cells' functions, stopped events, stack
traces in cell coordinates, variables, stepping, goroutines as threads."""

import itertools
import os
import queue
import time

import pytest

from conftest import Kernel, read_json, reply_to

_seq = itertools.count(1)


class Debug:
    """A debugging client on a kernel: DAP requests on control, the
    iopub messages kept (debug events, and the others for later)."""

    def __init__(self, k):
        self.k = k
        self.iopub = []

    def raw(self, content, timeout=15):
        msg = self.k.kc.session.msg("debug_request", content)
        self.k.kc.control_channel.send(msg)
        deadline = time.time() + timeout
        while True:
            r = self.k.kc.get_control_msg(timeout=max(0.01, deadline - time.time()))
            if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                assert r["msg_type"] == "debug_reply", r
                return r["content"]

    def req(self, command, arguments=None):
        seq = next(_seq)
        resp = self.raw({"seq": seq, "type": "request", "command": command, "arguments": arguments or {}})
        assert resp["type"] == "response" and resp["request_seq"] == seq and resp["command"] == command, resp
        return resp

    def ok(self, command, arguments=None):
        resp = self.req(command, arguments)
        assert resp["success"], resp
        return resp["body"]

    def pump(self, timeout):
        m = self.k.kc.get_iopub_msg(timeout=timeout)
        self.iopub.append(m)
        return m

    def event(self, name, timeout=15):
        """The next debug_event named name (earlier ones are kept)."""
        for m in self.iopub:
            if m["msg_type"] == "debug_event" and m["content"]["event"] == name and not m.get("seen"):
                m["seen"] = True
                return m["content"]["body"]
        deadline = time.time() + timeout
        while True:
            m = self.pump(max(0.01, deadline - time.time()))
            if m["msg_type"] == "debug_event" and m["content"]["event"] == name:
                m["seen"] = True
                return m["content"]["body"]

    def stdout(self, msg_id):
        return "".join(m["content"]["text"] for m in self.iopub
                       if m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == msg_id)

    def finish(self, msg_id, timeout=15):
        """The execute_reply of msg_id, and its iopub messages until idle."""
        reply = reply_to(self.k.kc, msg_id, timeout)["content"]
        deadline = time.time() + timeout
        while not any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                      and m["parent_header"].get("msg_id") == msg_id for m in self.iopub):
            self.pump(max(0.01, deadline - time.time()))
        return reply

    def start(self):
        body = self.ok("initialize", {"clientID": "test", "clientName": "pytest", "adapterID": "go",
                                      "pathFormat": "path", "linesStartAt1": True, "columnsStartAt1": True,
                                      "supportsVariableType": True, "supportsVariablePaging": True,
                                      "supportsRunInTerminalRequest": True, "locale": "en"})
        assert body["supportsConfigurationDoneRequest"]
        self.ok("attach")
        return body

    def breakpoint(self, code, *lines):
        path = self.ok("dumpCell", {"code": code})["sourcePath"]
        body = self.ok("setBreakpoints", {"source": {"path": path},
                                          "breakpoints": [{"line": l} for l in lines], "sourceModified": False})
        assert all(b["verified"] for b in body["breakpoints"]), body
        self.ok("configurationDone")
        return path


@pytest.fixture
def k():
    k = Kernel()
    yield k
    k.shutdown()


def test_kernel_advertises_the_debugger(k, jupyter_data_dir):
    info = k.shell_reply(k.kc.kernel_info())["content"]
    assert "debugger" in info["supported_features"], info
    spec = read_json(os.path.join(jupyter_data_dir, "kernels", "gokernel", "kernel.json"))
    assert spec["metadata"]["debugger"] is True


def test_initialize_attach_debug_info(k):
    d = Debug(k)
    assert d.ok("debugInfo")["isStarted"] is False
    d.start()
    info = d.ok("debugInfo")
    assert info["isStarted"] is True
    assert info["hashMethod"] == "Murmur2" and isinstance(info["hashSeed"], int)
    assert info["tmpFileSuffix"] == ".go" and info["tmpFilePrefix"].endswith(os.sep)
    assert info["breakpoints"] == [] and info["stoppedThreads"] == []
    code = "x := 1\nfmt.Println(x)"
    path = d.breakpoint(code, 2)
    # JupyterLab computes the path itself: prefix + murmur2(code, seed) + suffix.
    from ipykernel.compiler import murmur2_x86
    assert path == info["tmpFilePrefix"] + str(murmur2_x86(code, info["hashSeed"])) + ".go"
    assert open(path).read() == code
    assert d.ok("debugInfo")["breakpoints"] == [{"source": path, "breakpoints": [{"line": 2}]}]
    assert d.ok("source", {"source": {"path": path}})["content"] == code
    d.ok("disconnect", {"restart": False, "terminateDebuggee": True})
    assert d.ok("debugInfo")["isStarted"] is False
    assert k.run("x := 2\nx").result == "2"  # runs without the debugger


def test_breakpoint_in_an_earlier_cells_function(k):
    d = Debug(k)
    define = "func total(xs []int) int {\n\tsum := 0\n\tfor _, x := range xs {\n\t\tsum += x\n\t}\n\treturn sum\n}"
    k.ok(define)
    d.start()
    path = d.breakpoint(define, 6)
    msg_id = k.kc.execute("nums := []int{1, 2, 3}\nt := total(nums)\nfmt.Println(\"total\", t)")
    stopped = d.event("stopped")
    assert stopped["reason"] == "breakpoint"
    tid = stopped["threadId"]
    assert d.ok("debugInfo")["stoppedThreads"] == [tid]
    frames = d.ok("stackTrace", {"threadId": tid})["stackFrames"]
    assert frames[0]["name"] == "total" and frames[0]["line"] == 6, frames
    assert frames[0]["source"]["path"] == path
    scopes = d.ok("scopes", {"frameId": frames[0]["id"]})["scopes"]
    assert [s["name"] for s in scopes] == ["Locals", "Globals"]
    local = {v["name"]: v for v in d.ok("variables", {"variablesReference": scopes[0]["variablesReference"]})["variables"]}
    assert local["sum"]["value"] == "6", local
    assert local["xs"]["variablesReference"] > 0  # a slice expands
    elems = d.ok("variables", {"variablesReference": local["xs"]["variablesReference"]})["variables"]
    assert [(e["name"], e["value"]) for e in elems] == [("[0]", "1"), ("[1]", "2"), ("[2]", "3")]
    globs = {v["name"]: v for v in d.ok("variables", {"variablesReference": scopes[1]["variablesReference"]})["variables"]}
    assert "nums" in globs
    assert d.ok("evaluate", {"expression": "xs[1]", "frameId": frames[0]["id"], "context": "repl"})["result"] == "2"
    assert d.ok("richInspectVariables", {"variableName": "sum", "frameId": frames[0]["id"]})["data"]["text/plain"] == "6"
    d.ok("next", {"threadId": tid})
    assert d.event("continued")["threadId"] == tid
    assert d.event("stopped")["reason"] == "step"
    frames = d.ok("stackTrace", {"threadId": tid})["stackFrames"]
    assert frames[0]["line"] == 2 and frames[0]["source"]["path"] != path, frames  # back in the calling cell
    d.ok("continue", {"threadId": tid})
    reply = d.finish(msg_id)
    assert reply["status"] == "ok", reply
    assert d.stdout(msg_id) == "total 6\n"


def test_next_moves_one_line(k):
    d = Debug(k)
    d.start()
    code = "a := 1\nb := a + 1\nc := b * 2\nfmt.Println(a, b, c)"
    d.breakpoint(code, 2)
    msg_id = k.kc.execute(code)
    tid = d.event("stopped")["threadId"]
    assert d.ok("stackTrace", {"threadId": tid})["stackFrames"][0]["line"] == 2
    for line in (3, 4):
        d.ok("next", {"threadId": tid})
        tid = d.event("stopped")["threadId"]  # each top-level statement runs on a goroutine of its own
        assert d.ok("stackTrace", {"threadId": tid})["stackFrames"][0]["line"] == line
    d.ok("continue", {"threadId": tid})
    assert d.finish(msg_id)["status"] == "ok"
    assert d.stdout(msg_id) == "1 2 4\n"


def test_goroutine_stops_alone(k):
    d = Debug(k)
    d.start()
    define = "func square(n int) int {\n\tr := n * n\n\treturn r\n}"
    k.ok(define)
    d.breakpoint(define, 2)
    code = ("var ticks atomic.Int64\n"
            "stop := make(chan bool)\n"
            "go func() {\n"
            "\tfor {\n"
            "\t\tselect {\n"
            "\t\tcase <-stop:\n"
            "\t\t\treturn\n"
            "\t\tdefault:\n"
            "\t\t\tticks.Add(1)\n"
            "\t\t\ttime.Sleep(time.Millisecond)\n"
            "\t\t}\n"
            "\t}\n"
            "}()\n"
            "res := make(chan int)\n"
            "go func() { res <- square(7) }()\n"
            "fmt.Println(<-res)\n"
            "close(stop)\n")
    msg_id = k.kc.execute(code)
    stopped = d.event("stopped")
    tid = stopped["threadId"]
    assert stopped["allThreadsStopped"] is False
    threads = {t["id"]: t["name"] for t in d.ok("threads")["threads"]}
    assert tid in threads and len(threads) >= 3, threads  # the cell, the ticker, the stopped one
    assert "started at In [" in threads[tid], threads
    assert any("(the cell)" in n for n in threads.values()), threads
    frames = d.ok("stackTrace", {"threadId": tid})["stackFrames"]
    assert frames[0]["name"] == "square"
    time.sleep(0.3)
    d.ok("continue", {"threadId": tid})
    assert d.finish(msg_id)["status"] == "ok"
    assert d.stdout(msg_id) == "49\n"
    ticks = int(k.ok("ticks.Load()").result)
    assert ticks > 50, ticks  # about 300 ms of ticking while square was stopped


def test_inspect_variables_without_a_stop(k):
    d = Debug(k)
    d.start()
    k.ok("type point struct{ X, Y int }\nvar p = point{1, 2}\nname := \"gopher\"\nconst limit = 10\nm := map[string]int{\"a\": 1}")
    variables = {v["name"]: v for v in d.ok("inspectVariables")["variables"]}
    assert variables["name"]["value"] == '"gopher"' and variables["name"]["type"] == "string", variables
    assert variables["limit"]["value"] == "10"
    assert variables["p"]["variablesReference"] > 0
    fields = d.ok("variables", {"variablesReference": variables["p"]["variablesReference"]})["variables"]
    assert [(f["name"], f["value"]) for f in fields] == [("X", "1"), ("Y", "2")]
    assert d.ok("evaluate", {"expression": "len(m) + limit", "context": "repl"})["result"] == "11"
    assert d.ok("richInspectVariables", {"variableName": "name"})["data"]["text/plain"] == '"gopher"'


def test_malformed_requests_get_errors(k):
    d = Debug(k)
    for content in ({}, {"seq": 1, "type": "request"}, {"seq": 2, "type": "request", "command": "fly"},
                    {"seq": 3, "type": "request", "command": "stackTrace", "arguments": {"threadId": 12345}},
                    {"seq": 4, "type": "request", "command": "setBreakpoints", "arguments": {"source": "x"}},
                    {"seq": 5, "type": "request", "command": "continue", "arguments": {"threadId": 1}},
                    {"seq": 6, "type": "request", "command": "dumpCell", "arguments": {}},
                    {"seq": 7, "type": "request", "command": "variables", "arguments": {"variablesReference": 99}}):
        resp = d.raw(content)
        assert resp["type"] == "response" and resp["success"] is False and resp["message"], (content, resp)
        assert resp["request_seq"] == content.get("seq", 0)
    assert k.run("1 + 1").result == "2"


def test_interrupt_while_stopped(k):
    d = Debug(k)
    d.start()
    k.ok("kept := 41")
    code = "kept++\nfor i := 0; i < 3; i++ {\n\tfmt.Println(\"i\", i)\n}"
    d.breakpoint(code, 3)
    msg_id = k.kc.execute(code)
    d.event("stopped")
    k.kc.control_channel.send(k.kc.session.msg("interrupt_request", {}))
    reply = d.finish(msg_id)
    assert reply["status"] == "error" and reply["ename"] == "Interrupted", reply
    assert d.ok("debugInfo")["stoppedThreads"] == []
    d.ok("setBreakpoints", {"source": {"path": d.ok("dumpCell", {"code": code})["sourcePath"]}, "breakpoints": []})
    assert k.run("kept").result == "42"


def test_jupyterlab_4_6_flow(k):
    """The requests JupyterLab 4.6's debugger (@jupyterlab/debugger 4.6.4)
    sends for: toggle the debugger on, click the gutter of line 2 of cell 1,
    run cell 2, see the call stack and variables, next, continue. In its
    order: no configurationDone; debugInfo before each setBreakpoints;
    inspectVariables on the iopub messages of a running cell (also while a
    goroutine is stopped, before JupyterLab hears of the stop); the scopes'
    variables requested together. The page test (tests/jupyterlab) shows the
    same in a browser."""
    d = Debug(k)
    define = "func add(a, b int) int {\n\ts := a + b\n\treturn s\n}"
    k.ok(define)
    info = d.ok("debugInfo")  # the notebook opens: restoreState(false)
    assert info["isStarted"] is False
    # The bug toggle: restoreState(true) starts the session, then the globals.
    d.ok("debugInfo")
    d.ok("initialize", {"clientID": "jupyterlab", "clientName": "JupyterLab", "adapterID": "gokernel",
                        "pathFormat": "path", "linesStartAt1": True, "columnsStartAt1": True,
                        "supportsVariableType": True, "supportsVariablePaging": True,
                        "supportsRunInTerminalRequest": True, "locale": ""})
    d.ok("attach")
    assert "add" not in [v["name"] for v in d.ok("inspectVariables")["variables"]]  # functions are not variables
    # The gutter click: updateBreakpoints(code, [{line: 2}]).
    path = d.ok("dumpCell", {"code": define})["sourcePath"]
    state = d.ok("debugInfo")
    from ipykernel.compiler import murmur2_x86
    # JupyterLab finds the cell by this path, and names it "Cell [n]" only
    # when the path has "ipykernel_" in it.
    assert path == state["tmpFilePrefix"] + str(murmur2_x86(define, state["hashSeed"])) + state["tmpFileSuffix"]
    assert "ipykernel_" in path, path
    bps = d.ok("setBreakpoints", {"breakpoints": [{"line": 2}], "source": {"path": path}, "sourceModified": False})
    assert [(b["line"], b["verified"]) for b in bps["breakpoints"]] == [(2, True)], bps
    # Run cell 2; JupyterLab asks for the globals on its iopub messages.
    msg_id = k.kc.execute("add(2, 3)")
    assert d.ok("inspectVariables")["variables"] is not None
    stopped = d.event("stopped")
    tid = stopped["threadId"]
    assert d.ok("inspectVariables")["variables"] is not None
    frames = d.ok("stackTrace", {"threadId": tid})["stackFrames"]
    assert (frames[0]["name"], frames[0]["line"], frames[0]["source"]["path"]) == ("add", 2, path), frames
    scopes = d.ok("scopes", {"frameId": frames[0]["id"]})["scopes"]
    assert scopes[0]["name"] == "Locals", scopes  # the Variables panel shows the first scope

    def shown(scope):
        # JupyterLab's Variables tree shows the value of a variable of
        # type int, float, bool or str, the type otherwise.
        return {v["name"]: v["value"] if v["type"] in ("int", "float", "bool", "str") else v["type"]
                for v in d.ok("variables", {"variablesReference": scope["variablesReference"]})["variables"]}

    local = shown(scopes[0])
    assert local["a"] == "2" and local["b"] == "3", local
    d.ok("next", {"threadId": tid})
    assert d.event("continued")["threadId"] == tid
    tid = d.event("stopped")["threadId"]
    frames = d.ok("stackTrace", {"threadId": tid})["stackFrames"]
    assert (frames[0]["name"], frames[0]["line"]) == ("add", 3), frames
    assert shown(d.ok("scopes", {"frameId": frames[0]["id"]})["scopes"][0])["s"] == "5"
    # JupyterLab 4.6 forgets the stopped thread before it sends continue, so
    # the request says threadId 1; per DAP it resumes every stopped goroutine.
    assert d.ok("continue", {"threadId": 1})["allThreadsContinued"] is True
    assert d.event("continued")["threadId"] == tid
    reply = d.finish(msg_id)
    assert reply["status"] == "ok", reply
    result = [m for m in d.iopub if m["msg_type"] == "execute_result" and m["parent_header"].get("msg_id") == msg_id]
    assert [m["content"]["data"]["text/plain"] for m in result] == ["5"], result
    assert d.ok("debugInfo")["stoppedThreads"] == []

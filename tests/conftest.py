"""Shared fixtures for the end-to-end tests: a real Jupyter client
(jupyter_client's KernelManager + BlockingKernelClient) drives the gokernel
binary through the kernelspec that `gokernel install` writes into a temporary
JUPYTER_DATA_DIR."""

import json
import os
import queue
import shutil
import subprocess
import tempfile
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

try:
    import jupyter_client  # noqa: F401
except ImportError as e:  # pragma: no cover - exercised on machines without Jupyter
    raise SystemExit(
        "The end-to-end tests need a Jupyter client: run them with /usr/bin/python3 and install "
        "Debian's python3-jupyter-client (apt-get install python3-jupyter-client jupyter-nbconvert "
        "python3-nbclient python3-nbformat), or run bash .ci/run which installs everything. (%s)" % e
    )
from jupyter_client.manager import KernelManager


def _build():
    out = os.environ.get("GOKERNEL_BIN")
    if out and os.path.exists(out):
        return out
    d = tempfile.mkdtemp(prefix="gokernel-bin-")
    out = os.path.join(d, "gokernel")
    subprocess.run(["go", "build", "-o", d + "/", ".", "./cmd/gokernel-worker"], cwd=ROOT, check=True)
    return out


@pytest.fixture(scope="session")
def gokernel_bin():
    built = not os.environ.get("GOKERNEL_BIN")
    path = _build()
    if built:
        os.environ["GOKERNEL_BIN"] = path  # later _build() calls reuse it
    yield path
    if built:
        shutil.rmtree(os.path.dirname(path), ignore_errors=True)
        os.environ.pop("GOKERNEL_BIN", None)


@pytest.fixture(scope="session", autouse=True)
def jupyter_data_dir(gokernel_bin):
    d = tempfile.mkdtemp(prefix="gokernel-jupyter-")
    os.environ["JUPYTER_DATA_DIR"] = d
    subprocess.run([gokernel_bin, "install"], check=True, capture_output=True)
    assert os.path.exists(os.path.join(d, "kernels", "gokernel", "kernel.json"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


class Result:
    """What a user sees of one executed cell."""

    def __init__(self, reply, msgs):
        self.reply = reply["content"]
        self.status = self.reply["status"]
        self.msgs = msgs
        self.types = [m["msg_type"] for m in msgs]
        self.streams = [m["content"] for m in msgs if m["msg_type"] == "stream"]
        self.stdout = "".join(s["text"] for s in self.streams if s["name"] == "stdout")
        self.stderr = "".join(s["text"] for s in self.streams if s["name"] == "stderr")
        res = [m["content"] for m in msgs if m["msg_type"] == "execute_result"]
        self.result = res[0]["data"].get("text/plain") if res else None
        self.results = res
        self.errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
        self.displays = [m for m in msgs if m["msg_type"] in ("display_data", "update_display_data", "clear_output")]

    @property
    def error_text(self):
        return "\n".join(e["ename"] + ": " + e["evalue"] + "\n" + "\n".join(e["traceback"]) for e in self.errors)

    def __repr__(self):
        return "Result(status=%s, stdout=%r, stderr=%r, result=%r, errors=%r)" % (
            self.status, self.stdout[:300], self.stderr[:300], self.result, self.errors)


class Kernel:
    """A started gokernel and a blocking client, with helpers."""

    def __init__(self, **kw):
        self.km = KernelManager(kernel_name="gokernel", **kw)
        self.t0 = time.time()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=30)

    def drain(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                return

    def collect(self, msg_id, timeout=30):
        """iopub messages of request msg_id until its idle status."""
        msgs = []
        deadline = time.time() + timeout
        while True:
            m = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.time()))
            m["received"] = time.time()
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "status":
                if m["content"]["execution_state"] == "idle":
                    return msgs
                continue
            msgs.append(m)

    def shell_reply(self, msg_id, timeout=30):
        return reply_to(self.kc, msg_id, timeout)

    def run(self, code, timeout=30, **kw):
        msg_id = self.kc.execute(code, **kw)
        reply = self.shell_reply(msg_id, timeout)
        msgs = self.collect(msg_id, timeout)
        return Result(reply, msgs)

    def ok(self, code, **kw):
        r = self.run(code, **kw)
        assert r.status == "ok", r
        return r

    def shutdown(self):
        try:
            self.kc.stop_channels()
        finally:
            if self.km.has_kernel:  # a test may have shut it down already
                self.km.shutdown_kernel(now=False)


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    yield k
    k.shutdown()


@pytest.fixture
def fresh_kernel():
    k = Kernel()
    yield k
    k.shutdown()


def alive(pid):
    """Whether process pid exists and is not a zombie (a zombie is as good as gone)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2:].split()[0] != "Z"


def process_tree(pid):
    """PIDs of pid and all its descendants."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    children = {}
    for line in out.splitlines():
        p, pp = map(int, line.split())
        children.setdefault(pp, []).append(p)
    pids, i = [pid], 0
    while i < len(pids):
        pids.extend(children.get(pids[i], []))
        i += 1
    return pids


def reply_to(kc, msg_id, timeout=10):
    """The shell reply of client kc to request msg_id."""
    deadline = time.time() + timeout
    while True:
        r = kc.get_shell_msg(timeout=max(0.01, deadline - time.time()))
        if r["parent_header"].get("msg_id") == msg_id:
            return r


def read_json(path):
    with open(path) as f:
        return json.load(f)

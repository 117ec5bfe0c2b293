"""A kernel on another host: two test hosts made with network namespaces and a
veth pair (Debian's iproute2). The kernel runs in one, started from its
kernelspec's argv with a connection file whose ip is that namespace's veth
address (as a remote provisioner or Enterprise Gateway writes it);
jupyter_client runs in the other, in a PID namespace of its own as well, so it
can neither see nor signal the kernel's processes. The client drives a full
session (tests/remote_client.py): kernel_info, heartbeat, execute, stdin,
interrupt by message (the kernelspec's interrupt_mode), restart, shutdown.

A restart of a remote kernel is what jupyter_client's KernelManager does
locally, split across the two hosts: the client sends shutdown_request with
restart=true on the control channel; the kernel answers and exits (taking its
worker with it); the kernel's host starts the same command with the same
connection file; the client, still connected to the same ports, sees the
heartbeat and kernel_info again, with fresh state.

Needs root (namespaces) and iproute2; fails otherwise in CI (CI=true) and is
skipped with the reason elsewhere. The addresses are 198.18.x.1/.2 (RFC 2544's
range for test networks) and exist only inside the two namespaces.
"""

import json
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import alive, process_tree

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable


def needs_root():
    if os.geteuid() != 0 or not shutil.which("ip") or not shutil.which("unshare"):
        why = "network namespaces need root, iproute2 (ip) and util-linux (unshare): run sudo ./test.sh"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def sh(*cmd):
    subprocess.run(cmd, check=True, capture_output=True, text=True)


@pytest.fixture
def two_hosts():
    """Two network namespaces joined by a veth pair: (kernel ns, kernel ip, client ns, client ip)."""
    needs_root()
    tag = secrets.token_hex(3)
    nk, nc = "gk-kernel-" + tag, "gk-client-" + tag
    vk, vc = "gkk" + tag, "gkc" + tag
    net = "198.18.%d" % secrets.randbelow(256)
    ik, ic = net + ".1", net + ".2"
    made = []
    try:
        for ns in (nk, nc):
            sh("ip", "netns", "add", ns)
            made.append(ns)
        sh("ip", "link", "add", vk, "type", "veth", "peer", "name", vc)
        for ns, dev, ip in ((nk, vk, ik), (nc, vc, ic)):
            sh("ip", "link", "set", dev, "netns", ns)
            sh("ip", "-n", ns, "addr", "add", ip + "/30", "dev", dev)
            sh("ip", "-n", ns, "link", "set", dev, "up")
            sh("ip", "-n", ns, "link", "set", "lo", "up")
        yield nk, ik, nc, ic
    finally:
        for ns in made:  # deleting a namespace deletes its end of the veth pair, and so the pair
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)


class Lines:
    """JSON lines from the client, with a timeout."""

    def __init__(self, proc):
        self.proc = proc
        self.buf = b""
        self.seen = []

    def next(self, timeout=60):
        deadline = time.time() + timeout
        while b"\n" not in self.buf:
            left = deadline - time.time()
            if left <= 0 or self.proc.poll() is not None and not select.select([self.proc.stdout], [], [], 0)[0]:
                raise AssertionError("the client said nothing more (exit %s); so far: %s" % (
                    self.proc.poll(), self.seen))
            if select.select([self.proc.stdout], [], [], min(left, 0.2))[0]:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk and self.proc.poll() is not None:
                    continue
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        msg = json.loads(line)
        self.seen.append(msg)
        return msg

    def step(self, name, timeout=60):
        m = self.next(timeout)
        assert m.get("step") == name, "want step %r, got %r (so far %s)" % (name, m, self.seen)
        return m


def start_kernel(ns, argv, conn, log):
    """Starts the kernelspec's command inside namespace ns (ip netns exec execs it: the pid is the kernel's)."""
    cmd = ["ip", "netns", "exec", ns] + [conn if a == "{connection_file}" else a for a in argv]
    return subprocess.Popen(cmd, cwd=os.path.dirname(conn), stdout=log, stderr=log, start_new_session=True)


def tell(client, msg):
    client.stdin.write(json.dumps(msg).encode() + b"\n")
    client.stdin.flush()


def wait_gone(pids, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


def test_kernel_on_another_host(two_hosts, gokernel_bin):
    nk, ik, nc, ic = two_hosts
    spec = KernelSpecManager().get_kernel_spec("gokernel")
    # the kernelspec tells frontends to interrupt by message: the only way across hosts
    assert spec.interrupt_mode == "message"

    kdir = tempfile.mkdtemp(prefix="gokernel-khost-")  # the kernel host's files
    cdir = tempfile.mkdtemp(prefix="gokernel-chost-")  # the client host's copy
    info = {"ip": ik, "transport": "tcp", "signature_scheme": "hmac-sha256", "key": secrets.token_hex(32),
            "kernel_name": "gokernel"}
    for i, name in enumerate(("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")):
        info[name] = 50000 + secrets.randbelow(1000) * 5 + i
    kconn, cconn = os.path.join(kdir, "kernel-remote.json"), os.path.join(cdir, "kernel-remote.json")
    for path in (kconn, cconn):
        with open(path, "w") as f:
            json.dump(info, f)
        os.chmod(path, 0o600)
    klog = open(os.path.join(kdir, "kernel.log"), "w+")
    kernel = client = None

    def kernel_log():
        klog.flush()
        klog.seek(0)
        return klog.read()[-3000:]

    try:
        kernel = start_kernel(nk, spec.argv, kconn, klog)
        client = subprocess.Popen(
            ["ip", "netns", "exec", nc, "unshare", "--pid", "--fork", "--mount-proc",
             PY, os.path.join(HERE, "remote_client.py"), cconn, str(kernel.pid)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cdir)
        lines = Lines(client)

        host = lines.step("host")
        assert host["pid"] == 1, host  # the client is alone in its PID namespace
        assert not host["sees_kernel_process"] and not host["local_kernel_ip"], host
        ready = lines.step("ready")
        assert ready["seconds"] < 30
        assert lines.step("heartbeat")["beating"], kernel_log()
        # the kernel listens on its veth address only: on its own host's loopback nobody answers
        probe = subprocess.run(["ip", "netns", "exec", nk, PY, "-c",
                                "import socket; s = socket.socket(); s.settimeout(2)\n"
                                "print(s.connect_ex(('127.0.0.1', %d)))" % info["shell_port"]],
                               capture_output=True, text=True)
        assert probe.stdout.strip() not in ("", "0"), probe

        ex = lines.step("execute")
        assert ex["status"] == "ok" and ex["stdout"] == "remote 42\n", ex
        st = lines.step("stdin")
        assert st["status"] == "ok" and st["stdout"] == "hello, netns\n", st
        it = lines.step("interrupt")
        assert it["interrupt_reply"] == "ok" and it["reply_status"] == "error", it
        assert it["error"].startswith("Interrupted"), it
        assert it["beating_while_busy"], it
        assert it["seconds"] < 5, it
        assert lines.step("state kept")["results"] == ["42"]

        # restart
        worker_pids = [p for p in process_tree(kernel.pid) if p != kernel.pid]
        assert worker_pids, "the kernel has no worker process"
        tell(client, {})
        rr = lines.step("restart requested")
        assert rr["reply"]["status"] == "ok" and rr["reply"]["restart"] is True, rr
        assert kernel.wait(10) == 0, kernel_log()
        assert wait_gone(worker_pids) == [], "worker left after the restart's shutdown"
        kernel = start_kernel(nk, spec.argv, kconn, klog)
        tell(client, {"restarted": kernel.pid})
        rs = lines.step("restarted")
        assert rs["beating"], rs
        old = lines.step("after restart: old variable")
        assert old["status"] == "error" and any("undefined: x" in e for e in old["errors"]), old
        new = lines.step("after restart: new cell")
        assert new["status"] == "ok" and new["stdout"] == "after restart\n", new

        # shutdown: the kernel and its worker exit; nothing is left on the kernel's host
        worker_pids = [p for p in process_tree(kernel.pid) if p != kernel.pid]
        assert worker_pids, "the restarted kernel has no worker process"
        tell(client, {})
        sd = lines.step("shutdown")
        assert sd["reply"]["status"] == "ok" and sd["reply"]["restart"] is False, sd
        assert kernel.wait(10) == 0, kernel_log()
        assert wait_gone(worker_pids) == [], "worker left after shutdown"
        assert client.wait(30) == 0, client.stderr.read().decode()[-2000:]
    finally:
        for p in (client, kernel):
            if p is not None and p.poll() is None:
                for pid in process_tree(p.pid):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                p.wait(10)
        klog.close()
        shutil.rmtree(kdir, ignore_errors=True)
        shutil.rmtree(cdir, ignore_errors=True)

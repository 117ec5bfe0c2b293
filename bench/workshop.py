#!/usr/bin/python3
"""A workshop on one JupyterHub: N learners open a Go kernel each and run the
first teaching notebook at the same moment. Prints the figures of the README's
"Deploying for a class" section and checks what the learners would see.

    nice /usr/bin/python3 bench/workshop.py --server-config   # 30 learners (about 3 minutes on 2 cores)
    nice /usr/bin/python3 bench/workshop.py                   # the same with Jupyter Server's defaults
    /usr/bin/python3 bench/workshop.py --learners 5 --server-config   # the CI version (tests/test_hub.py)
    /usr/bin/python3 bench/workshop.py --prefix /usr/local    # install system-wide, as an admin does

--server-config gives the servers deploy/jupyter_server_config.py, as if it
were in /etc/jupyter (kernels on Unix sockets, TCP_NODELAY on the websocket).

Runs as root on Debian 12 with `jupyterhub` (3.0, with configurable-http-proxy)
and `python3-jupyter-server`. What it does, all on 127.0.0.1:

1. installs the kernel with `./install.sh --prefix PREFIX` (default: a
   temporary prefix, removed afterwards; the single-user servers find its
   kernelspec through JUPYTER_PATH; with `--prefix /usr/local` they find it
   as Jupyter's system path, and the install is left in place);
2. makes N system users (one group, homes under the run directory, the
   notebook copied into each home) - system users rather than one user with
   N servers because that is how a class runs on one server: every learner's
   server, kernel and cells run under the learner's own uid, so a learner's
   `kill -9 -1`, files or processes cannot touch another's;
3. starts JupyterHub with deploy/jupyterhub_config.py (the admin settings the
   README documents), swapping in a dummy authenticator with one password and
   free ports;
4. each learner, concurrently: logs in through the hub's REST API (a token
   from username + password), starts their server, loads the notebook through
   the server's contents API, opens a session with a Go kernel and its
   websocket (as JupyterLab does), and waits for kernel_info;
5. when all kernels answered, every learner runs the notebook's code cells in
   order, with a small cell (`probe++`) after each, whose latency is the
   "small cell under load" figure; one learner (the troublemaker) instead
   starts a child process, deadlocks (the kernel reports it), exceeds the
   memory limit, SIGKILLs its own worker, and loops forever on every core
   until the first other learner finishes (then it is interrupted through the
   server's REST API: the kernelspec's interrupt_mode is "message");
6. stops the hub (SIGTERM, as systemd would) and checks that no process of
   the learners (server, kernel, worker, child) and no proxy is left; then
   removes the users and everything it made (also those of an earlier run
   that was killed).

Exit status 0 when every check passed: each learner saw the notebook's outputs
and no error, no learner's notebook took more than 2x the median, the
troublemaker got the errors a user should see and its kernel kept working, and
nothing was left behind. --json FILE writes the figures and checks.
"""

import argparse
import asyncio
import glob
import json
import os
import platform
import pwd
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = "01_concurrency_vs_parallelism.ipynb"
ADMIN_CONFIG = os.path.join(ROOT, "deploy", "jupyterhub_config.py")
RUN_GLOB = "/tmp/gkw????/run.json"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")

HUB_START_TIMEOUT = 60  # s until the hub answers through the proxy
SERVER_TIMEOUT = 240  # s until a learner's server is ready (30 spawns share 2 cores)
KERNEL_TIMEOUT = 90  # s until a kernel answers kernel_info
CELL_TIMEOUT = 300  # s for one cell of the notebook under load
STOP_TIMEOUT = 120  # s for the hub to stop its servers and exit
FAIRNESS = 2.0  # no learner's notebook may take more than this times the median


def log(*a):
    print("[workshop %s]" % time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


# --- processes ---------------------------------------------------------------

class Proc:
    __slots__ = ("pid", "ppid", "uid", "state", "exe", "cmd", "ticks", "rss")


def scan():
    """Every process on the machine: pid, ppid, uid, exe, command line, CPU ticks, RSS."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        p = Proc()
        p.pid = int(d)
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
            rest = st[st.rfind(")") + 2:].split()
            p.state, p.ppid = rest[0], int(rest[1])
            p.ticks = int(rest[11]) + int(rest[12])
            p.rss = int(rest[21]) * PAGE
            with open("/proc/%s/status" % d) as f:
                p.uid = next(int(line.split()[1]) for line in f if line.startswith("Uid:"))
            with open("/proc/%s/cmdline" % d, "rb") as f:
                p.cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
            try:
                p.exe = os.readlink("/proc/%s/exe" % d).removesuffix(" (deleted)")
            except OSError:
                p.exe = ""
        except (OSError, ValueError, IndexError, StopIteration):
            continue
        out.append(p)
    return out


def pss(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            st = f.read()
    except OSError:
        return False
    return st[st.rfind(")") + 2:].split()[0] != "Z"


def kill_pids(pids):
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def mb(n):
    return n / 1e6


def pct(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


# --- run directory, users, cleanup ------------------------------------------

def cleanup_run(run):
    """Kills the processes of a run's users and removes its users, group and directory."""
    uids = set()
    for name in run.get("users", []):
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except KeyError:
            pass
    for _ in range(3):
        left = [p.pid for p in scan() if p.uid in uids]
        if not left:
            break
        kill_pids(left)
        time.sleep(0.5)
    if run.get("hub_pid") and alive(run["hub_pid"]):
        kill_pids([run["hub_pid"]])
    for pidfile in glob.glob(os.path.join(run["dir"], "hub", "*.pid")):
        try:
            pid = int(open(pidfile).read().strip())
            if pid > 1 and alive(pid) and "configurable-http-proxy" in open("/proc/%d/cmdline" % pid).read():
                kill_pids([pid])
        except (OSError, ValueError):
            pass
    for name in run.get("users", []):
        subprocess.run(["userdel", name], capture_output=True)
    if run.get("group"):
        subprocess.run(["groupdel", run["group"]], capture_output=True)
    shutil.rmtree(run["dir"], ignore_errors=True)


def clean_stale_runs():
    """Removes what an earlier run that was killed left (its process is gone)."""
    for path in glob.glob(RUN_GLOB):
        try:
            run = json.load(open(path))
        except (OSError, ValueError):
            continue
        if not alive(run.get("pid", 0)):
            log("removing the leftovers of an earlier run:", run["dir"])
            cleanup_run(run)


def save_run(run):
    tmp = os.path.join(run["dir"], "run.json.tmp")
    with open(tmp, "w") as f:
        json.dump(run, f)
    os.replace(tmp, os.path.join(run["dir"], "run.json"))


def make_users(run, n, notebook_src):
    group = run["group"]
    subprocess.run(["groupadd", group], check=True)
    # homes directly in the short run directory: with Unix-socket kernels
    # (deploy/jupyter_server_config.py) a socket's path, ~/.local/share/jupyter/
    # runtime/kernel-UUID-ipc-N, must stay under 108 bytes, as under /home/NAME
    homes = run["dir"]
    users = []
    for i in range(1, n + 1):
        name = "%sl%02d" % (run["tag"], i)
        home = os.path.join(homes, name)
        run["users"].append(name)
        save_run(run)
        subprocess.run(["useradd", "-M", "-N", "-g", group, "-d", home, "-s", "/usr/sbin/nologin", name],
                       check=True)
        os.mkdir(home, 0o700)
        shutil.copy(notebook_src, os.path.join(home, NOTEBOOK))
        pw = pwd.getpwnam(name)
        for path in (home, os.path.join(home, NOTEBOOK)):
            os.chown(path, pw.pw_uid, pw.pw_gid)
        users.append(name)
    return users


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# --- the hub -----------------------------------------------------------------

def write_hub_config(run, users, password, prefix, server_config):
    hub_dir = os.path.join(run["dir"], "hub")
    os.mkdir(hub_dir, 0o700)
    ports = {"public": free_port(), "hub": free_port(), "proxy_api": free_port()}
    env_extra = {}
    if server_config:  # as if deploy/jupyter_server_config.py were in /etc/jupyter
        conf = os.path.join(run["dir"], "jupyter-config")
        os.mkdir(conf, 0o755)
        shutil.copy(os.path.join(ROOT, "deploy", "jupyter_server_config.py"), conf)
        env_extra["JUPYTER_CONFIG_PATH"] = conf
    if os.path.realpath(prefix) not in ("/usr/local", "/usr"):
        env_extra["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    cfg = """\
# Written by bench/workshop.py: the admin's config, with test users and ports.
load_subconfig({admin!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{public}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.JupyterHub.db_url = "sqlite:///{hub_dir}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{hub_dir}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{hub_dir}/jupyterhub-proxy.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({users!r})
c.Spawner.environment = dict(c.Spawner.environment, **{env_extra!r})
""".format(admin=ADMIN_CONFIG, hub_dir=hub_dir, password=password, users=users, env_extra=env_extra, **ports)
    path = os.path.join(hub_dir, "jupyterhub_config.py")
    with open(path, "w") as f:
        f.write(cfg)
    return path, hub_dir, ports


# --- talking to the hub and the servers --------------------------------------

class HTTPError(Exception):
    pass


class Web:
    def __init__(self, base):
        self.base = base
        AsyncHTTPClient.configure(None, max_clients=200)
        self.http = AsyncHTTPClient()

    async def call(self, method, path, token=None, body=None, ok=(200, 201, 202, 204), timeout=60):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "token " + token
        req = HTTPRequest(self.base + path, method=method, headers=headers,
                          body=None if body is None and method == "GET" else json.dumps(body or {}),
                          request_timeout=timeout, connect_timeout=timeout, allow_nonstandard_methods=True)
        r = await self.http.fetch(req, raise_error=False)
        if r.code not in ok:
            raise HTTPError("%s %s: %s %s" % (method, path, r.code, (r.body or b"")[:300].decode(errors="replace")))
        return json.loads(r.body) if r.body else None


ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Cell:
    """What a user sees of one executed cell."""

    def __init__(self, code):
        self.code = code
        self.reply = None
        self.outputs = []  # iopub messages other than status / execute_input
        self.t_sent = self.t_reply = self.t_idle = None

    @property
    def status(self):
        return self.reply["content"]["status"] if self.reply else "no reply"

    @property
    def errors(self):
        return [m["content"] for m in self.outputs if m["msg_type"] == "error"]

    @property
    def text(self):
        parts = []
        for m in self.outputs:
            c = m["content"]
            if m["msg_type"] == "stream":
                parts.append(c["text"])
            elif m["msg_type"] in ("display_data", "update_display_data", "execute_result"):
                parts.append(c.get("data", {}).get("text/plain", ""))
            elif m["msg_type"] == "error":  # a frontend shows the traceback (which starts with ename: evalue)
                parts.append(ANSI.sub("", "\n".join(c.get("traceback") or [c["ename"] + ": " + c["evalue"]])))
        return "\n".join(parts)

    @property
    def seconds(self):
        return self.t_idle - self.t_sent


class KernelSocket:
    """A kernel's websocket on a Jupyter server, as JupyterLab uses it."""

    def __init__(self, ws, username):
        self.ws = ws
        self.username = username
        self.session = uuid.uuid4().hex
        self.waiting = {}
        self.closed = False
        self.reader = asyncio.ensure_future(self._read())

    @classmethod
    async def open(cls, url, token, username):
        req = HTTPRequest(url, headers={"Authorization": "token " + token}, request_timeout=60, connect_timeout=60)
        ws = await websocket_connect(req)
        return cls(ws, username)

    async def _read(self):
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                self.closed = True
                for q in self.waiting.values():
                    q.put_nowait(None)
                return
            if isinstance(raw, bytes):  # binary frame: offsets, then the JSON message
                n = int.from_bytes(raw[:4], "little")
                offsets = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "little") for i in range(n)]
                raw = raw[offsets[0]:offsets[1] if n > 1 else None]
            msg = json.loads(raw)
            msg["received"] = time.monotonic()
            q = self.waiting.get(msg.get("parent_header", {}).get("msg_id"))
            if q is not None:
                q.put_nowait(msg)

    def send(self, channel, msg_type, content):
        msg_id = uuid.uuid4().hex
        self.waiting[msg_id] = asyncio.Queue()
        self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.username,
                       "session": self.session, "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}))
        return msg_id

    async def request(self, channel, msg_type, content, timeout):
        msg_id = self.send(channel, msg_type, content)
        q = self.waiting[msg_id]
        deadline = time.monotonic() + timeout
        try:
            while True:
                m = await asyncio.wait_for(q.get(), max(0.01, deadline - time.monotonic()))
                if m is None:
                    raise ConnectionError("websocket closed")
                if m["channel"] == channel:
                    return m
        finally:
            del self.waiting[msg_id]

    def start(self, code):
        cell = Cell(code)
        cell.t_sent = time.monotonic()
        cell.msg_id = self.send("shell", "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        return cell

    async def finish(self, cell, timeout):
        """Waits for the cell's execute_reply and its idle status."""
        q = self.waiting[cell.msg_id]
        deadline = cell.t_sent + timeout
        try:
            while cell.reply is None or cell.t_idle is None:
                m = await asyncio.wait_for(q.get(), max(0.01, deadline - time.monotonic()))
                if m is None:
                    raise ConnectionError("websocket closed")
                if m["channel"] == "shell":
                    cell.reply, cell.t_reply = m, m["received"]
                elif m["msg_type"] == "status":
                    if m["content"]["execution_state"] == "idle":
                        cell.t_idle = m["received"]
                elif m["msg_type"] != "execute_input":
                    cell.outputs.append(m)
        finally:
            del self.waiting[cell.msg_id]
        return cell

    async def run(self, code, timeout=CELL_TIMEOUT):
        return await self.finish(self.start(code), timeout)

    def close(self):
        self.ws.close()


# --- what the learners see ---------------------------------------------------

# Cut a stored output line at its first digit (or bar-chart block): what comes
# before is text the kernel must print again; timings after it vary.
CUT = re.compile(r"[0-9\u2580-\u259f]")


def expected_texts(cell):
    """Prefixes of the lines the stored notebook shows for a code cell."""
    out = []
    for o in cell.get("outputs", []):
        text = o.get("text") if o.get("output_type") == "stream" else o.get("data", {}).get("text/plain")
        if isinstance(text, list):
            text = "".join(text)
        for line in (text or "").splitlines():
            p = " ".join(CUT.split(line, 1)[0].split())
            if len(p) >= 4 and p not in out:
                out.append(p)
    return out


def check_cell(name, i, cell, expected, fails):
    if cell.status != "ok" or cell.errors:
        fails.append("%s: cell %d: status %s, errors %s" % (name, i, cell.status, cell.errors[:1]))
        return
    seen = " ".join(cell.text.split())
    missing = [e for e in expected if e not in seen]
    if missing:
        fails.append("%s: cell %d: output lacks %r (got %r)" % (name, i, missing[:3], seen[:300]))


class Class:
    """The shared state of one workshop run."""

    def __init__(self, args, web, users, password, prefix):
        self.args, self.web, self.users, self.password, self.prefix = args, web, users, password, prefix
        self.trouble = users[-1] if args.troublemaker else None
        self.learners = {}
        self.fails = []
        self.heavy = 0  # notebook cells in flight, all learners
        self.first_done = asyncio.Event()
        self.all_done = asyncio.Event()
        self.finished = 0
        self.samples = []  # memory samples: (t, total kernel RSS, {user: RSS})
        self.uids = {pwd.getpwnam(u).pw_uid: u for u in users}
        self.kernel_exes = {os.path.join(prefix, "bin", "gokernel"), os.path.join(prefix, "bin", "gokernel-worker")}

    def kernel_procs(self, procs=None):
        return [p for p in (procs or scan()) if p.uid in self.uids and p.exe in self.kernel_exes]

    # -- phase 1: log in, start the server, open the notebook's kernel
    async def open(self, name):
        L = self.learners[name] = {"name": name, "role": "troublemaker" if name == self.trouble else "learner"}
        t0 = self.t0
        body = {"auth": {"username": name, "password": self.password}, "note": "workshop login"}
        token = (await self.web.call("POST", "/hub/api/users/%s/tokens" % name, body=body))["token"]
        L["login"] = time.monotonic() - t0
        await self.web.call("POST", "/hub/api/users/%s/server" % name, token=token)
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            model = await self.web.call("GET", "/hub/api/users/%s" % name, token=token)
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("%s: server not ready after %d s: %s" % (name, SERVER_TIMEOUT, model))
            await asyncio.sleep(0.5)
        L["server"] = time.monotonic() - t0
        base = "/user/%s/api" % name
        specs = await self.web.call("GET", base + "/kernelspecs", token=token)
        if "gokernel" not in specs["kernelspecs"]:
            raise AssertionError("%s: the server does not list the Go kernel: %s" % (name, list(specs["kernelspecs"])))
        L["kernelspec"] = specs["kernelspecs"]["gokernel"]["spec"]
        nb = await self.web.call("GET", base + "/contents/%s?content=1&type=notebook" % NOTEBOOK, token=token)
        L["cells"] = [c for c in nb["content"]["cells"] if c["cell_type"] == "code"]
        sess = await self.web.call("POST", base + "/sessions", token=token, body={
            "path": NOTEBOOK, "name": NOTEBOOK, "type": "notebook", "kernel": {"name": "gokernel"}})
        kid = sess["kernel"]["id"]
        url = "ws://127.0.0.1:%d%s/kernels/%s/channels?session_id=%s" % (
            self.args.public_port, base, kid, uuid.uuid4().hex)
        k = await KernelSocket.open(url, token, name)
        info = await k.request("shell", "kernel_info_request", {}, KERNEL_TIMEOUT)
        L["kernel"] = time.monotonic() - t0
        L["language"] = info["content"]["language_info"]["name"]
        if L["language"] != "go":
            raise AssertionError("%s: kernel_info says language %r" % (name, L["language"]))
        r = await k.run("probe := 0", KERNEL_TIMEOUT)
        if r.status != "ok":
            raise AssertionError("%s: first cell failed: %s" % (name, r.text))
        L["token"], L["kernel_id"], L["base"] = token, kid, base
        return k

    # -- phase 2: everybody runs the notebook at once
    async def notebook(self, name, k):
        L = self.learners[name]
        cells, times, probes = [], [], []
        for i, c in enumerate(L["cells"]):
            self.heavy += 1
            try:
                cell = await k.run(c["source"])
            finally:
                self.heavy -= 1
            check_cell(name, i, cell, expected_texts(c), self.fails)
            times.append(cell.seconds)
            cells.append(cell)
            for _ in range(self.args.probes):
                busy = self.heavy > 0
                p = await k.run("probe++\nprobe", 60)
                if p.status != "ok" or p.errors:
                    self.fails.append("%s: small cell failed: %s" % (name, p.text))
                    continue
                probes.append((p.seconds, busy and self.heavy > 0))
        # the probes ran in order, each once: the counter says how many
        last = await k.run("probe", 60)
        want = str(self.args.probes * len(L["cells"]))
        if last.status != "ok" or want not in last.text:
            self.fails.append("%s: probe counter is %r, want %s" % (name, last.text, want))
        L["notebook"] = sum(times)
        L["cell_seconds"] = times
        L["probes"] = [s for s, busy in probes if busy]
        L["probes_idle"] = [s for s, busy in probes if not busy]
        self.finished += 1
        self.first_done.set()
        if self.finished == len(self.users) - (1 if self.trouble else 0):
            self.all_done.set()

    async def interrupt(self, name, cell, k, after, timeout=15):
        """Interrupts a running cell through the server's REST API after `after` s."""
        L = self.learners[name]
        await asyncio.sleep(after)
        t = time.monotonic()
        await self.web.call("POST", "%s/kernels/%s/interrupt" % (L["base"], L["kernel_id"]), token=L["token"])
        await k.finish(cell, (t - cell.t_sent) + timeout)
        return cell.t_idle - t

    async def troublemaker(self, name, k):
        """A learner whose cells misbehave, each the way a real one would."""
        L = self.learners[name]
        T = L["trouble"] = {}
        fails = self.fails

        def expect(what, cell, ok, error=None, text=None):
            got = cell.text
            good = cell.status == ("ok" if ok else "error")
            if error and error not in got:
                good = False
            if text and text not in got:
                good = False
            T[what] = {"status": cell.status, "text": got[:400], "seconds": round(cell.seconds, 3)}
            if not good:
                fails.append("troublemaker, %s: want %s%s, got status %s: %r" % (
                    what, "ok" if ok else "error", " with " + repr(error or text), cell.status, got[:400]))

        # loop forever on every core while the others run the notebook, until the
        # first of them finishes: its CPU share is the fairness figure
        uid = pwd.getpwnam(name).pw_uid
        await k.run("kept := 7")
        cell = k.start("for i := 0; i < runtime.NumCPU(); i++ {\n\tgo func() {\n\t\tfor {\n\t\t}\n\t}()\n}\nfor {\n}")
        await asyncio.sleep(1)
        before, t_before = scan(), time.monotonic()
        others_running = not self.first_done.is_set()
        waited = asyncio.ensure_future(self.first_done.wait())
        await asyncio.wait([waited], timeout=CELL_TIMEOUT)
        waited.cancel()
        after, window = scan(), time.monotonic() - t_before
        if others_running and window > 1:
            def ticks(procs, mine):
                return {p.pid: p.ticks for p in self.kernel_procs(procs) if not mine or p.uid == uid}
            t0m, t1m = ticks(before, True), ticks(after, True)
            t0a, t1a = ticks(before, False), ticks(after, False)
            spent_mine = sum(v - t0m.get(p, 0) for p, v in t1m.items())
            spent_all = sum(v - t0a.get(p, 0) for p, v in t1a.items())
            T["spin window"] = round(window, 2)
            T["spin cpu share of all kernels"] = spent_mine / max(1, spent_all)
            T["spin cores used"] = spent_mine / TICK / window
        T["loop forever interrupted after"] = await self.interrupt(name, cell, k, after=0)
        expect("loop forever", cell, False, error="Interrupted")
        expect("state kept after the interrupt", await k.run("kept"), True, text="7")
        # a deadlock: every goroutine asleep; the kernel says so as Go does, and goes on
        cell = k.start("ch := make(chan int)\n<-ch")
        await k.finish(cell, 15)
        T["deadlock reported after"] = cell.t_idle - cell.t_sent
        expect("deadlock", cell, False, error="all goroutines are asleep - deadlock!")
        expect("after the deadlock", await k.run('fmt.Println("still here")'), True, text="still here")
        # more memory than GOKERNEL_MEMORY_LIMIT: the worker is stopped
        expect("memory hog", await k.run(
            "var hog [][]byte\nfor {\n\tb := make([]byte, 32<<20)\n"
            "\tfor i := 0; i < len(b); i += 4096 {\n\t\tb[i] = 1\n\t}\n\thog = append(hog, b)\n}", 120),
            False, error="GOKERNEL_MEMORY_LIMIT")
        expect("after the memory hog", await k.run('fmt.Println("fresh worker")'), True, text="fresh worker")
        # a cell that kills its own worker
        expect("worker killed", await k.run("me, _ := os.FindProcess(os.Getpid())\nme.Kill()"),
               False, error="reset")
        # a child process left running: the hub's shutdown must take it down too
        expect("child process started", await k.run(
            'import "os/exec"\nchild := exec.Command("sleep", "600")\nchild.Start()\n'
            'fmt.Println("child started")'), True, text="child started")
        T["child left running"] = any(p.uid == uid and p.cmd == "sleep 600" for p in scan())
        if not T["child left running"]:
            fails.append("troublemaker: the sleep child is not running")

    async def sample_memory(self):
        while not self.all_done.is_set():
            ks = self.kernel_procs()
            per = {}
            for p in ks:
                per[self.uids[p.uid]] = per.get(self.uids[p.uid], 0) + p.rss
            self.samples.append((time.monotonic(), sum(p.rss for p in ks), per))
            try:
                await asyncio.wait_for(self.all_done.wait(), 1.0)
            except asyncio.TimeoutError:
                pass


async def run_class(cls):
    cls.t0 = time.monotonic()
    opened = await asyncio.gather(*(cls.open(u) for u in cls.users), return_exceptions=True)
    errors = [e for e in opened if isinstance(e, BaseException)]
    if errors:
        for e in errors:
            cls.fails.append("opening a kernel: %s: %s" % (type(e).__name__, e))
        return None
    kernels = dict(zip(cls.users, opened))
    cls.t_all_ready = time.monotonic() - cls.t0
    log("all %d kernels answered after %.1f s; the class starts the notebook" % (len(kernels), cls.t_all_ready))
    # the small cell on an idle hub, for comparison: one learner, nothing else running
    k = kernels[cls.users[0]]
    cls.idle_probes = []
    for _ in range(20):
        r = await k.run("probe", 60)
        if r.status == "ok":
            cls.idle_probes.append(r.seconds)
    sampler = asyncio.ensure_future(cls.sample_memory())
    t_class = time.monotonic()
    jobs = [cls.troublemaker(u, k) if u == cls.trouble else cls.notebook(u, k) for u, k in kernels.items()]
    done = await asyncio.gather(*jobs, return_exceptions=True)
    cls.all_done.set()
    await sampler
    cls.t_class = time.monotonic() - t_class
    for u, e in zip(kernels, done):
        if isinstance(e, BaseException):
            cls.fails.append("%s: %s: %s" % (u, type(e).__name__, e))
    return kernels


def idle_memory(cls):
    """RSS and PSS per learner: kernel (gokernel + worker) and Jupyter server."""
    procs = scan()
    kernels, servers = {}, {}
    for p in procs:
        if p.uid not in cls.uids:
            continue
        u = cls.uids[p.uid]
        if p.exe in cls.kernel_exes:
            d = kernels.setdefault(u, [0, 0])
        elif "jupyterhub-singleuser" in p.cmd:
            d = servers.setdefault(u, [0, 0])
        else:
            continue
        d[0] += p.rss
        d[1] += pss(p.pid)
    hub = [p for p in procs if p.pid == cls.hub_pid or p.pid == cls.proxy_pid]
    return kernels, servers, sum(p.rss for p in hub)


def leftovers(cls):
    """Processes of the learners, of the installed kernel, or the proxy, still there."""
    left = []
    for p in scan():
        if p.pid in (cls.hub_pid, cls.proxy_pid) or p.uid in cls.uids or p.exe in cls.kernel_exes:
            if p.state != "Z" or p.uid in cls.uids:
                left.append({"pid": p.pid, "user": cls.uids.get(p.uid, p.uid), "state": p.state, "cmd": p.cmd[:120]})
    return left


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=30, help="learners, one of them the troublemaker (default 30)")
    ap.add_argument("--probes", type=int, default=3, help="small cells after each notebook cell (default 3)")
    ap.add_argument("--no-troublemaker", dest="troublemaker", action="store_false")
    ap.add_argument("--prefix", help="install prefix (default: a temporary one)")
    ap.add_argument("--server-config", action="store_true",
                    help="the servers use deploy/jupyter_server_config.py (kernels on Unix sockets, "
                         "kernel websocket with TCP_NODELAY)")
    ap.add_argument("--json", help="write the figures and checks to this file")
    ap.add_argument("--keep-going", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("workshop.py: run as root (it makes system users and starts JupyterHub as root, as an admin does)")
    for tool in ("jupyterhub", "configurable-http-proxy", "jupyterhub-singleuser", "useradd"):
        if not shutil.which(tool):
            sys.exit("workshop.py: %s is missing: apt-get install jupyterhub python3-jupyter-server" % tool)
    if args.learners < 2:
        sys.exit("workshop.py: --learners must be at least 2")

    # pytest's or a CI timeout's SIGTERM still removes the users and processes
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    clean_stale_runs()
    while True:
        tag = "gkw" + secrets.token_hex(2)
        run_dir = "/tmp/" + tag
        try:
            os.mkdir(run_dir, 0o700)
            break
        except FileExistsError:
            continue
    os.chmod(run_dir, 0o755)  # learners reach their homes and a temporary prefix through it
    run = {"pid": os.getpid(), "dir": run_dir, "tag": tag, "group": tag, "users": []}
    save_run(run)
    result = {"learners": args.learners, "fails": []}
    cls = None
    hub = None
    try:
        prefix = args.prefix or os.path.join(run_dir, "prefix")
        t = time.monotonic()
        out = subprocess.run(["./install.sh", "--prefix", prefix, "--no-frontend"], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            raise SystemExit("install.sh failed:\n" + out.stdout + out.stderr)
        result["install_seconds"] = round(time.monotonic() - t, 1)
        log("installed with ./install.sh --prefix %s (%.1f s)" % (prefix, result["install_seconds"]))

        password = secrets.token_urlsafe(12)
        users = make_users(run, args.learners, os.path.join(ROOT, "notebooks", NOTEBOOK))
        cfg, hub_dir, ports = write_hub_config(run, users, password, prefix, args.server_config)
        args.public_port = ports["public"]
        hub_log = open(os.path.join(run_dir, "jupyterhub.log"), "w")
        t = time.monotonic()
        hub = subprocess.Popen(["jupyterhub", "-f", cfg], cwd=hub_dir, stdout=hub_log, stderr=subprocess.STDOUT,
                               start_new_session=True)
        run["hub_pid"] = hub.pid
        save_run(run)
        web = Web("http://127.0.0.1:%d" % ports["public"])

        async def wait_hub():
            deadline = time.monotonic() + HUB_START_TIMEOUT
            while True:
                try:
                    return await web.call("GET", "/hub/api/", timeout=5)
                except (OSError, HTTPError) as e:
                    if hub.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("JupyterHub did not start (%s); log: %s" % (e, hub_log.name))
                    await asyncio.sleep(0.3)

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        hub_version = loop.run_until_complete(wait_hub())["version"]
        result["hub_start_seconds"] = round(time.monotonic() - t, 1)
        log("JupyterHub %s answers through the proxy after %.1f s" % (hub_version, result["hub_start_seconds"]))

        cls = Class(args, web, users, password, prefix)
        cls.hub_pid = hub.pid
        try:
            cls.proxy_pid = int(open(os.path.join(hub_dir, "jupyterhub-proxy.pid")).read())
        except (OSError, ValueError):
            cls.proxy_pid = -1
        kernels = loop.run_until_complete(run_class(cls))
        # the transport the servers gave their kernels, from the kernels' connection files
        transports = set()
        for p in cls.kernel_procs():
            argv = p.cmd.split()
            if p.exe.endswith("/gokernel") and "-f" in argv:
                try:
                    transports.add(json.load(open(argv[argv.index("-f") + 1]))["transport"])
                except (OSError, ValueError, KeyError, IndexError):
                    pass
        result["kernel_transports"] = sorted(transports)
        want = "ipc" if args.server_config else "tcp"
        if kernels and transports != {want}:
            cls.fails.append("kernels use %s, want %s" % (sorted(transports), want))
        if kernels:
            time.sleep(2)  # idle
            kmem, smem, hub_rss = idle_memory(cls)
            result["memory"] = {
                "peak_all_kernels_mb": round(mb(max((sum(r for u, r in s[2].items() if u != cls.trouble)
                                                     for s in cls.samples), default=0)), 1),
                "peak_per_kernel_mb": round(mb(max((r for s in cls.samples for u, r in s[2].items()
                                                    if u != cls.trouble), default=0)), 1),
                "idle_all_kernels_rss_mb": round(mb(sum(v[0] for v in kmem.values())), 1),
                "idle_per_kernel_rss_mb": round(mb(statistics.median(v[0] for v in kmem.values())), 1),
                "idle_per_kernel_pss_mb": round(mb(statistics.median(v[1] for v in kmem.values())), 1),
                "idle_all_kernels_pss_mb": round(mb(sum(v[1] for v in kmem.values())), 1),
                "per_server_rss_mb": round(mb(statistics.median(v[0] for v in smem.values())), 1) if smem else None,
                "per_server_pss_mb": round(mb(statistics.median(v[1] for v in smem.values())), 1) if smem else None,
                "hub_and_proxy_rss_mb": round(mb(hub_rss), 1),
            }
            for k in kernels.values():
                k.close()
        # the admin stops the hub: it stops every server, which shut their kernels down
        t = time.monotonic()
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            cls.fails.append("the hub did not stop within %d s" % STOP_TIMEOUT)
        result["hub_stop_seconds"] = round(time.monotonic() - t, 1)
        deadline = time.monotonic() + 5
        while True:
            left = leftovers(cls)
            if not left or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        result["leftover_processes"] = left
        if left:
            cls.fails.append("%d processes left after the hub stopped: %s" % (len(left), left[:5]))
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        figures(cls, result, hub_version)
    except (Exception, SystemExit) as e:
        result["fails"].append("%s: %s" % (type(e).__name__, e) if not isinstance(e, SystemExit) else str(e.code))
    finally:
        if hub is not None and hub.poll() is None:
            hub.kill()
        hub_log_path = os.path.join(run_dir, "jupyterhub.log")
        try:
            with open(hub_log_path) as f:
                result["hub_log_tail"] = "".join(f.readlines()[-40:])
            if (cls.fails if cls else []) + result["fails"]:
                result["hub_log"] = "/tmp/%s-jupyterhub.log" % tag
                shutil.copy(hub_log_path, result["hub_log"])
        except OSError:
            pass
        cleanup_run(run)
        if cls is not None:
            result["fails"] = cls.fails + result["fails"]
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=1)
    if result["fails"]:
        print("\nFAILED:", file=sys.stderr)
        for f in result["fails"]:
            print("  -", f, file=sys.stderr)
        if result.get("hub_log_tail"):
            print("JupyterHub's log (all of it in %s) ended with:\n%s" % (
                result.get("hub_log"), result["hub_log_tail"]), file=sys.stderr)
        sys.exit(1)


def figures(cls, result, hub_version):
    L = [cls.learners[u] for u in cls.users if u in cls.learners]
    normal = [x for x in L if x["role"] == "learner" and "notebook" in x]
    result["hub_version"] = hub_version
    result["machine"] = "%s, %d cores, %.0f GiB, %s" % (
        platform.machine(), os.cpu_count(), os.sysconf("SC_PHYS_PAGES") * PAGE / 2**30,
        open("/etc/os-release").read().split('PRETTY_NAME="')[1].split('"')[0])
    result["date"] = time.strftime("%Y-%m-%d %H:%M %Z")
    result["autogroup"] = open("/proc/sys/kernel/sched_autogroup_enabled").read().strip() \
        if os.path.exists("/proc/sys/kernel/sched_autogroup_enabled") else "n/a"
    if not hasattr(cls, "t_all_ready"):
        return
    result["all_kernels_answered_seconds"] = round(cls.t_all_ready, 1)
    result["login_max_seconds"] = round(max(x["login"] for x in L), 2)
    result["server_ready_median_seconds"] = round(statistics.median(x["server"] for x in L), 1)
    result["server_ready_max_seconds"] = round(max(x["server"] for x in L), 1)
    result["class_seconds"] = round(cls.t_class, 1)
    if normal:
        nb = sorted(x["notebook"] for x in normal)
        med = statistics.median(nb)
        result["notebook_cells"] = len(normal[0]["cells"])
        result["notebook_median_seconds"] = round(med, 2)
        result["notebook_worst_seconds"] = round(nb[-1], 2)
        result["notebook_best_seconds"] = round(nb[0], 2)
        result["worst_over_median"] = round(nb[-1] / med, 2)
        if nb[-1] > FAIRNESS * med:
            cls.fails.append("fairness: the slowest notebook took %.1f s, more than %.0fx the median %.1f s" % (
                nb[-1], FAIRNESS, med))
        probes = sorted(s for x in normal for s in x["probes"])
        idle = sorted(cls.idle_probes)
        result["small_cell_idle"] = {"n": len(idle), "p50_ms": round(pct(idle, 0.5) * 1e3, 1),
                                     "p99_ms": round(pct(idle, 0.99) * 1e3, 1)}
        result["small_cell_under_load"] = {"n": len(probes), "p50_ms": round(pct(probes, 0.5) * 1e3, 1),
                                           "p99_ms": round(pct(probes, 0.99) * 1e3, 1),
                                           "max_ms": round(probes[-1] * 1e3, 1) if probes else None}
    if cls.trouble and "trouble" in cls.learners.get(cls.trouble, {}):
        result["troublemaker"] = cls.learners[cls.trouble]["trouble"]
    m = result.get("memory", {})
    tm = result.get("troublemaker", {})
    sc = result.get("small_cell_under_load", {})
    print()
    result["server_config"] = cls.args.server_config
    print("Workshop: %d learners on one JupyterHub %s (LocalProcessSpawner, one system user each), "
          "notebook %s%s" % (cls.args.learners, hub_version, NOTEBOOK,
                             ", servers with deploy/jupyter_server_config.py" if cls.args.server_config else ""))
    print("Machine: %s, autogroup %s; %s" % (result["machine"], result["autogroup"], result["date"]))
    print("| figure | value |")
    print("|---|---|")
    rows = [
        ("time until all %d kernels answer (from the first login)" % len(L),
         "%.1f s (servers ready: median %.1f s, last %.1f s)" % (
             cls.t_all_ready, result["server_ready_median_seconds"], result["server_ready_max_seconds"])),
    ]
    if normal:
        rows += [
            ("notebook time per learner (%d cells, %d learners), median / worst" % (
                result["notebook_cells"], len(normal)),
             "%.1f s / %.1f s (worst = %.2fx median)" % (
                 result["notebook_median_seconds"], result["notebook_worst_seconds"], result["worst_over_median"])),
            ("small cell while the class runs, p50 / p99 (n=%d)" % sc["n"],
             "%.0f ms / %.0f ms (hub idle: %.1f ms / %.1f ms)" % (
                 sc["p50_ms"], sc["p99_ms"], result["small_cell_idle"]["p50_ms"], result["small_cell_idle"]["p99_ms"])),
        ]
    if m:
        rows += [
            ("memory of the learners' kernels (kernel + worker), peak while running",
             "%.0f MB all together, %.0f MB the largest" % (m["peak_all_kernels_mb"], m["peak_per_kernel_mb"])),
            ("memory per kernel when idle, RSS / PSS",
             "%.0f MB / %.0f MB (all %d: %.0f MB / %.0f MB)" % (
                 m["idle_per_kernel_rss_mb"], m["idle_per_kernel_pss_mb"], len(L),
                 m["idle_all_kernels_rss_mb"], m["idle_all_kernels_pss_mb"])),
            ("memory per Jupyter server, RSS / PSS; hub + proxy RSS",
             "%s MB / %s MB; %.0f MB" % (m["per_server_rss_mb"], m["per_server_pss_mb"], m["hub_and_proxy_rss_mb"])),
        ]
    if tm:
        share = tm.get("spin cpu share of all kernels")
        rows += [
            ("learner looping forever on every core: its CPU share while the others ran",
             "%.1f%% of the kernels' CPU, %.2f cores (fair share 1/%d = %.1f%%)" % (
                 100 * share, tm["spin cores used"], len(L), 100 / len(L)) if share is not None else "n/a"),
            ("deadlocked cell reported by the kernel in / looping cell stopped by an interrupt (REST, by message) in",
             "%.2f s / %.2f s" % (tm.get("deadlock reported after", float("nan")),
                                  tm.get("loop forever interrupted after", float("nan")))),
        ]
    rows += [
        ("hub stop (SIGTERM) until it exited", "%.1f s" % result.get("hub_stop_seconds", float("nan"))),
        ("kernel, worker, child or server processes left after the hub stopped",
         str(len(result.get("leftover_processes", [])))),
    ]
    for a, b in rows:
        print("| %s | %s |" % (a, b))
    print()


if __name__ == "__main__":
    main()

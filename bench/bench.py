#!/usr/bin/env python3
"""Protocol benchmark: gokernel against ipykernel, through a real Jupyter client.

Starts each kernel with jupyter_client (KernelManager + BlockingKernelClient),
measures the figures below in the same run, and prints a table with ratios.
With --update-readme it also rewrites the "Performance" table in README.md.
With --before REV it also measures gokernel built from git revision REV, in
the same run (a column of its own): the cost of a change, within noise or not.
With --debugger it measures only the cost of JupyterLab's debugger (issue 16):
a CPU-bound cell with the debugger detached, attached with a breakpoint that
is not hit, and detached again, best of N, and prints the ratio (with
--before, REV's build is measured detached in the same run).

    /usr/bin/python3 bench/bench.py [--quick] [--update-readme] [--before REV]
    /usr/bin/python3 bench/bench.py --debugger [--quick] [--before REV]
"""

import argparse
import json
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The same workloads in each language.
CODE = {
    "gokernel": {
        "empty": "",
        "lines": "for i := 0; i < 10000; i++ { fmt.Println(i) }",
        "fib_def": "func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }",
        "fib": "fib(27)",
        "native_off": "%native off",
        "native_on": "%native on",
        "fib2_def": "func fib2(n int) int { if n < 2 { return n + 0*STAMP }; return fib2(n-1) + fib2(n-2) }",
        "fib2": "fib2(27)",
        "pfib_def": ("func pfib(k int) { var wg sync.WaitGroup; for j := 0; j < k; j++ { wg.Add(1); "
                     "go func() { defer wg.Done(); for range 8 / k { fib2(32) } }() }; wg.Wait() }"),
        "cpu_def": ("func burn(n int) int { s := 0; for i := 0; i < n; i++ { s += i % 7 }; return s }\n"
                    "func par(k, n int) { var wg sync.WaitGroup; for j := 0; j < k; j++ { wg.Add(1); go func() { defer wg.Done(); burn(n) }() }; wg.Wait() }"),
        "cpu1": "par(1, 4000000)",
        "cpu2": "par(2, 4000000)",
        "spawn": "var wg sync.WaitGroup\nfor i := 0; i < 10000; i++ { wg.Add(1); go func() { wg.Done() }() }\nwg.Wait()",
        "handoff": ("ping, pong := make(chan int), make(chan int)\ngo func() { for v := range ping { pong <- v } }()\n"
                    "for i := 0; i < 10000; i++ { ping <- i; <-pong }\nclose(ping)"),
        "state": "kept := 42",
        "loop": "for {}",
        "sleep": "time.Sleep(time.Hour)",
        "check": "kept",
    },
    "python3": {
        "empty": "",
        "lines": "for i in range(10000): print(i)",
        "fib_def": "def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)",
        "fib": "fib(27)",
        "native_off": "",
        "native_on": "",
        "fib2_def": "def fib2(n):\n    return n + 0*STAMP if n < 2 else fib2(n-1) + fib2(n-2)",
        "fib2": "fib2(27)",
        "pfib_def": ("import threading\n"
                     "def pfib(k):\n    ts = [threading.Thread(target=lambda: [fib2(24) for _ in range(8 // k)]) for _ in range(k)]\n"
                     "    [t.start() for t in ts]; [t.join() for t in ts]"),
        "cpu_def": ("import threading\n"
                    "def burn(n):\n    s = 0\n    for i in range(n): s += i % 7\n    return s\n"
                    "def par(k, n):\n    ts = [threading.Thread(target=burn, args=(n,)) for _ in range(k)]\n"
                    "    [t.start() for t in ts]; [t.join() for t in ts]"),
        "cpu1": "par(1, 2000000)",
        "cpu2": "par(2, 2000000)",
        "spawn": ("import threading\nts = [threading.Thread(target=lambda: None) for _ in range(10000)]\n"
                  "[t.start() for t in ts]; [t.join() for t in ts]"),
        "handoff": ("import threading, queue\nping, pong = queue.Queue(1), queue.Queue(1)\n"
                    "def echo():\n    for v in iter(ping.get, None): pong.put(v)\n"
                    "t = threading.Thread(target=echo); t.start()\n"
                    "for i in range(10000): ping.put(i); pong.get()\nping.put(None); t.join()"),
        "state": "kept = 42",
        "loop": "while True: pass",
        "sleep": "import time; time.sleep(3600)",
        "check": "kept",
    },
}


class Bench:
    def __init__(self, name):
        self.name = name
        self.code = CODE[name]
        t0 = time.perf_counter()
        self.km = KernelManager(kernel_name=name)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        msg_id = self.kc.kernel_info()
        while True:
            r = self.kc.get_shell_msg(timeout=60)
            if r["parent_header"].get("msg_id") == msg_id:
                break
        self.startup = time.perf_counter() - t0
        self.kc.wait_for_ready(timeout=60)
        self.drain()

    def drain(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.1)
            except queue.Empty:
                return

    def run(self, code, timeout=120):
        """Runs a cell; returns (seconds until idle, stream messages, stdout, reply)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code)
        streams, out = 0, []
        reply = None
        idle = False
        while not (idle and reply):
            if not idle:
                m = self.kc.get_iopub_msg(timeout=timeout)
                if m["parent_header"].get("msg_id") != msg_id:
                    continue
                if m["msg_type"] == "stream":
                    streams += 1
                    out.append(m["content"]["text"])
                elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    idle = True
                    elapsed = time.perf_counter() - t0
            else:
                r = self.kc.get_shell_msg(timeout=timeout)
                if r["parent_header"].get("msg_id") == msg_id:
                    reply = r
        return elapsed, streams, "".join(out), reply["content"]

    def shell_roundtrips(self, n):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            msg_id = self.kc.execute(self.code["empty"])
            while True:
                r = self.kc.get_shell_msg(timeout=30)
                if r["parent_header"].get("msg_id") == msg_id:
                    break
            times.append(time.perf_counter() - t0)
        self.drain()
        times.sort()
        return times[len(times) // 2], times[int(len(times) * 0.99) - 1]

    def interrupt(self, code):
        msg_id = self.kc.execute(code)
        time.sleep(0.5)
        t0 = time.perf_counter()
        self.km.interrupt_kernel()
        while True:
            r = self.kc.get_shell_msg(timeout=30)
            if r["parent_header"].get("msg_id") == msg_id:
                break
        elapsed = time.perf_counter() - t0
        self.drain()
        _, _, _, reply = self.run(self.code["check"])
        kept = reply["status"] == "ok"
        return elapsed, kept

    def pids(self):
        """The kernel process and its descendants."""
        out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
        children = {}
        for line in out.splitlines():
            pid, ppid = map(int, line.split())
            children.setdefault(ppid, []).append(pid)
        pids, i = [self.km.provisioner.process.pid], 0
        while i < len(pids):
            pids.extend(children.get(pids[i], []))
            i += 1
        return pids

    def sum_mb(self, path, key):
        """Sum over the kernel processes of a "Key: N kB" line of /proc/PID/<path>, in MB."""
        total = 0
        for pid in self.pids():
            try:
                with open("/proc/%d/%s" % (pid, path)) as f:
                    for line in f:
                        if line.startswith(key):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024

    def peak_rss_mb(self):
        """Sum of VmHWM (peak RSS) over the kernel processes."""
        return self.sum_mb("status", "VmHWM:")

    def pss_mb(self):
        """Sum of PSS (resident memory, shared pages split among the
        processes) over the kernel processes, now."""
        return self.sum_mb("smaps_rollup", "Pss:")

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def raw_startup(name, runs=5):
    """Seconds from exec to the first kernel_info_reply, for a pyzmq client
    that connects at once (no KernelManager overhead): the kernel's own
    start-up time."""
    import json as _json
    import zmq
    from jupyter_client.connect import write_connection_file
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.session import Session
    argv = KernelSpecManager().get_kernel_spec(name).argv
    times = []
    for _ in range(runs):
        fname, info = write_connection_file(tempfile.mktemp(suffix=".json"))
        cmd = [a.replace("{connection_file}", fname) for a in argv]
        ctx = zmq.Context()
        sock = ctx.socket(zmq.DEALER)
        sock.setsockopt(zmq.RECONNECT_IVL, 1)
        sock.linger = 0
        session = Session(key=info["key"].encode())
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sock.connect("tcp://127.0.0.1:%d" % info["shell_port"])
        session.send(sock, "kernel_info_request", {})
        while not sock.poll(1):
            pass
        session.recv(sock)
        times.append(time.perf_counter() - t0)
        proc.terminate()
        proc.wait()
        sock.close()
        ctx.term()
    return sorted(times)[len(times) // 2]


def measure(name, quick):
    raw = raw_startup(name)
    b = Bench(name)
    r = {"start to first kernel_info_reply": "%.3f s" % b.startup}
    r["_start"] = b.startup
    r["exec to first kernel_info_reply, raw pyzmq client"] = "%.3f s" % raw
    r["_raw_start"] = raw
    p50, p99 = b.shell_roundtrips(100 if quick else 500)
    r["empty cell round trip, p50 / p99"] = "%.2f / %.2f ms" % (p50 * 1e3, p99 * 1e3)
    r["_p50"], r["_p99"] = p50, p99
    t, streams, out, _ = b.run(b.code["lines"])
    ordered = out.split() == [str(i) for i in range(10000)]
    r["cell printing 10,000 lines, until idle"] = "%.3f s (%d msgs%s)" % (t, streams, "" if ordered else ", OUT OF ORDER")
    r["_lines"] = t
    # Before anything loads a plugin or runs CPU work: what a session of
    # small cells costs (issue 13's "no plugin loaded" figure).
    r["peak memory of the kernel processes, small cells, no plugin loaded"] = "%.0f MB" % b.peak_rss_mb()
    r["_mem_small"] = b.peak_rss_mb()
    b.run(b.code["native_off"])  # gokernel: the interpreter's figures
    b.run(b.code["fib_def"])
    t, _, _, _ = b.run(b.code["fib"])
    r["naive recursive fib(27), interpreted (`%native off`)"] = "%.3f s" % t
    r["_fib"] = t
    b.run(b.code["native_on"])
    # A source of its own (the constant), so that the plugin is built, not
    # taken from the cache of an earlier run.
    b.run(b.code["fib2_def"].replace("STAMP", str(int(time.time() * 1000) % 1000000)))
    t, _, _, _ = b.run(b.code["fib2"])
    r["fib(27) in the cell after its definition (waits for the tier-up, warm build cache)"] = "%.3f s" % t
    t = min(b.run(b.code["fib2"])[0] for _ in range(1 if quick else 3))
    r["naive recursive fib(27), native tier (compiled)"] = "%.4f s" % t
    r["_fib_native"] = t
    b.run(b.code["pfib_def"])
    t1 = min(b.run("pfib(1)")[0] for _ in range(1 if quick else 3))
    t2 = min(b.run("pfib(2)")[0] for _ in range(1 if quick else 3))
    r["8 × fib(32) (Python: fib(24)) on 2 goroutines vs 1, native tier"] = "%.2fx" % (t1 / t2)
    b.run(b.code["native_off"])
    b.run(b.code["cpu_def"])
    t1 = min(b.run(b.code["cpu1"])[0] for _ in range(1 if quick else 3))
    t2 = min(b.run(b.code["cpu2"])[0] for _ in range(1 if quick else 3))
    r["CPU work on 2 threads/goroutines vs 1 (2 cores), interpreted"] = "%.2fx" % (2 * t1 / t2)
    r["_speedup"] = 2 * t1 / t2
    t, _, _, _ = b.run(b.code["spawn"])
    r["start and join 10,000 threads/goroutines"] = "%.3f s" % t
    r["_spawn"] = t
    t = min(b.run(b.code["handoff"])[0] for _ in range(1 if quick else 3))
    r["10,000 round trips between 2 threads/goroutines (unbuffered channels, queues)"] = "%.3f s" % t
    r["_handoff"] = t
    b.run(b.code["state"])
    t_loop, kept1 = b.interrupt(b.code["loop"])
    t_sleep, kept2 = b.interrupt(b.code["sleep"])
    r["interrupt of an endless loop, state kept"] = "%.3f s, %s" % (t_loop, "yes" if kept1 else "NO")
    r["interrupt of a sleep, state kept"] = "%.3f s, %s" % (t_sleep, "yes" if kept2 else "NO")
    r["_interrupt"] = max(t_loop, t_sleep)
    r["peak memory of the kernel processes"] = "%.0f MB" % b.peak_rss_mb()
    r["_mem"] = b.peak_rss_mb()
    time.sleep(2)  # idle: gokernel's worker returns freed memory after 1 s
    r["memory after the benchmark, idle (PSS: shared pages split)"] = "%.0f MB" % b.pss_mb()
    b.close()
    if name.startswith("gokernel"):
        measure_modules(name, r, quick)
    return r


def measure_modules(name, r, quick):
    """Packages of modules (issue 13): the first import with the module
    cache warm and the plugin cache cold (a fresh GOKERNEL_NATIVE_CACHE),
    later cells against a standard package, plugin size and the worker's
    memory per loaded plugin, the import in another kernel (plugin cached)."""
    cache = tempfile.mkdtemp(prefix="gokernel-bench-plugins-")
    for m in ("golang.org/x/sync@latest", "golang.org/x/net@latest"):
        subprocess.run(["go", "mod", "download", m], cwd=cache, check=True, capture_output=True)
    old = os.environ.get("GOKERNEL_NATIVE_CACHE")
    os.environ["GOKERNEL_NATIVE_CACHE"] = cache
    try:
        b = Bench(name)
        b.run("x := 1")
        worker_rss = lambda: b.sum_mb("status", "VmRSS:")  # noqa: E731 (b changes)
        t, _, _, reply = b.run('import "golang.org/x/sync/errgroup"', timeout=300)
        if reply["status"] != "ok":
            r["first import of a module's package"] = "failed: %s" % reply.get("evalue")
            b.close()
            return
        sizes = {}
        for root, _, files in os.walk(cache):
            for f in files:
                if f.startswith("mod-") and f.endswith(".so"):
                    sizes[f] = os.path.getsize(os.path.join(root, f))
        r['first `import "golang.org/x/sync/errgroup"` (module cache warm, plugin cache cold)'] = "%.2f s" % t
        r["_mod_first"] = t
        runs = 3 if quick else 10
        mod = "var g errgroup.Group\nfor i := 0; i < 100; i++ { g.Go(func() error { return nil }) }\ng.Wait()"
        std = "var wg sync.WaitGroup\nfor i := 0; i < 100; i++ { wg.Add(1); go func() { wg.Done() }() }\nwg.Wait()"
        t_mod = min(b.run(mod)[0] for _ in range(runs))
        t_std = min(b.run(std)[0] for _ in range(runs))
        r["a later cell: 100 goroutines through errgroup.Group / sync.WaitGroup"] = "%.4f / %.4f s" % (t_mod, t_std)
        t, _, _, reply = b.run('import "golang.org/x/net/idna"', timeout=300)
        new = {}
        for root, _, files in os.walk(cache):
            for f in files:
                if f.startswith("mod-") and f.endswith(".so") and f not in sizes:
                    new[f] = os.path.getsize(os.path.join(root, f))
        b.close()
        # Another kernel: the plugins are cached; the worker's memory per
        # loaded plugin, once idle (the worker returns freed memory after 1 s).
        b = Bench(name)
        b.run("x := 1")
        time.sleep(2)
        rss0 = worker_rss()
        t, _, _, reply = b.run('import "golang.org/x/sync/errgroup"', timeout=300)
        r["the same import in another kernel (plugin cached)"] = "%.2f s" % t
        time.sleep(2)
        rss1 = worker_rss()
        b.run('import "golang.org/x/net/idna"', timeout=300)
        time.sleep(2)
        rss2 = worker_rss()
        mb = lambda d: "≈0" if d < 0.5 else "%.1f" % d  # noqa: E731 (the collector may return more than the plugin takes)
        r["plugin file / worker RSS added, idle: errgroup; x/net/idna (with x/text)"] = "%.1f / %s MB; %.1f / %s MB" % (
            sum(sizes.values()) / 1e6, mb(rss1 - rss0), sum(new.values()) / 1e6, mb(rss2 - rss1))
        b.close()
    finally:
        if old is None:
            os.environ.pop("GOKERNEL_NATIVE_CACHE", None)
        else:
            os.environ["GOKERNEL_NATIVE_CACHE"] = old
        shutil.rmtree(cache, ignore_errors=True)


DEBUG_DEF = ("func sumTo(n int) int {\n\ts := 0\n\tfor i := 1; i <= n; i++ {\n\t\ts += i\n\t}\n\treturn s\n}\n"
             "func never() int {\n\tx := 1\n\treturn x\n}")
DEBUG_CELL = "sumTo(2000000)"


def debug_request(b, command, arguments=None, seq=[0]):
    """A DAP request on the control channel (JupyterLab's debugger); its body."""
    seq[0] += 1
    msg = b.kc.session.msg("debug_request", {"seq": seq[0], "type": "request", "command": command,
                                             "arguments": arguments or {}})
    b.kc.control_channel.send(msg)
    while True:
        r = b.kc.get_control_msg(timeout=30)
        if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            if not r["content"].get("success"):
                raise RuntimeError("%s failed: %s" % (command, r["content"]))
            return r["content"].get("body", {})


def measure_debugger(name, quick, before=False):
    """The cost of the debugger (issue 16): sumTo(2e6), a loop in a
    function, best of N, detached (interpreted: `%native off`, and with the
    native tier, the default), attached as JupyterLab attaches it with a
    breakpoint in a function the cell does not call, and detached again.
    With before, the build of an earlier revision: detached only."""
    n = 2 if quick else 5
    b = Bench(name)
    r = {}
    best = lambda: min(b.run(DEBUG_CELL)[0] for _ in range(n))  # noqa: E731
    b.run(DEBUG_DEF)
    reply = b.run(DEBUG_CELL)[3]
    assert reply["status"] == "ok", reply
    r["_native"] = best()
    # Interpreted from here on (attached, the native tier is off anyway).
    b.run(b.code["native_off"])
    r["_detached"] = best()
    if not before:
        debug_request(b, "initialize", {"clientID": "bench", "adapterID": "go", "pathFormat": "path",
                                        "linesStartAt1": True, "columnsStartAt1": True})
        debug_request(b, "attach")
        path = debug_request(b, "dumpCell", {"code": DEBUG_DEF})["sourcePath"]
        debug_request(b, "setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 9}],
                                            "sourceModified": False})
        debug_request(b, "configurationDone")
        r["_attached"] = best()
        debug_request(b, "disconnect", {"restart": False, "terminateDebuggee": False})
        r["_after"] = best()
    b.close()
    return r


def print_debugger(results):
    """The debugger's figures, one line per build."""
    for name, r in results.items():
        if "_attached" in r:
            print("%s: sumTo(2e6) best of N: detached %.3f s (interpreted, %%native off), attached with a breakpoint "
                  "not hit %.3f s: ratio %.2fx; detached again %.3f s; native tier (default, detached) %.3f s"
                  % (name, r["_detached"], r["_attached"], r["_attached"] / r["_detached"], r["_after"], r["_native"]))
        else:
            print("%s: sumTo(2e6) best of N: detached %.3f s (interpreted, %%native off); native tier %.3f s"
                  % (name, r["_detached"], r["_native"]))


def install_before(rev, data_dir):
    """Builds gokernel at git revision rev and installs it as the kernelspec
    "gokernel-REV"; returns that name."""
    src = tempfile.mkdtemp(prefix="gokernel-before-")
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    out = os.path.join(data_dir, "before")
    subprocess.run(["go", "build", "-o", out + "/", ".", "./cmd/gokernel-worker"], cwd=src, check=True)
    name = "gokernel-" + subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                                        capture_output=True, text=True).stdout.strip()
    spec_dir = os.path.join(data_dir, "kernels", name)
    os.makedirs(spec_dir)
    spec = json.load(open(os.path.join(data_dir, "kernels", "gokernel", "kernel.json")))
    spec["argv"][0] = os.path.join(out, "gokernel")
    spec["display_name"] += " " + rev
    json.dump(spec, open(os.path.join(spec_dir, "kernel.json"), "w"))
    CODE[name] = CODE["gokernel"]
    return name


def table(results, names):
    rows = [k for k in results[names[0]] if not k.startswith("_")]
    lines = ["| figure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for k in rows:
        lines.append("| %s | %s |" % (k, " | ".join(results[n].get(k, "") for n in names)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--update-readme", action="store_true", help="write the table into README.md")
    ap.add_argument("--kernels", default="gokernel,python3")
    ap.add_argument("--before", metavar="REV", help="also measure gokernel built from git revision REV")
    ap.add_argument("--debugger", action="store_true", help="only the cost of the debugger, attached vs detached")
    args = ap.parse_args()
    if args.before and args.update_readme:
        ap.error("--update-readme takes the figures of this tree only: leave out --before")

    data_dir = tempfile.mkdtemp(prefix="gokernel-bench-")
    os.environ["JUPYTER_DATA_DIR"] = data_dir
    binary = os.path.join(data_dir, "gokernel")
    subprocess.run(["go", "build", "-o", data_dir + "/", ".", "./cmd/gokernel-worker"], cwd=ROOT, check=True)
    subprocess.run([binary, "install"], check=True, capture_output=True)

    names = args.kernels.split(",")
    if args.before:
        names.insert(0, install_before(args.before, data_dir))
    results = {}
    if args.debugger:
        for n in [n for n in names if n.startswith("gokernel")]:
            print("measuring the debugger's cost in %s ..." % n, file=sys.stderr)
            results[n] = measure_debugger(n, args.quick, before=n != "gokernel")
        print_debugger(results)
        return
    for n in names:
        print("measuring %s ..." % n, file=sys.stderr)
        results[n] = measure(n, args.quick)
    machine = "%s, %d cores, %s, Python %s" % (platform.processor() or platform.machine(), os.cpu_count(),
                                                subprocess.run(["go", "version"], capture_output=True, text=True).stdout.strip(),
                                                platform.python_version())
    out = table(results, names)
    if "gokernel" in results and "python3" in results:
        g, p = results["gokernel"], results["python3"]
        out += "\n\nratios (ipykernel / gokernel): start %.1fx (raw %.1fx), empty cell p50 %.1fx, 10,000 lines %.1fx, fib(27) %.2fx (native tier %.0fx), 10,000 spawns %.1fx, memory %.1fx" % (
            p["_start"] / g["_start"], p["_raw_start"] / g["_raw_start"], p["_p50"] / g["_p50"], p["_lines"] / g["_lines"], p["_fib"] / g["_fib"], p["_fib"] / g["_fib_native"],
            p["_spawn"] / g["_spawn"], p["_mem"] / g["_mem"])
    out += "\n\nMachine: %s; %s." % (machine, time.strftime("%Y-%m-%d"))
    print(out)
    if args.update_readme:
        path = os.path.join(ROOT, "README.md")
        with open(path) as f:
            readme = f.read()
        block = "<!-- bench:start -->\n" + out.replace("python3 |", "ipykernel |", 1) + "\n<!-- bench:end -->"
        readme = re.sub(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda m: block, readme, flags=re.S)
        with open(path, "w") as f:
            f.write(readme)


if __name__ == "__main__":
    main()

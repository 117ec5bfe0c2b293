#!/usr/bin/env python3
"""Load and soak benchmark for gokernel, through a real Jupyter client.
Prints figures; asserts nothing but completeness (every request answered,
every byte delivered in order).

    /usr/bin/python3 bench/soak.py [--cells N] [--big-cells N]
"""

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tree_rss_mb(pid):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    kids, rss = {}, {}
    for line in out.splitlines():
        p, pp, r = map(int, line.split())
        kids.setdefault(pp, []).append(p)
        rss[p] = r
    pids, i = [pid], 0
    while i < len(pids):
        pids.extend(kids.get(pids[i], []))
        i += 1
    return sum(rss.get(p, 0) for p in pids) / 1024


class Client:
    def __init__(self):
        self.km = KernelManager(kernel_name="gokernel")
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        self.pid = self.km.provisioner.process.pid

    def run(self, code, timeout=600):
        """Runs a cell reading iopub as it comes; returns (seconds, stdout, status)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code)
        out = []
        while True:
            m = self.kc.get_iopub_msg(timeout=timeout)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "stream":
                out.append(m["content"]["text"])
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
        while True:
            r = self.kc.get_shell_msg(timeout=timeout)
            if r["parent_header"].get("msg_id") == msg_id:
                break
        return time.perf_counter() - t0, "".join(out), r["content"]["status"]

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def small_cells(c, n):
    c.run("counter := 0")
    time.sleep(2)
    rss0 = tree_rss_mb(c.pid)
    times, failed = [], 0
    for i in range(n):
        t, _, status = c.run("counter++")
        times.append(t)
        failed += status != "ok"
    times.sort()
    rss1 = tree_rss_mb(c.pid)
    time.sleep(2)  # the worker returns freed memory when idle
    rss2 = tree_rss_mb(c.pid)
    _, out, _ = c.run("fmt.Println(counter)")
    print("%d small cells: all answered (%d errors), counter=%s, p50 %.2f ms, p99 %.2f ms, max %.1f ms; "
          "memory %.0f MB before, %.0f MB right after (+%.1f MB), %.0f MB after 2 s idle (+%.1f MB)" % (
              n, failed, out.strip(), times[n // 2] * 1e3, times[int(n * 0.99)] * 1e3, times[-1] * 1e3,
              rss0, rss1, rss1 - rss0, rss2, rss2 - rss0))


def big_output(c, n):
    peak, total, ok = 0, 0, True
    t0 = time.perf_counter()
    code = 'line := strings.Repeat("y", 1023)\nfor i := 0; i < 10240; i++ { fmt.Print(i, " ", line[:1023-len(fmt.Sprint(i))-1], "\\n") }'
    for k in range(n):
        _, out, status = c.run(code)
        lines = out.split("\n")[:-1]
        ok = ok and status == "ok" and len(lines) == 10240 and all(l.split(" ", 1)[0] == str(i) for i, l in enumerate(lines))
        total += len(out)
        peak = max(peak, tree_rss_mb(c.pid))
    dt = time.perf_counter() - t0
    print("%d cells printing 10 MB each: %s, %.0f MB delivered in %.1f s (%.0f MB/s), peak kernel memory %.0f MB" % (
        n, "all bytes in order" if ok else "OUTPUT LOST OR REORDERED", total / 2**20, dt, total / 2**20 / dt, peak))


def responsiveness(c, code, label):
    """Runs code while probing the heartbeat and the control channel."""
    ctx = zmq.Context.instance()
    hb = ctx.socket(zmq.REQ)
    hb.linger = 0
    hb.connect("tcp://%s:%d" % (c.km.ip, c.km.hb_port))
    ctl = c.km.client()
    ctl.start_channels(shell=False, iopub=False, stdin=False, hb=False, control=True)
    lat_hb, lat_ctl = [], []
    t0 = time.perf_counter()
    msg_id = c.kc.execute(code)
    reply = None
    while reply is None:
        t = time.perf_counter()
        hb.send(b"ping")
        if hb.poll(2000):
            hb.recv()
            lat_hb.append(time.perf_counter() - t)
        else:
            lat_hb.append(2.0)
            hb.close()
            hb = ctx.socket(zmq.REQ)
            hb.linger = 0
            hb.connect("tcp://%s:%d" % (c.km.ip, c.km.hb_port))
        t = time.perf_counter()
        ctl.control_channel.send(ctl.session.msg("kernel_info_request", {}))
        ctl.get_control_msg(timeout=10)
        lat_ctl.append(time.perf_counter() - t)
        try:
            r = c.kc.get_shell_msg(timeout=0.02)
            if r["parent_header"].get("msg_id") == msg_id:
                reply = r
        except queue.Empty:
            pass
    elapsed = time.perf_counter() - t0
    hb.close()
    ctl.stop_channels()
    while True:  # drain the cell's iopub
        m = c.kc.get_iopub_msg(timeout=30)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    print("%s: %s in %.2f s; heartbeat max %.1f ms, control kernel_info max %.1f ms (%d probes each)" % (
        label, reply["content"]["status"], elapsed, max(lat_hb) * 1e3, max(lat_ctl) * 1e3, len(lat_hb)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cells", type=int, default=10000)
    ap.add_argument("--big-cells", type=int, default=100)
    args = ap.parse_args()
    d = tempfile.mkdtemp(prefix="gokernel-soak-")
    os.environ["JUPYTER_DATA_DIR"] = d
    binary = os.path.join(d, "gokernel")
    subprocess.run(["go", "build", "-o", d + "/", ".", "./cmd/gokernel-worker"], cwd=ROOT, check=True)
    subprocess.run([binary, "install"], check=True, capture_output=True)
    c = Client()
    try:
        small_cells(c, args.cells)
        big_output(c, args.big_cells)
        responsiveness(c, "var wg sync.WaitGroup\nfor i := 0; i < 100000; i++ { wg.Add(1); go func() { defer wg.Done(); time.Sleep(200 * time.Millisecond) }() }\nwg.Wait()",
                       "a cell starting 100,000 goroutines")
        responsiveness(c, 'import "gokernel/proc"\nfunc napper(i int) int { time.Sleep(300 * time.Millisecond); return i }\nvar ps []*proc.Process\nfor i := 0; i < 50; i++ { p, err := proc.Start("napper", i); if err != nil { panic(err) }; ps = append(ps, p) }\nfor _, p := range ps { p.Wait() }',
                       "a cell starting 50 processes")
    finally:
        c.close()


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Peak memory of one Go kernel (kernel + worker + the processes its cells
start) while it runs each teaching notebook: the figure behind the
GOKERNEL_MEMORY_LIMIT a hub admin sets (README, "Deploying for a class").

    /usr/bin/python3 bench/notebook_memory.py [NOTEBOOK ...]   # default: all of notebooks/

Runs copies of the notebooks with nbclient and the installed "gokernel"
kernelspec (./install.sh first), sampling the kernel's process tree every
20 ms. Cells' child processes count too, as they do for a server's memory.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import nbformat
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tree_rss(pid):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    kids, rss = {}, {}
    for line in out.splitlines():
        p, pp, r = map(int, line.split())
        kids.setdefault(pp, []).append(p)
        rss[p] = r * 1024
    pids, i = [pid], 0
    while i < len(pids):
        pids.extend(kids.get(pids[i], []))
        i += 1
    return sum(rss.get(p, 0) for p in pids)


def run(path, workdir):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="gokernel", timeout=600, resources={"metadata": {"path": workdir}})
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            km = client.km
            proc = getattr(getattr(km, "provisioner", None), "process", None) if km else None
            if proc is not None:
                peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t0 = time.time()
    t.start()
    try:
        client.execute()
    finally:
        stop.set()
        t.join()
    return peak[0], time.time() - t0


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]_*.ipynb")))
    work = tempfile.mkdtemp(prefix="gokernel-nbmem-")
    try:
        print("| notebook | peak RSS of the kernel's processes | run time |")
        print("|---|---|---|")
        worst = 0
        for p in paths:
            peak, secs = run(p, work)
            worst = max(worst, peak)
            print("| %s | %.0f MB | %.1f s |" % (os.path.basename(p), peak / 1e6, secs), flush=True)
        print("\nlargest: %.0f MB" % (worst / 1e6))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

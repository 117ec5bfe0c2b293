"""gokernel/proc: notebook functions in separate OS processes, end to end
through jupyter_client, and no orphan process after a cell, an interrupt or
a shutdown."""

import os
import re
import signal
import time

from conftest import process_tree


def worker_pid(kernel):
    return int(kernel.ok("os.Getpid()").result)


def children(worker):
    return [p for p in process_tree(worker) if p != worker]


def test_start_wait_results_and_labelled_output(kernel):
    kernel.ok('import "gokernel/proc"\nfunc task(name string) (int, error) {\n\tfmt.Printf("Task %s: starting in pid %d\\n", name, os.Getpid())\n\ttime.Sleep(200 * time.Millisecond)\n\treturn len(name), nil\n}')
    r = kernel.ok('t0 := time.Now()\np1, _ := proc.Start("task", "A")\np2, _ := proc.Start("task", "BB")\nfmt.Println(p1.Wait(), p2.Wait(), p1.Results()[0], p2.Results()[0], p1.PID != p2.PID, p1.ExitCode(), os.Getpid() != p1.PID)\nfmt.Println(time.Since(t0) < 2*time.Second)')
    lines = r.stdout.splitlines()
    a = [l for l in lines if "Task A" in l][0]
    m = re.match(r"\[task pid (\d+)\] Task A: starting in pid (\d+)", a)
    assert m and m.group(1) == m.group(2), a
    assert "<nil> <nil> 1 2 true 0 true" in lines
    assert lines[-1] == "true"


def test_pool_map_queue_and_pipe(kernel):
    r = kernel.ok('func square(x int) int { return x * x }\nres, err := proc.Map("square", []int{1, 2, 3, 4, 5}, 2)\nfmt.Println(res, err)')
    assert r.stdout == "[1 4 9 16 25] <nil>\n"
    r = kernel.ok('q, _ := proc.NewQueue()\nfunc producer(q *proc.Queue, n int) { for i := 0; i < n; i++ { q.Put(fmt.Sprint("item ", i)) } }\np, _ := proc.Start("producer", q, 3)\np.Wait()\nfmt.Println(q.Get(), q.Get(), q.Get(), q.Len())')
    assert r.stdout == "item 0 item 1 item 2 0\n"
    r = kernel.ok('parent, child, _ := proc.Pipe()\nfunc echo(c *proc.Conn) { v := c.Recv(); c.Send(fmt.Sprint("echo: ", v)) }\np, _ = proc.Start("echo", child)\nparent.Send("hi")\nfmt.Println(parent.Recv())\np.Wait()')
    assert r.stdout == "echo: hi\n"


def test_errors_in_children(kernel):
    r = kernel.ok('func boom(n int) int { panic(fmt.Sprint("child panic ", n)) }\n_, err := proc.Call("boom", 7)\nfmt.Println(err)')
    assert "child panic 7" in r.stdout
    r = kernel.ok('_, err = proc.Call("noSuchFunction")\nfmt.Println(err)')
    assert "noSuchFunction" in r.stdout and "not a function defined in the notebook" in r.stdout


def test_no_orphans_after_cell_interrupt_and_shutdown(fresh_kernel):
    k = fresh_kernel
    k.ok('import "gokernel/proc"\nfunc sleeper(d int) { time.Sleep(time.Duration(d) * time.Second) }')
    worker = worker_pid(k)
    # a process still running at the end of its cell is stopped, and the cell says so
    r = k.ok('p, _ := proc.Start("sleeper", 60)\nfmt.Println(p.PID > 0)')
    assert "stopped 1 process(es) still running at the end of the cell" in r.stderr
    assert children(worker) == []
    # an interrupt stops the processes of the running cell
    msg_id = k.kc.execute('var ps []*proc.Process\nfor i := 0; i < 3; i++ { p, _ := proc.Start("sleeper", 60); ps = append(ps, p) }\nfor _, p := range ps { p.Wait() }')
    deadline = time.time() + 10
    while time.time() < deadline and len(children(worker)) < 3:
        time.sleep(0.1)
    assert len(children(worker)) == 3
    k.km.interrupt_kernel()
    assert k.shell_reply(msg_id, timeout=10)["content"]["status"] == "error"
    assert children(worker) == []
    # a shutdown leaves no process behind
    kpid = k.km.provisioner.process.pid
    msg_id = k.kc.execute('p, _ := proc.Start("sleeper", 60)\np.Wait()')
    deadline = time.time() + 10
    while time.time() < deadline and len(process_tree(kpid)) < 3:
        time.sleep(0.1)
    tree = process_tree(kpid)
    assert len(tree) == 3  # supervisor, worker, child
    k.km.shutdown_kernel(now=False)
    deadline = time.time() + 5
    while time.time() < deadline and any(os.path.exists("/proc/%d" % p) for p in tree):
        time.sleep(0.05)
    assert not any(os.path.exists("/proc/%d" % p) for p in tree)


def test_worker_files_are_removed_when_the_worker_ends(fresh_kernel):
    # A queue's socket lives in a directory the kernel gives the worker;
    # a queue never closed, a worker that dies of a Go fatal error and a
    # shutdown leave nothing behind in /tmp (a kernel per learner on a hub).
    k = fresh_kernel
    k.ok('import "gokernel/proc"')
    first = k.ok('q, _ := proc.NewQueue()\nq.Put(1)\nfmt.Println(q.Addr)').stdout.strip()
    assert os.path.exists(first)
    worker_dir = os.path.dirname(os.path.dirname(first))
    assert os.path.basename(worker_dir).startswith("gokernel-worker-"), first
    r = k.run('var mu sync.Mutex\nmu.Unlock()')  # a Go fatal error ends the worker
    assert r.status == "error" and "unlock of unlocked mutex" in r.error_text, r
    deadline = time.time() + 10
    while time.time() < deadline and os.path.exists(worker_dir):
        time.sleep(0.1)
    assert not os.path.exists(worker_dir)
    second = k.ok('import "gokernel/proc"\nq, _ := proc.NewQueue()\nfmt.Println(q.Addr)').stdout.strip()
    assert os.path.exists(second) and not second.startswith(worker_dir)
    k.km.shutdown_kernel(now=False)
    assert not os.path.exists(os.path.dirname(os.path.dirname(second)))

"""The client host of tests/test_remote.py: run by the test inside its own
network namespace (and its own PID namespace, so it cannot see or signal the
kernel's processes), it drives a gokernel on the other namespace's address
with jupyter_client's BlockingKernelClient, from a connection file.

    remote_client.py CONNECTION_FILE KERNEL_PID

It reports each step as a JSON line on stdout; the test answers on stdin when
it has to act on the kernel's host (start the kernel again after a restart).
"""

import json
import os
import queue
import socket
import sys
import time

from jupyter_client.blocking import BlockingKernelClient


def say(**kw):
    print(json.dumps(kw), flush=True)


def wait_line():
    line = sys.stdin.readline()
    if not line:
        raise SystemExit("the test went away")
    return json.loads(line)


class Remote:
    def __init__(self, path):
        self.kc = BlockingKernelClient()
        self.kc.load_connection_file(path)
        self.kc.start_channels()

    def run(self, code, timeout=30, stdin=None):
        """Executes code; returns (reply content, stdout, errors, results)."""
        kc = self.kc
        msg_id = kc.execute(code, allow_stdin=stdin is not None)
        out, errors, results, idle = [], [], [], False
        reply = None
        deadline = time.time() + timeout
        while reply is None or not idle:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("no reply to %r" % code)
            if stdin is not None:
                try:
                    req = kc.get_stdin_msg(timeout=0.01)
                    if req["msg_type"] == "input_request":
                        kc.input(stdin)
                except queue.Empty:
                    pass
            try:
                m = kc.get_iopub_msg(timeout=min(left, 0.05))
                if m["parent_header"].get("msg_id") == msg_id:
                    t, c = m["msg_type"], m["content"]
                    if t == "stream":
                        out.append(c["text"])
                    elif t == "error":
                        errors.append(c["ename"] + ": " + c["evalue"])
                    elif t == "execute_result":
                        results.append(c["data"].get("text/plain", ""))
                    elif t == "status" and c["execution_state"] == "idle":
                        idle = True
            except queue.Empty:
                pass
            if reply is None:
                try:
                    r = kc.get_shell_msg(timeout=0.001)
                    if r["parent_header"].get("msg_id") == msg_id:
                        reply = r["content"]
                except queue.Empty:
                    pass
        return reply, "".join(out), errors, results

    def control(self, msg_type, content, timeout=10):
        """Sends a request on the control channel and returns its reply."""
        msg = self.kc.session.msg(msg_type, content)
        self.kc.control_channel.send(msg)
        deadline = time.time() + timeout
        while True:
            r = self.kc.get_control_msg(timeout=max(0.01, deadline - time.time()))
            if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return r

    def beating(self, seconds=3):
        """Whether the heartbeat answered throughout `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            if not self.kc.hb_channel.is_beating():
                return False
            time.sleep(0.1)
        return True


def main():
    path, kernel_pid = sys.argv[1], int(sys.argv[2])
    info = json.load(open(path))
    # this host's view: its own address, not the kernel's; no kernel process
    addrs = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None)} | {"127.0.0.1"}
    say(step="host", kernel_ip=info["ip"], pid=os.getpid(),
        sees_kernel_process=os.path.exists("/proc/%d" % kernel_pid), local_kernel_ip=info["ip"] in addrs)

    r = Remote(path)
    t = time.time()
    r.kc.wait_for_ready(timeout=30)
    say(step="ready", seconds=round(time.time() - t, 3))
    say(step="heartbeat", beating=r.beating(2))

    reply, out, errors, _ = r.run('x := 40 + 2\nfmt.Println("remote", x)')
    say(step="execute", status=reply["status"], stdout=out, errors=errors)

    reply, out, errors, _ = r.run('var name string\nfmt.Scanln(&name)\nfmt.Println("hello,", name)', stdin="netns")
    say(step="stdin", status=reply["status"], stdout=out, errors=errors)

    # interrupt by message: the client cannot signal a process on another host
    msg_id = r.kc.execute("for {\n}")
    time.sleep(1)
    beating = r.beating(2)  # the heartbeat answers while the cell spins
    t = time.time()
    ir = r.control("interrupt_request", {})
    while True:
        m = r.kc.get_shell_msg(timeout=10)
        if m["parent_header"].get("msg_id") == msg_id:
            reply_status = m["content"]["status"]
            break
    err = ""
    while True:  # the cell's error and idle status
        m = r.kc.get_iopub_msg(timeout=10)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "error":
            err = m["content"]["ename"] + ": " + m["content"]["evalue"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    say(step="interrupt", interrupt_reply=ir["content"]["status"], reply_status=reply_status, error=err,
        seconds=round(time.time() - t, 3), beating_while_busy=beating)
    _, _, _, results = r.run("x")
    say(step="state kept", results=results)
    wait_line()  # the test has noted the kernel's worker

    # restart: the kernel shuts down for a restart; the kernel's host starts it again
    rr = r.control("shutdown_request", {"restart": True})
    say(step="restart requested", reply=rr["content"])
    wait_line()  # {"restarted": pid}
    t = time.time()
    r.kc.wait_for_ready(timeout=30)
    say(step="restarted", seconds=round(time.time() - t, 3), beating=r.beating(1))
    reply, out, errors, _ = r.run("x")
    say(step="after restart: old variable", status=reply["status"], errors=errors)
    reply, out, errors, _ = r.run('fmt.Println("after restart")')
    say(step="after restart: new cell", status=reply["status"], stdout=out, errors=errors)
    wait_line()

    sr = r.control("shutdown_request", {"restart": False})
    say(step="shutdown", reply=sr["content"])
    r.kc.stop_channels()


if __name__ == "__main__":
    main()

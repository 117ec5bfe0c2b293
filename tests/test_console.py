"""Debian's jupyter-console (6.4.4, prompt_toolkit 3.0.36) driven in a
detached tmux session, asserting what a person at the terminal sees: a
multi-line Go cell continues while the kernel's is_complete says
`incomplete` and runs when complete, Tab completes Go members, Ctrl-C stops
a running cell and the session keeps its variables, and quitting (or closing
the terminal) leaves no kernel or worker process. The panes' text is kept in
tests/output/console/.

Ctrl-C: this console loses its own SIGINT handler after its first
prompt_toolkit prompt (prompt_toolkit removes its SIGINT handler with
loop.remove_signal_handler, which resets SIGINT to Python's default), so
Ctrl-C while a cell runs prints "KeyboardInterrupt escaped interact()" and
sends the kernel nothing (jupyter/jupyter_console#296). The same scenario runs
with ipykernel and must end alike; when the console drops the cell, the test
interrupts the kernel over the control channel as another client would. With
--simple-prompt the console keeps its handler, and there Ctrl-C itself must
interrupt the Go cell.

Typing: the console's Enter key runs the event loop re-entrantly (nest_asyncio)
while it waits for is_complete; input arriving in that moment breaks its key
processor ("Unhandled exception in event loop"). So the test types at a
person's pace and turns off prompt_toolkit's cursor-position requests, whose
answers arrive as input (PROMPT_TOOLKIT_NO_CPR)."""

import glob
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
import zmq
from jupyter_client.session import Session

from conftest import alive, process_tree, read_json

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "output", "console")
TIMEOUT = 60  # seconds for anything the pane should show; a loaded machine is slow
ESCAPED = "KeyboardInterrupt escaped interact()"
# What each kernel prints for an interrupted cell, and the cells of the scenario.
KERNELS = {
    "gokernel": {"interrupted": r"Interrupted: the cell was interrupted", "set": "x := 42",
                 "loop": 'fmt.Println("looping"); for {}', "show": 'fmt.Println("x is", x)'},
    "python3": {"interrupted": r"KeyboardInterrupt\s+Traceback", "set": "x = 42",
                "loop": 'print("looping"); import time; time.sleep(600)', "show": 'print("x is", x)'},
}
outcomes = {}  # kernel name -> what Ctrl-C did


def cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class PortTaken(Exception):
    """jupyter_client chooses the kernel's ports by binding and releasing
    them, and another program on the machine took one before the kernel bound
    it: the kernel exits and this console (without a restarter) waits forever,
    with ipykernel as well."""


def start_console(kernel, *flags):
    """A console at its first prompt; a start lost to PortTaken is tried again."""
    for _ in range(3):
        try:
            return Console(kernel, *flags)
        except PortTaken as e:
            print("%s console: a port was taken, starting again:\n%s" % (kernel, e))
    raise AssertionError("the %s console lost three starts to taken ports" % kernel)


class Console:
    """jupyter-console --kernel NAME [flags] in a tmux session on a private socket."""

    def __init__(self, kernel, *flags):
        self.kernel, self.name = kernel, "-".join((kernel,) + flags)
        self.pids, self.shell_pid = [], None
        self.dir = tempfile.mkdtemp(prefix="gokernel-console-")
        self.sock = os.path.join(self.dir, "tmux.sock")
        self.runtime = os.path.join(self.dir, "runtime")
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=self.runtime,
                   IPYTHONDIR=os.path.join(self.dir, "ipython"),
                   JUPYTER_CONFIG_DIR=os.path.join(self.dir, "config"),
                   PYDEVD_DISABLE_FILE_VALIDATION="1", PROMPT_TOOLKIT_NO_CPR="1")
        cmd = ("/usr/bin/jupyter-console --kernel %s %s; echo console exited with status $?; sleep 600"
               % (kernel, " ".join("--" + f for f in flags)))
        # A new tmux server: the pane gets this environment (JUPYTER_DATA_DIR
        # with the test kernelspec from conftest).
        self.tmux("new-session", "-d", "-s", "c", "-x", "200", "-y", "50", cmd, env=env)
        try:
            self.shell_pid = int(self.tmux("display-message", "-p", "-t", "c", "#{pane_pid}"))
            m = self.wait(r"(In \[1\]:)|(?i:(address already in use))", "the first prompt")
            if m.group(2):
                raise PortTaken(self.screen())
            self.pids = self.kernel_pids()
            assert self.pids, "no kernel process under the console:\n" + self.screen()
        except BaseException:
            self.close()
            raise

    def tmux(self, *args, env=None):
        return subprocess.run(["tmux", "-S", self.sock, *args], env=env, check=True,
                              capture_output=True, text=True).stdout.strip()

    def kernel_pids(self):
        """The kernel and its worker below the console (not passing tools
        such as the worker's `go list`)."""
        tree = process_tree(self.shell_pid)  # tree[0] is the shell, tree[1] the console
        return [p for p in tree[2:] if alive(p) and re.search(r"gokernel|ipykernel", cmdline(p))]

    def screen(self):
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "c")

    def type(self, text, enter=True):
        """Type text (and Enter) at a person's pace (see the module's note)."""
        time.sleep(0.3)
        self.tmux("send-keys", "-t", "c", "-l", text)
        if enter:
            time.sleep(0.3)
            self.keys("Enter")

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "c", *keys)

    def wait(self, pattern, what, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while True:
            s = self.screen()
            m = re.search(pattern, s)
            if m:
                return m
            if time.time() > deadline:
                raise AssertionError("%s: no %r on the %s console within %d s:\n%s"
                                     % (what, pattern, self.kernel, timeout, s))
            time.sleep(0.1)

    def prompt(self):
        """The number of the last In [n] prompt."""
        return int(re.findall(r"In \[(\d+)\]:", self.screen())[-1])

    def run(self, line, expect, what):
        """Type a one-line cell and wait for expect and the next prompt."""
        n = self.prompt()
        self.type(line)
        m = self.wait(expect, what)
        self.wait(r"In \[%d\]:" % (n + 1), what + ": the next prompt")
        return m

    def interrupt_over_control(self):
        """interrupt_request on the control channel, as a second client would."""
        files = glob.glob(os.path.join(self.runtime, "kernel-*.json"))
        assert len(files) == 1, files
        info = read_json(files[0])
        session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.connect("%s://%s:%d" % (info["transport"], info["ip"], info["control_port"]))
        try:
            msg = session.send(sock, "interrupt_request", {})
            while True:
                assert sock.poll(TIMEOUT * 1000), "no interrupt_reply"
                _, r = session.recv(sock)
                if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    # ipykernel 6.17 replies with an empty content
                    assert r["msg_type"] == "interrupt_reply" and r["content"].get("status") != "error", r
                    return
        finally:
            sock.close(linger=0)

    def save(self):
        """Keep the pane's text for a person to read (tests/output/console)."""
        os.makedirs(OUTPUT, exist_ok=True)
        try:
            text = self.screen()
        except subprocess.CalledProcessError:
            return  # the session was closed
        with open(os.path.join(OUTPUT, self.name + ".txt"), "w") as f:
            f.write(text + "\n")

    def close(self):
        self.save()
        pids = self.pids + (self.kernel_pids() if self.shell_pid else [])
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)
        for p in pids:  # only what this console started
            if alive(p):
                os.kill(p, signal.SIGKILL)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def consoles():
    started = {}

    def get(kernel, *flags):
        if (kernel, flags) not in started:
            started[kernel, flags] = start_console(kernel, *flags)
        return started[kernel, flags]
    yield get
    for c in started.values():
        c.close()


def test_multiline_cell_continues_until_complete(consoles):
    c = consoles("gokernel")
    n = c.prompt()
    c.type("for i := 0; i < 3; i++ {")
    c.wait(r"In \[%d\]: for i := 0; i < 3; i\+\+ \{\n +\.\.\.: " % n, "a continuation prompt")
    c.type('fmt.Print("i=", i, " ")')
    c.wait(r'\.\.\.: .*fmt\.Print\("i=", i, " "\)\n +\.\.\.: ', "a second continuation prompt")
    time.sleep(0.5)
    assert "i=0" not in c.screen(), "the incomplete cell ran:\n" + c.screen()
    # "}" alone completes it: the console's own fallback (used when the
    # kernel's is_complete fails) would wait for an empty line.
    c.type("}")
    c.wait(r"\n\s*i=0 i=1 i=2 \s*\n", "the loop's output")
    c.wait(r"In \[%d\]:" % (n + 1), "the prompt after the loop")
    # A multi-line expression: its value comes back as Out[n].
    c.type("func() int {")
    c.wait(r"In \[%d\]: func\(\) int \{\n +\.\.\.: " % (n + 1), "a continuation prompt")
    c.type("return 40 + 2")
    c.type("}()")
    c.wait(r"Out\[%d\]: 42" % (n + 1), "Out of the expression")
    assert "did not respond" not in c.screen(), c.screen()


def test_tab_completes_go_members(consoles):
    c = consoles("gokernel")
    c.run("type T struct{ Alpha int }; var t T", r"var t T\n", "declaring t")
    n = c.prompt()
    c.type("t.Al", enter=False)
    c.keys("Tab")
    c.wait(r"In \[%d\]: t\.Alpha" % n, "t.Al completed")
    c.keys("Enter")
    c.wait(r"Out\[%d\]: 0" % n, "t.Alpha's value")
    n = c.prompt()
    c.type("strings.ToUp", enter=False)
    c.keys("Tab")
    c.wait(r"In \[%d\]: strings\.ToUpper" % n, "strings.ToUp completed")
    c.type('("go")')
    c.wait(r'Out\[%d\]: "GO"' % n, "strings.ToUpper's value")


def ctrl_c(c, k, fallback):
    """Run an endless cell after setting x, press Ctrl-C, and return what the
    console did. If it dropped the cell and fallback is set, interrupt the
    kernel over the control channel. Then the next cell must see x."""
    c.run(k["set"], re.escape(k["set"]) + r"\n", "setting x")
    n = c.prompt()
    c.type(k["loop"])
    # Its first output shows that the console runs the cell (and has not
    # just drawn the typed line).
    c.wait(r"In \[%d\]: %s\n+looping\b" % (n, re.escape(k["loop"])), "the endless cell running")
    time.sleep(0.5)
    c.keys("C-c")
    m = c.wait("(%s)|(%s)" % (k["interrupted"], re.escape(ESCAPED)), "Ctrl-C's effect")
    if m.group(1):
        outcome = "the console interrupted the kernel"
    else:
        outcome = "the console dropped the cell without interrupting the kernel"
        assert fallback, "Ctrl-C did not reach the kernel:\n" + c.screen()
        # The cell still runs: nothing was sent to the kernel. Interrupt it as
        # another client would; the console shows the error of the dropped
        # cell when it next reads iopub (at the next Enter).
        time.sleep(1)
        assert not re.search(k["interrupted"], c.screen()), c.screen()
        c.interrupt_over_control()
    # The next cell runs, and the session kept x.
    c.type(k["show"])
    c.wait(r"\nx is 42\n", "x after the interrupt")
    assert re.search(k["interrupted"], c.screen()), "no interruption shown:\n" + c.screen()
    assert all(alive(p) for p in c.pids), "the kernel did not survive the interrupt"
    return outcome


def test_ctrl_c_with_simple_prompt_interrupts_the_cell(consoles):
    """Without prompt_toolkit's prompt the console keeps its SIGINT handler:
    Ctrl-C makes it send interrupt_request (the kernelspec's interrupt_mode
    is "message"), and the kernel stops `for {}`."""
    c = consoles("gokernel", "simple-prompt")
    assert ctrl_c(c, KERNELS["gokernel"], fallback=False) == "the console interrupted the kernel"


@pytest.mark.parametrize("kernel", ["gokernel", "python3"])
def test_ctrl_c(consoles, kernel):
    outcomes[kernel] = ctrl_c(consoles(kernel), KERNELS[kernel], fallback=True)


def test_ctrl_c_does_with_gokernel_what_it_does_with_ipykernel():
    if len(outcomes) < 2:
        pytest.skip("test_ctrl_c did not run for both kernels")
    assert outcomes["gokernel"] == outcomes["python3"], outcomes


def test_closing_the_terminal_ends_the_kernel(consoles):
    c = consoles("gokernel", "simple-prompt")
    pids = set(c.pids + c.kernel_pids())
    c.save()
    c.tmux("kill-session", "-t", "c")
    assert_gone(pids)


@pytest.mark.parametrize("kernel", ["gokernel", "python3"])
def test_quit_leaves_no_kernel_process(consoles, kernel):
    c = consoles(kernel)
    pids = set(c.pids + c.kernel_pids())
    c.wait(r"In \[\d+\]:\s*$", "an empty prompt")
    c.keys("C-d")
    c.wait(r"Do you really want to exit \(\[y\]/n\)\?", "the exit question")
    c.type("y")
    c.wait(r"console exited with status 0", "the console's exit")
    assert_gone(pids)


def assert_gone(pids):
    deadline = time.time() + TIMEOUT
    while any(alive(p) for p in pids) and time.time() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if alive(p)]
    assert not left, "left running: %s" % subprocess.run(
        ["ps", "-o", "pid,args", "-p", ",".join(map(str, left))], capture_output=True, text=True).stdout

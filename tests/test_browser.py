"""End to end in a real browser: Debian's classic Jupyter Notebook server
(notebook 6, `python3 -m notebook`) on 127.0.0.1 serves a small Go notebook,
headless Chromium (driven by Selenium through chromedriver) opens it, clicks
Cell > Run All like a user, and the test checks that every kind of output the
kernel produces shows up in the page: stream text, display HTML, an SVG
timeline (an <img> of it, the bundle's text/html), an execute_result in an Out[...] prompt, and no error output.

Needs the Debian packages chromium, chromium-driver and python3-selenium (plus
jupyter-notebook, which the other end-to-end tests need too). When one is
missing the test FAILS with a message naming them; it never skips.

On failure a screenshot and the server's log are kept in a temporary
directory named in the failure message. Set GOKERNEL_BROWSER_SCREENSHOT=FILE.png
to always save a screenshot of the page after the run (to look at it).
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from conftest import alive, process_tree

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PACKAGES = "chromium chromium-driver python3-selenium jupyter-notebook"
INSTALL_HINT = "apt-get install " + PACKAGES

SERVER_START_TIMEOUT = 45  # s until the notebook server answers
PAGE_TIMEOUT = 45  # s until the notebook page is loaded and its kernel is idle
OUTPUTS_TIMEOUT = 60  # s until all outputs of Run All are in the page

HELLO = "hello from the browser"

CELLS = [
    ("markdown", "# Browser test\n\nRun by `tests/test_browser.py` through Cell > Run All."),
    ("code", 'fmt.Println("%s")' % HELLO),
    ("code", 'import "gokernel/display"\n\ndisplay.HTML("<b id=\\"gk-marker\\">rich</b>")'),
    ("code", 'tl := display.NewTimeline("browser timeline")\n'
             't0 := time.Now()\n'
             'tl.Span("worker A", t0, t0.Add(30*time.Millisecond), "fetch")\n'
             'tl.Span("worker B", t0.Add(10*time.Millisecond), t0.Add(45*time.Millisecond), "parse")\n'
             'tl.Show()'),
    ("code", "6 * 7"),
]


def _write_notebook(path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"}
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "markdown" else nbformat.v4.new_code_cell(src)
                for kind, src in CELLS]
    nbformat.write(nb, path)


# --- processes -------------------------------------------------------------

def _kill_all(pids, timeout=5):
    """SIGKILL the given pids that are still alive and wait for them to go."""
    for p in pids:
        if alive(p):
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
    deadline = time.time() + timeout
    while time.time() < deadline and any(alive(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if alive(p)]


def _stop_process(proc, descendants, timeout=15):
    """SIGTERM proc, wait, then SIGKILL it and whatever descendants (collected
    before it was told to stop, so orphans are found too) are left."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    # Descendants get a moment to exit on their own (the server shuts its
    # kernels down), then are killed.
    deadline = time.time() + timeout
    while time.time() < deadline and any(alive(p) for p in descendants):
        time.sleep(0.1)
    return _kill_all(descendants)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path, n=4000):
    try:
        with open(path, errors="replace") as f:
            return f.read()[-n:]
    except OSError as e:
        return "(%s)" % e


class NotebookServer:
    def __init__(self, workdir):
        self.dir = os.path.join(workdir, "notebooks")
        self.runtime = os.path.join(workdir, "runtime")
        os.makedirs(self.dir)
        os.makedirs(self.runtime)
        self.log = os.path.join(workdir, "server.log")
        self.token = secrets.token_hex(16)
        env = dict(os.environ)  # JUPYTER_DATA_DIR comes from conftest.py
        env["JUPYTER_RUNTIME_DIR"] = self.runtime  # the server's info file lands here
        env["JUPYTER_CONFIG_DIR"] = os.path.join(workdir, "config")  # no user config
        self.logf = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable if sys.executable else "/usr/bin/python3", "-m", "notebook",
             "--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=%d" % _free_port(),
             "--NotebookApp.token=" + self.token, "--NotebookApp.password=",
             "--notebook-dir=" + self.dir],
            stdin=subprocess.DEVNULL, stdout=self.logf, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)
        self.port = None
        self.kids = []

    def wait_ready(self, timeout):
        """The port comes from the server's nbserver-PID.json (so a port taken
        between _free_port and the server's bind does not matter); ready when
        /api/status answers."""
        deadline = time.time() + timeout
        info = os.path.join(self.runtime, "nbserver-%d.json" % self.proc.pid)
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("the notebook server exited with %s:\n%s" % (self.proc.returncode, _tail(self.log)))
            if self.port is None and os.path.exists(info):
                try:
                    with open(info) as f:
                        self.port = json.load(f)["port"]
                except (OSError, ValueError, KeyError):
                    pass
            if self.port is not None:
                try:
                    with urllib.request.urlopen(self.url("/api/status"), timeout=5) as r:
                        if r.status == 200:
                            return
                except (OSError, urllib.error.URLError):
                    pass
            time.sleep(0.1)
        raise AssertionError("the notebook server did not answer within %ds:\n%s" % (timeout, _tail(self.log)))

    def url(self, path):
        return "http://127.0.0.1:%d%s?token=%s" % (self.port, path, self.token)

    def stop(self):
        self.kids = process_tree(self.proc.pid)[1:]  # its kernels
        left = _stop_process(self.proc, self.kids)
        self.logf.close()
        return left


# --- browser ---------------------------------------------------------------

def _missing(what):
    pytest.fail("the browser test needs %s; install the Debian packages: %s" % (what, INSTALL_HINT), pytrace=False)


def _start_browser(workdir, *extra_args):
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            _missing(path)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as e:
        _missing("Selenium for /usr/bin/python3 (%s)" % e)
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-extensions", "--window-size=1280,1800",
              "--user-data-dir=" + os.path.join(workdir, "chromium-profile")) + extra_args:
        opts.add_argument(a)
    service = Service(executable_path=CHROMEDRIVER, log_path=os.path.join(workdir, "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    driver.set_script_timeout(30)
    return driver, service


def _quit_browser(driver, service):
    """driver.quit() with a timeout, then kill chromedriver and every
    Chromium process it started that is left."""
    proc = getattr(service, "process", None)
    kids = process_tree(proc.pid)[1:] if proc is not None else []
    t = threading.Thread(target=driver.quit, daemon=True)
    t.start()
    t.join(20)
    if proc is None:
        return []
    return _stop_process(proc, kids, timeout=10)


# --- the page --------------------------------------------------------------

# The state of the page, as one JSON-able object.
STATE_JS = r"""
var nb = window.Jupyter && Jupyter.notebook;
var icon = document.querySelector('#kernel_indicator_icon');
var s = {
  loaded: !!(nb && nb._fully_loaded),
  kernel: !!(nb && nb.kernel && nb.kernel.is_connected && nb.kernel.is_connected()),
  kernel_name: (nb && nb.kernel) ? nb.kernel.name : null,
  idle: !!(icon && icon.classList.contains('kernel_idle_icon')),
  dialog: Array.from(document.querySelectorAll('.modal.in .modal-body')).map(e => e.innerText).join('\n'),
  prompts: Array.from(document.querySelectorAll('.code_cell .input_prompt')).map(e => e.innerText.replace(/\u00a0/g, ' ').trim()),
  outputs: Array.from(document.querySelectorAll('.output_area')).map(function (a) {
    var p = a.querySelector('.output_prompt');
    var sub = a.querySelector('.output_subarea');
    return {prompt: p ? p.innerText.replace(/\u00a0/g, ' ').trim() : '', cls: sub ? sub.className : '', text: a.innerText};
  }),
  marker: !!document.querySelector('.output_area #gk-marker'),
  marker_text: (document.querySelector('.output_area #gk-marker') || {}).textContent || null,
  svgs: document.querySelectorAll('.output_area img[src^="data:image/svg+xml;base64,"]').length,
  errors: Array.from(document.querySelectorAll('.output_area .output_error')).map(e => e.innerText),
  markdown: !!document.querySelector('.text_cell.rendered h1'),
};
return s;
"""


def _poll(driver, cond, timeout):
    """Poll STATE_JS until cond(state) is true; return the last state and
    whether cond held."""
    deadline = time.time() + timeout
    state = None
    while True:
        state = driver.execute_script(STATE_JS)
        if cond(state):
            return state, True
        if time.time() >= deadline:
            return state, False
        time.sleep(0.2)


def _run_done(s):
    """Every code cell has a numbered prompt, the kernel is idle again and
    every expected output is there (or an error appeared)."""
    numbered = len(s["prompts"]) == sum(k == "code" for k, _ in CELLS) and all(
        p.startswith("In [") and p[4:-2].strip().isdigit() for p in s["prompts"])
    return s["errors"] or (numbered and s["idle"] and _missing_outputs(s) == [])


def _missing_outputs(s):
    missing = []
    if not any(HELLO in o["text"] and "output_stream" in o["cls"] for o in s["outputs"]):
        missing.append("stream text %r" % HELLO)
    if not s["marker"]:
        missing.append("#gk-marker from display.HTML")
    if s["svgs"] < 1:
        missing.append("an <img> of an SVG (timeline)")
    if not any(o["prompt"].startswith("Out[") and "42" in o["text"] for o in s["outputs"]):
        missing.append("42 in an Out[...] output")
    if not s["markdown"]:
        missing.append("the rendered Markdown heading")
    return missing


def test_run_all_cells_in_browser():
    t0 = time.time()
    workdir = tempfile.mkdtemp(prefix="gokernel-browser-")
    keep = False
    server = NotebookServer(workdir)
    driver = service = None
    problems = []
    try:
        _write_notebook(os.path.join(server.dir, "test.ipynb"))
        server.wait_ready(SERVER_START_TIMEOUT)
        driver, service = _start_browser(workdir)

        def fail(msg, state=None):
            nonlocal keep
            keep = True
            shot = os.path.join(workdir, "failure.png")
            try:
                driver.save_screenshot(shot)
            except Exception as e:  # the browser may be gone
                shot = "(no screenshot: %s)" % e
            pytest.fail("%s\npage state: %s\nscreenshot: %s\nserver log (%s):\n%s" % (
                msg, json.dumps(state, indent=1)[:6000], shot, server.log, _tail(server.log, 3000)),
                pytrace=False)

        driver.get(server.url("/notebooks/test.ipynb"))
        state, ok = _poll(driver, lambda s: s["loaded"] and s["kernel"] and s["idle"], PAGE_TIMEOUT)
        if not ok:
            fail("the notebook page did not load with an idle gokernel within %ds" % PAGE_TIMEOUT, state)
        assert state["kernel_name"] == "gokernel", state

        # Cell > Run All, like a user: open the menu, click the item.
        from selenium.webdriver.common.by import By
        driver.find_element(By.ID, "celllink").click()
        item = driver.find_element(By.CSS_SELECTOR, "#run_all_cells > a")
        _poll(driver, lambda s: item.is_displayed(), 5)
        item.click()

        state, ok = _poll(driver, _run_done, OUTPUTS_TIMEOUT)
        if state["errors"]:
            fail("a cell produced an error output: %s" % state["errors"], state)
        if not ok:
            fail("after Run All, missing within %ds: %s" % (OUTPUTS_TIMEOUT, _missing_outputs(state)), state)
        assert state["marker_text"] == "rich", state
        assert state["prompts"] == ["In [%d]:" % i for i in range(1, len(state["prompts"]) + 1)], state

        shot = os.environ.get("GOKERNEL_BROWSER_SCREENSHOT")
        if shot:
            driver.save_screenshot(shot)
    finally:
        if driver is not None:
            problems += ["chromium/chromedriver pid %d still alive" % p for p in _quit_browser(driver, service)]
        problems += ["notebook server child pid %d still alive" % p for p in server.stop()]
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
        print("browser test took %.1fs" % (time.time() - t0))
    assert not problems, problems

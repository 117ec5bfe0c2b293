"""Every picture the kernel draws survives the HTML export and renders in
the classic Notebook: checked on the pixels of screenshots in headless
Chromium (Selenium, as tests/test_browser.py), not on the markup.

Pictures are SVG (display's timelines, bars and progress bars, a value's
SVG() method, %%trace); each bundle also carries them as an <img> of the
SVG in its text/html, which the frontends and nbconvert rank first, and
which nbconvert 6.5-7.6 does not strip as it strips inline SVG.

- A small notebook with one picture of each kind is executed with nbconvert,
  exported with the lab and the classic template, and each exported page is
  opened in Chromium: every picture must be loaded and show its colours.
- Every stored teaching notebook is exported as `jupyter nbconvert --to
  html` does (lab template) and its charts checked the same way.
- The classic Notebook (notebook 6) opens the executed notebook (its stored,
  untrusted outputs), then runs it (Cell > Run All, live outputs): the
  pictures show their colours both times.

Screenshots of failing pictures are kept in the temporary directory named in
the failure message. Needs python3-pil (PIL) to decode the screenshots."""

import glob
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time

import nbformat
import pytest

from test_browser import NotebookServer, _quit_browser, _start_browser

try:
    from PIL import Image
except ImportError:  # pragma: no cover
    pytest.fail("test_export needs PIL for /usr/bin/python3: apt-get install python3-pil", pytrace=False)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9][0-9]_*.ipynb")))
SVG_IMG = 'img[src^="data:image/svg+xml;base64,"]'
# Only the local server: the exported pages' CDN scripts fail at once.
NO_NETWORK = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"



def over_white(h, alpha):
    """The colour h drawn with opacity alpha on white."""
    return "#" + "".join("%02x" % round(alpha * int(h[i:i + 2], 16) + (1 - alpha) * 255) for i in (1, 3, 5))


# One picture of each kind, with the colours it must show (display's
# palette, the timeline's bars at 90% opacity, schedtrace's running green).
CELLS = [
    ('import "gokernel/display"', []),
    ('tl := display.NewTimeline("two workers")\nt0 := time.Now()\n'
     'tl.Span("worker A", t0, t0.Add(30*time.Millisecond), "fetch")\n'
     'tl.Span("worker B", t0.Add(10*time.Millisecond), t0.Add(45*time.Millisecond), "parse")\ntl.Show()',
     [over_white("#4e79a7", 0.9), over_white("#f28e2b", 0.9)]),
    ('display.Bars("three bars", []string{"a", "b", "c"}, []float64{3, 2, 1}, "s")', ["#4e79a7", "#f28e2b", "#e15759"]),
    ('p := display.NewProgress(10, "steps")\nfor i := 0; i < 10; i++ { p.Add(1) }\np.Done()', ["#59a14f"]),
    ('display.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
     '<rect width="200" height="40" fill="#b07aa1"/></svg>`)', ["#b07aa1"]),
    ('type Pic struct{}\n\nfunc (Pic) SVG() string {\n\treturn `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
     '<circle cx="60" cy="20" r="18" fill="#76b7b2"/></svg>`\n}\n\nPic{}', ["#76b7b2"]),
    ('%%trace\nvar wg sync.WaitGroup\nfor i := 0; i < 2; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n'
     '\t\ts := 0\n\t\tfor j := 0; j < 300000; j++ { s += j }\n\t}()\n}\nwg.Wait()', ["#3aa655"]),
]
EXPECTED = [colours for _, colours in CELLS if colours]


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


def pixels(png, colours, tol=12):
    """How many pixels of the screenshot match each colour, and how many
    are colourful at all (not white, grey or black)."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    targets = [hexrgb(c) for c in colours]
    counts = [0] * len(targets)
    colourful = 0
    for p in img.getdata():
        if max(p) - min(p) > 40:
            colourful += 1
            for i, t in enumerate(targets):
                if abs(p[0] - t[0]) <= tol and abs(p[1] - t[1]) <= tol and abs(p[2] - t[2]) <= tol:
                    counts[i] += 1
    return dict(zip(colours, counts)), colourful, img.size


def check_pictures(driver, where, expected, shots, timeout=5):
    """The page's pictures (the <img>s of SVGs) are loaded and show their
    colours; expected is a list of colour lists, one per picture in page
    order (None: only check that there are pictures and each is colourful).
    Returns a list of problems."""
    deadline = time.time() + 30
    while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.1)
    deadline = time.time() + timeout
    while True:
        imgs = driver.find_elements("css selector", SVG_IMG)
        loaded = driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(i => i.complete && i.naturalWidth > 0)", SVG_IMG)
        if imgs and all(loaded) and (expected is None or len(imgs) >= len(expected)) or time.time() > deadline:
            break
        time.sleep(0.2)
    if not imgs:
        return ["%s: no picture (no <img> of an SVG) in the page" % where]
    if expected is not None and len(imgs) != len(expected):
        return ["%s: %d pictures, expected %d" % (where, len(imgs), len(expected))]
    problems, seen = [], []
    for i, img in enumerate(imgs):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", img)
        png = img.screenshot_as_png
        want = expected[i] if expected is not None else []
        counts, colourful, size = pixels(png, want)
        bad = [c for c, n in counts.items() if n < 30]
        seen.append("%d colourful px" % colourful + "".join(", %d of %s" % (n, c) for c, n in counts.items()))
        if not loaded[i] or colourful < 100 or bad:
            name = os.path.join(shots, "%s-%d.png" % (where.replace("/", "_").replace(" ", "_"), i))
            with open(name, "wb") as f:
                f.write(png)
            problems.append("%s: picture %d (%s, %dx%d) loaded=%s colourful pixels=%d, too few of %s: %s" % (
                where, i, img.get_attribute("alt")[:60], size[0], size[1], loaded[i], colourful, bad, name))
    print("\n    %s: %d pictures (%s)" % (where, len(imgs), "; ".join(seen)), end="")
    return problems


def nbconvert(*args):
    r = subprocess.run([sys.executable, "-m", "nbconvert", "--log-level=WARN", *args],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]


@pytest.fixture(scope="module")
def workdir():
    d = tempfile.mkdtemp(prefix="gokernel-export-")
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def executed(workdir):
    """The notebook of CELLS, executed by nbconvert with the kernel."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src, _ in CELLS]
    src = os.path.join(workdir, "pictures.ipynb")
    nbformat.write(nb, src)
    nbconvert("--to", "notebook", "--execute", "--inplace", "--ExecutePreprocessor.kernel_name=gokernel",
              "--ExecutePreprocessor.timeout=120", src)
    out = nbformat.read(src, as_version=4)
    errors = [o for c in out.cells for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    return src


@pytest.fixture(scope="module")
def browser(workdir):
    driver, service = _start_browser(workdir, NO_NETWORK)
    yield driver
    left = _quit_browser(driver, service)
    assert not left, "chromium processes left: %s" % left


def test_nbconvert_html_lab_and_classic(executed, workdir, browser):
    problems = []
    for template in ("lab", "classic"):
        out = os.path.join(workdir, template)
        nbconvert("--to", "html", "--template", template, "--output-dir", out, executed)
        page = os.path.join(out, "pictures.html")
        html = open(page, encoding="utf-8").read()
        assert "<svg" not in html, "the export holds inline SVG, which nbconvert 6.5-7.6 strips"
        browser.get("file://" + page)
        problems += check_pictures(browser, "nbconvert %s" % template, EXPECTED, workdir)
    assert not problems, "\n".join(problems)


def test_stored_notebooks_export(workdir, browser):
    """The stored outputs of the teaching notebooks draw in their export."""
    out = os.path.join(workdir, "stored")
    problems = []
    for nb in NOTEBOOKS:
        nbconvert("--to", "html", "--output-dir", out, nb)
        browser.get("file://" + os.path.join(out, os.path.basename(nb).replace(".ipynb", ".html")))
        problems += check_pictures(browser, os.path.basename(nb), None, workdir)
    assert not problems, "\n".join(problems)


def test_classic_notebook(executed, workdir):
    """The classic Notebook shows the stored pictures of an untrusted
    notebook, then the live ones of Run All."""
    server = NotebookServer(os.path.join(workdir, "server"))
    driver = service = None
    problems = []
    try:
        shutil.copy(executed, os.path.join(server.dir, "pictures.ipynb"))
        server.wait_ready(45)
        driver, service = _start_browser(os.path.join(workdir, "server"), NO_NETWORK)
        driver.get(server.url("/notebooks/pictures.ipynb"))
        ready = ("var nb = window.Jupyter && Jupyter.notebook; var icon = document.querySelector('#kernel_indicator_icon');"
                 "return !!(nb && nb._fully_loaded && nb.kernel && nb.kernel.is_connected() && icon && icon.classList.contains('kernel_idle_icon'))")
        deadline = time.time() + 45
        while not driver.execute_script(ready):
            assert time.time() < deadline, "the notebook page did not load with an idle kernel"
            time.sleep(0.2)
        assert not driver.execute_script("return Jupyter.notebook.trusted"), "the copied notebook is untrusted"
        problems += check_pictures(driver, "classic Notebook, stored outputs", EXPECTED, workdir)

        driver.execute_script("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells()")
        done = ("var ps = Array.from(document.querySelectorAll('.code_cell .input_prompt')).map(e => e.innerText);"
                "var icon = document.querySelector('#kernel_indicator_icon');"
                "return ps.length > 0 && ps.every(p => /In\\s*\\[\\d+\\]/.test(p)) && icon.classList.contains('kernel_idle_icon')")
        deadline = time.time() + 90
        while not driver.execute_script(done):
            assert time.time() < deadline, "Run All did not finish"
            time.sleep(0.3)
        errors = driver.execute_script("return Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText)")
        assert not errors, errors
        problems += check_pictures(driver, "classic Notebook, Run All", EXPECTED, workdir, timeout=30)
    finally:
        if driver is not None:
            problems += ["chromium pid %d left" % p for p in _quit_browser(driver, service)]
        problems += ["notebook server child %d left" % p for p in server.stop()]
    assert not problems, "\n".join(problems)

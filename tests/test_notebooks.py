"""The teaching notebooks (notebooks/NN_*.ipynb) run top to bottom with the
installed gokernel kernel and produce what they promise.

Each notebook is executed with `jupyter nbconvert --to notebook --execute`
(a subprocess, with the JUPYTER_DATA_DIR that conftest.py set up, and a
per-cell timeout) into a temporary directory — the stored notebooks are not
touched — then exported with `--to html`. A notebook fails if any cell
produced an error output, if its HTML holds no timing text, or if it has no
SVG chart (an <img> of one: tests/test_export.py checks the pixels). Per-notebook durations are printed (no test is timed).

Static checks on the stored notebooks (kernelspec, stored outputs, README
mapping, run_all.sh) run without executing anything.
"""

import glob
import json
import os
import re
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS_DIR = os.path.join(ROOT, "notebooks")
NOTEBOOKS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(NOTEBOOKS_DIR, "[0-9][0-9]_*.ipynb")))

CELL_TIMEOUT = 120  # seconds per cell
# Timing text: IPython-style %time output, or a printed Go duration ("12ms", "1.5 s", "340µs", "2.001s").
TIMING_RE = re.compile(r"Wall time|\b\d+(?:\.\d+)?\s?(?:ms|µs|s)\b")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def raises(cell):
    """Whether the cell is tagged raises-exception: its error is the lesson
    (08's deadlock report), and nbconvert runs on after it."""
    return "raises-exception" in cell.get("metadata", {}).get("tags", [])


def error_outputs(nb):
    """(cell number, ename, evalue) of every error output, but those of
    the cells tagged raises-exception."""
    errs = []
    for i, cell in enumerate(nb["cells"], 1):
        if raises(cell):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errs.append((i, out.get("ename"), out.get("evalue")))
    return errs


def nbconvert(*args, timeout=600):
    cmd = [sys.executable, "-m", "nbconvert", "--log-level=WARN", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=os.environ.copy())


def test_notebooks_exist():
    assert len(NOTEBOOKS) >= 10, NOTEBOOKS
    numbers = [n[:2] for n in NOTEBOOKS]
    assert numbers == ["%02d" % i for i in range(1, len(NOTEBOOKS) + 1)], "notebooks are numbered 01, 02, … without gaps"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_notebook(name):
    """The committed notebook uses the gokernel kernelspec and is stored with outputs, none an error."""
    nb = load(os.path.join(NOTEBOOKS_DIR, name))
    ks = nb["metadata"]["kernelspec"]
    assert ks["name"] == "gokernel" and ks["language"] == "go" and ks["display_name"] == "Go (gokernel)"
    assert nb["metadata"]["language_info"]["name"] == "go"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    markdown = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert code and markdown, "Markdown explanation and code"
    assert all(c.get("outputs") is not None for c in code)
    assert sum(1 for c in code if c.get("outputs")) >= len(code) // 2, "stored with outputs (run notebooks/run_all.sh)"
    assert not error_outputs(nb), error_outputs(nb)


def test_readme_maps_every_notebook_and_faq():
    readme = open(os.path.join(NOTEBOOKS_DIR, "README.md"), encoding="utf-8").read()
    for name in NOTEBOOKS:
        assert name in readme, name
    assert "run_all.sh" in readme
    for faq in [
        "What is the Global Interpreter Lock",
        "How can I avoid race conditions",
        "truly parallel",
        "differences between multithreading and multiprocessing",
        "How do I share data between threads",
        "multithreading vs asynchronous programming",
        "pitfalls",
        "How stable and mature",
    ]:
        assert faq in readme, faq


# Functions the notebooks define more than once on purpose: the tutorials'
# own example tasks and the small workloads each lesson shows in full where
# it uses them (a notebook must read on its own), and main of the whole
# programs that %%compile builds. Any other function defined in two
# notebooks is a pasted helper: it belongs in a package cells import
# (gokernel/measure for measuring, gokernel/display, gokernel/proc).
LESSON_FUNCS = {"task", "countPrimes", "crunch", "fetch", "printSquare", "main"}


def test_no_helper_is_pasted_into_two_notebooks():
    where = {}
    for name in NOTEBOOKS:
        for cell in load(os.path.join(NOTEBOOKS_DIR, name))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for m in re.finditer(r"^func (?:\([^)]*\)\s*)?(\w+)", "".join(cell["source"]), re.M):
                where.setdefault(m.group(1), set()).add(name[:2])
    pasted = {f: sorted(nbs) for f, nbs in where.items() if len(nbs) > 1 and f not in LESSON_FUNCS}
    assert not pasted, "functions defined in more than one notebook: %s" % pasted
    # The measuring helpers are imported, not written again.
    for helper in ("cpuTime", "bestOf", "osThreads", "threads"):
        assert helper not in where, "%s is defined in notebook %s: use gokernel/measure" % (helper, sorted(where[helper]))


def test_run_all_script():
    path = os.path.join(NOTEBOOKS_DIR, "run_all.sh")
    assert os.access(path, os.X_OK)
    text = open(path, encoding="utf-8").read()
    assert "nbconvert" in text and "--execute" in text and "--inplace" in text


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executes(name, tmp_path, capsys):
    """Execute the notebook with the installed kernel, then export it to HTML."""
    src = os.path.join(NOTEBOOKS_DIR, name)
    t0 = time.time()
    run = nbconvert(
        "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=gokernel",
        "--ExecutePreprocessor.timeout=%d" % CELL_TIMEOUT,
        "--ExecutePreprocessor.allow_errors=True",  # keep going, so that every error is reported below
        "--output-dir", str(tmp_path), "--output", name,
        src,
    )
    elapsed = time.time() - t0
    with capsys.disabled():
        print("\n    %-45s executed in %5.1f s" % (name, elapsed), end="")
    assert run.returncode == 0, run.stderr[-3000:]
    executed = load(str(tmp_path / name))
    errs = error_outputs(executed)
    assert not errs, "cells with errors: %r" % errs
    # A cell whose error is the lesson must show it (and nothing else may
    # fail there): the kernel's deadlock report.
    for i, cell in enumerate(executed["cells"], 1):
        if raises(cell):
            got = [(o["ename"], o["evalue"]) for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            assert got and all("deadlock" in v for _, v in got), "cell %d: %r" % (i, got)

    html = nbconvert("--to", "html", "--output-dir", str(tmp_path), str(tmp_path / name))
    assert html.returncode == 0, html.stderr[-3000:]
    text = open(str(tmp_path / name.replace(".ipynb", ".html")), encoding="utf-8").read()
    assert TIMING_RE.search(text), "no timing output in the HTML"
    # Charts are <img>s of their SVG (the bundle's text/html); tests/test_export.py checks they are drawn.
    assert 'src="data:image/svg+xml;base64,' in text, "no SVG chart in the HTML"
    # every notebook draws at least one timeline (its title, the <img>'s alt text, carries the wall time: "… — 1.2 s wall")
    assert re.search(r'alt="[^"]*\bwall\b', text), "no timeline chart"

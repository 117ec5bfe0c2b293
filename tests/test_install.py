"""install.sh, as a newcomer runs it: idempotent, honours --prefix and
JUPYTER_DATA_DIR, and the kernelspec it writes starts a working kernel."""

import json
import os
import shutil
import subprocess
import tempfile

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_install_sh_prefix_and_idempotent():
    prefix = tempfile.mkdtemp()
    for _ in range(2):  # running it again replaces the install
        out = subprocess.run(["./install.sh", "--prefix", prefix, "--no-frontend"], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr
    spec_dir = os.path.join(prefix, "share", "jupyter", "kernels", "gokernel")
    spec = json.load(open(os.path.join(spec_dir, "kernel.json")))
    assert spec["argv"] == [os.path.join(prefix, "bin", "gokernel"), "-f", "{connection_file}"]
    assert spec["display_name"] == "Go (gokernel)" and spec["language"] == "go"
    assert spec["interrupt_mode"] == "message"
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert os.path.getsize(os.path.join(spec_dir, logo)) > 0
    with open(os.path.join(spec_dir, "logo-64x64.png"), "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    # Jupyter finds it there
    ksm = KernelSpecManager(kernel_dirs=[os.path.join(prefix, "share", "jupyter", "kernels")])
    assert ksm.get_kernel_spec("gokernel").display_name == "Go (gokernel)"
    v = subprocess.run([os.path.join(prefix, "bin", "gokernel"), "version"], capture_output=True, text=True)
    assert v.returncode == 0 and v.stdout.startswith("gokernel ")
    assert os.access(os.path.join(prefix, "bin", "gokernel-worker"), os.X_OK)
    # the installed kernel runs cells (in the installed worker)
    km = KernelManager(kernel_name="gokernel", kernel_spec_manager=ksm)
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=30)
        out = []
        reply = kc.execute_interactive('fmt.Println(40 + 2)', timeout=30,
                                       output_hook=lambda m: out.append(m["content"].get("text", "")))
        assert reply["content"]["status"] == "ok" and "".join(out) == "42\n"
        kc.stop_channels()
    finally:
        km.shutdown_kernel(now=True)


def test_install_sh_user_data_dir():
    data = tempfile.mkdtemp()
    home = tempfile.mkdtemp()
    env = dict(os.environ, JUPYTER_DATA_DIR=data, HOME=home)
    out = subprocess.run(["./install.sh", "--no-frontend"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert os.path.exists(os.path.join(data, "kernels", "gokernel", "kernel.json"))
    assert os.path.exists(os.path.join(home, ".local", "bin", "gokernel"))
    assert os.path.exists(os.path.join(home, ".local", "bin", "gokernel-worker"))


def test_missing_worker_is_explained(gokernel_bin):
    """gokernel without gokernel-worker next to it says what to build."""
    d = tempfile.mkdtemp()
    lone = os.path.join(d, "gokernel")
    shutil.copy(gokernel_bin, lone)
    r = subprocess.run([lone, "-f", os.path.join(d, "k.json")], capture_output=True, text=True, timeout=30)
    assert r.returncode == 1
    assert os.path.join(d, "gokernel-worker") in r.stderr and "go build -o" in r.stderr
    r = subprocess.run([lone, "install", "--prefix", d], capture_output=True, text=True, timeout=30)
    assert r.returncode == 1 and "gokernel-worker" in r.stderr
    shutil.rmtree(d)


def test_gokernel_usage_and_exit_codes(gokernel_bin):
    r = subprocess.run([gokernel_bin], capture_output=True, text=True)
    assert r.returncode == 2 and "Usage:" in r.stderr
    r = subprocess.run([gokernel_bin, "--bogus"], capture_output=True, text=True)
    assert r.returncode == 2
    r = subprocess.run([gokernel_bin, "-f", "/nonexistent/dir/k.json"], capture_output=True, text=True)
    assert r.returncode == 1
    r = subprocess.run([gokernel_bin, "help"], capture_output=True, text=True)
    assert r.returncode == 0 and "gokernel install" in r.stdout

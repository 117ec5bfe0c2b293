"""Starts the JupyterLab test page server (see gokernel_lab.py):

    /usr/bin/python3 tests/jupyterlab/server.py --build-dir=DIR [jupyter_server options]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gokernel_lab import GokernelLabApp  # noqa: E402

if __name__ == "__main__":
    sys.exit(GokernelLabApp.launch_instance())

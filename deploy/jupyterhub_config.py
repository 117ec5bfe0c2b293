# JupyterHub configuration for a class on one server, with gokernel installed
# system-wide (`./install.sh --prefix /usr/local`). Debian 12: `apt-get install
# jupyterhub python3-jupyter-server`, then run as root:
#
#     cp deploy/jupyter_server_config.py /etc/jupyter/   # recommended, see that file
#     jupyterhub -f deploy/jupyterhub_config.py
#
# Learners log in with their system accounts (PAM, JupyterHub's default); each
# gets a Jupyter server running as their own user (LocalProcessSpawner, the
# default), one Go kernel per notebook. bench/workshop.py loads this file and
# only swaps the authenticator (a dummy one for the test users it creates) and
# the ports, so the settings below are the ones the load test measured (README,
# "Deploying for a class").

import os

c = get_config()  # noqa: F821 (provided by JupyterHub)

# Debian's configurable-http-proxy keeps its Node modules in /usr/share/nodejs,
# which only Debian's own nodejs searches; with another Node.js on the machine
# (NodeSource's, for one) the proxy fails with "Cannot find module 'commander'".
os.environ.setdefault("NODE_PATH", "/usr/share/nodejs")

c.JupyterHub.bind_url = "http://:8000"

# Memory: each kernel's worker (the process that runs cells) is stopped when it
# holds more than this; the learner's cell gets an error naming the limit, the
# kernel stays up with a fresh worker, and nobody else is affected. The
# kernel's default is half of the machine's memory *per kernel*, which a class
# of 30 must not keep. Measured (README, "Deploying for a class"): a kernel
# idles at 58 MB and peaks at 87 MB running the first teaching notebook; the
# heaviest teaching notebook (11, memory footprint) peaks at 371 MB with the
# compiler it runs; a Jupyter server takes ~140 MB. So that every learner may
# reach the limit at once: (RAM - 1 GB - 150 MB x learners) / learners, and at
# least 512MiB: 1GiB for 30 learners on 36 GB, 600MiB on 24 GB.
c.Spawner.environment = {
    "GOKERNEL_MEMORY_LIMIT": "1GiB",
}

# CPU: nothing to set on one server. jupyter_client starts each kernel in a
# session of its own, and Linux's autogroup scheduling (Debian's default,
# /proc/sys/kernel/sched_autogroup_enabled = 1) shares the CPU between
# sessions, not threads. Measured with 30 learners on 2 cores: a learner whose
# cell spun on every core got 3.6-3.8% of the kernels' CPU (a fair share is
# 3.3%), and the slowest notebook took 1.01-1.02x the median.
# (LocalProcessSpawner ignores Spawner.cpu_limit and mem_limit; they apply on
# Kubernetes, see deploy/kubernetes/config.yaml.)

# Thirty servers starting in the same minute on a small machine: a Jupyter
# server needs ~1 s of CPU to start; with 30 at once on 2 cores the last one
# answered after 13 to 22 s, close to JupyterHub's default http_timeout of 30 s.
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120

# Learners start in their home directory (where the teaching notebooks are
# copied for them).
c.Spawner.notebook_dir = "~"

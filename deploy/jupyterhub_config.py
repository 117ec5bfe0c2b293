# JupyterHub configuration for a class on one server, with gokernel installed
# system-wide (`./install.sh --prefix /usr/local`). Debian 12: `apt-get install
# jupyterhub python3-jupyter-server`, then run as root:
#
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
# of 30 must not keep. One learner running the first teaching notebook peaks at
# ~45 MB (kernel + worker) and the heaviest teaching notebook (11, memory
# footprint) at ~240 MB: 1GiB leaves room for the exercises, and 30 x 1 GiB
# plus the Jupyter servers (~75 MB each) fits a 32 GB server even if every
# learner hits the limit at once. Rule: (RAM - 4 GB) / learners, at least 512MiB.
c.Spawner.environment = {
    "GOKERNEL_MEMORY_LIMIT": "1GiB",
}

# CPU: nothing to set on one server. jupyter_client starts each kernel in a
# session of its own, and Linux's autogroup scheduling (Debian's default,
# /proc/sys/kernel/sched_autogroup_enabled = 1) shares the CPU between
# sessions, not threads: a learner whose cell spins on every core gets one
# kernel's share. Measured by the load test: 30 learners on 2 cores, the
# slowest notebook within 2x the median while one learner looped forever.
# (LocalProcessSpawner ignores Spawner.cpu_limit and mem_limit; they apply on
# Kubernetes, see deploy/kubernetes/config.yaml.)

# Thirty servers starting in the same minute on a small machine: a Jupyter
# server needs ~1 s of CPU to start, so the last of 30 answers after tens of
# seconds on 2 cores. JupyterHub's default of 30 s would fail those spawns.
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120

# Learners start in their home directory (where the teaching notebooks are
# copied for them).
c.Spawner.notebook_dir = "~"

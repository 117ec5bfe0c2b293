# Jupyter Server settings for a class on one machine (put this file in
# /etc/jupyter/, or add it to the jupyter_server_config.py there). Both were
# found by the load test, bench/workshop.py (README, "Deploying for a class").

c = get_config()  # noqa: F821 (provided by Jupyter)

# 1. Kernels talk to their server over Unix sockets in the learner's runtime
# directory (mode 0700), not TCP ports on 127.0.0.1:
# - jupyter_client picks a kernel's 5 ports by binding port 0 and closing it,
#   and the kernel binds them a moment later. With 30 servers starting 30
#   kernels on one machine, another process can take such a port in between;
#   the kernel cannot bind it and exits, and jupyter_client 7.4 (Debian 12)
#   restarts it 5 times on the *same* ports ("new random ports" is a no-op
#   there), so the learner's kernel is dead. Seen in 1 of 2 runs with 30
#   learners; Unix sockets have no ports to collide.
# - On a machine shared by learners, anybody can connect to 127.0.0.1: the
#   signing key protects shell and control, but iopub (every output) is
#   unauthenticated by the protocol. A Unix socket in a 0700 directory is
#   reachable by its owner only.
c.KernelManager.transport = "ipc"

# 2. The kernel websocket sends each message at once (TCP_NODELAY). Jupyter
# Server (1.x in Debian 12, and 2.x) leaves Nagle's algorithm on: a message
# written while the previous one is unacknowledged waits for the receiver's
# delayed ACK, ~40 ms on Linux. A small cell answers with several messages
# (busy, result, reply, idle), so every cell pays it: 48 ms per small cell on
# a quiet hub without this, 3 to 5 ms with it (the kernel itself takes ~1 ms).
import importlib  # noqa: E402


def _send_at_once(cls):
    open_ = cls.open

    def open(self, *args, **kwargs):
        self.set_nodelay(True)
        return open_(self, *args, **kwargs)

    cls.open = open


for _module, _name in (("jupyter_server.services.kernels.handlers", "ZMQChannelsHandler"),  # 1.x
                       ("jupyter_server.services.kernels.websocket", "KernelWebsocketHandler")):  # 2.x
    try:
        _send_at_once(getattr(importlib.import_module(_module), _name))
    except (ImportError, AttributeError):
        pass

# Optional Jupyter Server setting for a class (put it in /etc/jupyter/, or add
# it to the jupyter_server_config.py there): the kernel websocket sends each
# message at once (TCP_NODELAY).
#
# Jupyter Server (1.x in Debian 12, and 2.x) leaves Nagle's algorithm on for
# the kernel websocket: when it writes a message while its previous one is not
# yet acknowledged, the message waits for the receiver's delayed ACK, ~40 ms on
# Linux. A small cell answers with several messages (busy, result, reply,
# idle), so every cell pays it. Measured by bench/workshop.py on one hub
# (README, "Deploying for a class"): a small cell 48 ms without this file,
# a few ms with it; the kernel itself answers in about 1 ms.
import importlib


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

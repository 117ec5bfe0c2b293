"""A jupyter_server extension (a jupyterlab_server LabServerApp) that serves
the JupyterLab test page (tests/jupyterlab, built into a build directory)
with Debian's jupyter_server and jupyterlab_server:

    python3 server.py --build-dir=DIR [jupyter_server options]

The page is at /gokernel-lab?path=NOTEBOOK.ipynb; notebooks, kernels and
kernelspecs come from jupyter_server's own REST and websocket APIs (the
kernelspec is the installed gokernel one). Debian 12's jupyter_server 1.23
has no /api/me and no /api/events (JupyterLab 4 asks for both): this app
answers them, so the page's requests all succeed.
"""

import json
import os

from jupyter_server.base.handlers import APIHandler, JupyterHandler
from jupyter_server.extension.handler import ExtensionHandlerMixin
from jupyter_server.utils import url_path_join as ujoin
from jupyterlab_server import LabConfig, LabServerApp
from tornado import web, websocket
from traitlets import Unicode

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = """<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>gokernel in JupyterLab</title>
  <script id="jupyter-config-data" type="application/json">{config}</script>
</head>
<body>
  <script src="{bundle}"></script>
</body>
</html>
"""


class PageHandler(ExtensionHandlerMixin, JupyterHandler):
    """The notebook page."""

    @web.authenticated
    def get(self):
        config = {
            "baseUrl": self.base_url,
            "wsUrl": "",
            "token": self.settings["token"],
            "appVersion": "4.6",
            "terminalsAvailable": False,
        }
        bundle = ujoin(self.base_url, "static", self.name, "bundle.js")
        self.write(PAGE.format(config=json.dumps(config).replace("</", "<\\/"), bundle=bundle))


class MeHandler(APIHandler):
    """/api/me of jupyter_server 2 (the identity of the user)."""

    @web.authenticated
    def get(self):
        self.finish(json.dumps({
            "identity": {"username": "gokernel-test", "name": "gokernel test", "display_name": "gokernel test",
                         "initials": "GT", "avatar_url": None, "color": None},
            "permissions": {},
        }))


class EventsHandler(JupyterHandler, websocket.WebSocketHandler):
    """/api/events/subscribe of jupyter_server 2: the server emits no events."""

    async def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403)
        return await super().get(*args, **kwargs)

    def on_message(self, message):
        pass


class GokernelLabApp(LabServerApp):
    name = "gokernel_lab"
    extension_url = "/gokernel-lab"
    default_url = Unicode("/gokernel-lab")
    load_other_extensions = False
    app_name = "gokernel JupyterLab test page"
    build_dir = Unicode(os.path.join(HERE, "build"), config=True, help="the built page (bundle.js)")

    aliases = dict(LabServerApp.aliases)
    aliases["build-dir"] = "GokernelLabApp.build_dir"

    def initialize_settings(self):
        super().initialize_settings()

    def initialize_templates(self):
        self.static_paths = [self.build_dir]
        self.template_paths = []

    def initialize_handlers(self):
        self.handlers.extend([
            ("/gokernel-lab", PageHandler),
            ("/api/me", MeHandler),
            ("/api/events/subscribe", EventsHandler),
        ])


GokernelLabApp.lab_config = LabConfig(app_name="gokernel JupyterLab test page", app_url="/gokernel-lab")


def _jupyter_server_extension_points():
    return [{"module": "gokernel_lab", "app": GokernelLabApp}]

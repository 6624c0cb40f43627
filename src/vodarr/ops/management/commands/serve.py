"""`vodarr serve`: the whole app in one command — embedded aria2 and demo provider when
nothing is configured, the worker process, and the web server (uvicorn, ASGI).

aria2c and the worker are supervised (restarted with backoff when they die, see
``ops.supervisor``) and die with this process, even when it is killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from vodarr.ops.checks import aria2_session_file
from vodarr.ops.children import Aria2Child, CommandChild, die_with_parent
from vodarr.ops.serving import PARENT_PID_VARIABLE, port_socket, uvicorn_options
from vodarr.ops.supervisor import Supervisor

if TYPE_CHECKING:
    from vodarr.demo.provider import FakeProvider


class Command(BaseCommand):
    help = "Serve Vodarr: web server, worker, and (unless configured) embedded aria2 and demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.HOST)
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--no-worker", action="store_true", help="do not start the worker")
        parser.add_argument(
            "--web-workers",
            type=int,
            default=int(os.environ.get("WEB_WORKERS", "1") or 1),
            help="uvicorn processes (default WEB_WORKERS or 1; `make bench` shows the gain)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        supervisor = Supervisor()
        with ExitStack() as stack:
            # Web worker processes and the background worker inherit what was started here.
            os.environ.update(self._start_demo_provider(stack))
            # Registered after the demo's: on the way out the worker and aria2 stop first.
            stack.callback(supervisor.stop)
            os.environ.update(self._start_aria2(supervisor))
            if not options["no_worker"]:
                supervisor.add(CommandChild("worker", ["worker"], os.environ.copy()))
            supervisor.watch()
            # uvicorn's own worker processes (--web-workers) die with this one too.
            os.environ[PARENT_PID_VARIABLE] = str(os.getpid())
            # uvicorn re-raises SIGTERM/SIGINT once it has shut down; with these no-op handlers
            # in place that re-raise returns here, so the ExitStack stops worker, demo and aria2.
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: None)
            self.stdout.write(f"Vodarr is listening on http://{options['host']}:{options['port']}/")
            self._serve_web(options["host"], options["port"], max(1, options["web_workers"]))

    def _serve_web(self, host: str, port: int, processes: int) -> None:
        import uvicorn
        from uvicorn.supervisors import Multiprocess

        app = "vodarr.asgi:application"
        if processes == 1:
            uvicorn.run(app, host=host, port=port, log_level="info", **uvicorn_options())
            return
        try:
            address = port_socket(host, port)
        except OSError as error:
            raise CommandError(f"Cannot listen on {host}:{port}: {error.strerror}.") from None
        config = uvicorn.Config(
            app, host=host, port=port, log_level="info", workers=processes, **uvicorn_options()
        )
        # Each process opens its own socket on the address (ops/serving.PortSocket).
        with address:
            Multiprocess(config, sockets=[address]).run()

    def _start_aria2(self, supervisor: Supervisor) -> dict[str, str]:
        if settings.ARIA2_RPC_URL:
            self.stdout.write(f"Using the aria2 daemon at {settings.ARIA2_RPC_URL}")
            return {}
        from vodarr.integrations.aria2.daemon import EmbeddedAria2
        from vodarr.integrations.aria2.errors import Aria2Error

        daemon = EmbeddedAria2(
            settings.DOWNLOAD_ROOT,
            aria2_session_file(),
            shared_umask=settings.DOWNLOAD_UMASK,
            spawn_options=die_with_parent(),
        )
        try:
            supervisor.add(Aria2Child(daemon))
        except Aria2Error as error:  # not installed, or would not start
            raise CommandError(error.detail) from None
        settings.ARIA2_RPC_URL = daemon.rpc_url
        settings.ARIA2_RPC_SECRET = daemon.secret
        self.stdout.write(
            f"Started the embedded aria2 at {daemon.rpc_url} (aria2c pid {daemon.pid}), "
            f"saving into {settings.DOWNLOAD_ROOT}"
        )
        return {"ARIA2_RPC_URL": daemon.rpc_url, "ARIA2_RPC_SECRET": daemon.secret}

    def _start_demo_provider(self, stack: ExitStack) -> dict[str, str]:
        from vodarr.catalog.provider import configured_provider

        if configured_provider() is not None:
            return {}
        demo = _start_demo_on_remembered_port(settings.DATA_DIR / "demo-port")
        stack.callback(demo.stop)
        settings.XTREAM_BASE_URL = demo.base_url
        settings.XTREAM_USERNAME = demo.username
        settings.XTREAM_PASSWORD = demo.password
        settings.VODARR_DEMO_MODE = True
        self.stdout.write(
            "No provider is configured: serving the built-in DEMO catalogue at "
            f"{demo.base_url}. Set XTREAM_BASE_URL/USERNAME/PASSWORD or use Settings."
        )
        self._load_demo_catalogue()
        return {
            "XTREAM_BASE_URL": demo.base_url,
            "XTREAM_USERNAME": demo.username,
            "XTREAM_PASSWORD": demo.password,
            "VODARR_DEMO_MODE": "1",
        }

    def _load_demo_catalogue(self) -> None:
        """A newcomer should see titles at once, not after the first scheduled sync."""
        from vodarr.catalog.sync import SyncAlreadyRunning, sync_now
        from vodarr.integrations.xtream import XtreamError

        try:
            result = sync_now()
        except (XtreamError, SyncAlreadyRunning) as error:
            self.stdout.write(f"The demo catalogue was not loaded now: {error.detail}")
            return
        self.stdout.write(f"Demo catalogue loaded: {result.summary()}")


def _start_demo_on_remembered_port(port_file: Path) -> FakeProvider:
    """The demo keeps its port across restarts: aria2's session file holds its URLs."""
    from vodarr.demo.provider import FakeProvider

    remembered = port_file.read_text().strip() if port_file.exists() else ""
    for port in ([int(remembered)] if remembered.isdigit() else []) + [0]:
        demo = FakeProvider(port=port)
        try:
            demo.start()
        except OSError:
            continue  # taken by something else since last time: any free port will do
        port_file.write_text(str(demo.port))
        return demo
    raise CommandError("Could not start the demo provider on any port.")

"""`vodarr serve`: the whole app in one command — embedded aria2 and demo provider when
nothing is configured, the worker process, and the web server (uvicorn, ASGI)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from contextlib import ExitStack
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

logger = logging.getLogger("vodarr.serve")


class Command(BaseCommand):
    help = "Serve Vodarr: web server, worker, and (unless configured) embedded aria2 and demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.HOST)
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument("--no-worker", action="store_true", help="do not start the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        import uvicorn

        with ExitStack() as stack:
            child_env = os.environ.copy()
            child_env.update(self._start_aria2(stack))
            child_env.update(self._start_demo_provider(stack))
            if not options["no_worker"]:
                worker = subprocess.Popen(
                    [sys.executable, "-m", "vodarr.cli", "worker"], env=child_env
                )
                stack.callback(_stop_process, worker)
            self.stdout.write(f"Vodarr is listening on http://{options['host']}:{options['port']}/")
            uvicorn.run(
                "vodarr.asgi:application",
                host=options["host"],
                port=options["port"],
                log_level="info",
                lifespan="off",
            )

    def _start_aria2(self, stack: ExitStack) -> dict[str, str]:
        if settings.ARIA2_RPC_URL:
            self.stdout.write(f"Using the aria2 daemon at {settings.ARIA2_RPC_URL}")
            return {}
        from vodarr.integrations.aria2.daemon import Aria2NotInstalled, EmbeddedAria2

        daemon = EmbeddedAria2(settings.DOWNLOAD_ROOT, settings.DATA_DIR / "aria2.session")
        try:
            daemon.start()
        except Aria2NotInstalled as error:
            raise CommandError(str(error)) from None
        stack.callback(daemon.stop)
        settings.ARIA2_RPC_URL = daemon.rpc_url
        settings.ARIA2_RPC_SECRET = daemon.secret
        self.stdout.write(
            f"Started the embedded aria2 at {daemon.rpc_url}, saving into {settings.DOWNLOAD_ROOT}"
        )
        return {"ARIA2_RPC_URL": daemon.rpc_url, "ARIA2_RPC_SECRET": daemon.secret}

    def _start_demo_provider(self, stack: ExitStack) -> dict[str, str]:
        from vodarr.catalog.provider import configured_provider

        if configured_provider() is not None:
            return {}
        from vodarr.demo.provider import FakeProvider

        demo = FakeProvider()
        demo.start()
        stack.callback(demo.stop)
        settings.XTREAM_BASE_URL = demo.base_url
        settings.XTREAM_USERNAME = demo.username
        settings.XTREAM_PASSWORD = demo.password
        settings.VODARR_DEMO_MODE = True
        self.stdout.write(
            "No provider is configured: serving the built-in DEMO catalogue at "
            f"{demo.base_url}. Set XTREAM_BASE_URL/USERNAME/PASSWORD or use Settings."
        )
        return {
            "XTREAM_BASE_URL": demo.base_url,
            "XTREAM_USERNAME": demo.username,
            "XTREAM_PASSWORD": demo.password,
            "VODARR_DEMO_MODE": "1",
        }


def _stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

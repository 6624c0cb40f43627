"""`vodarr aria2`: aria2c in the foreground with Vodarr's options, as a service of its own.

For installations that run web, worker and aria2 as separate systemd units: the port and
secret come from ARIA2_RPC_URL and ARIA2_RPC_SECRET (the web and the worker use the same
values), and every option Vodarr relies on (one try per download, results kept for the
worker, a private session file) is the embedded daemon's, defined in one place. It exits
non-zero when aria2c dies, so systemd's ``Restart=`` brings both back.
"""

from __future__ import annotations

import signal
import threading
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from vodarr.integrations.aria2.daemon import EmbeddedAria2
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.ops.checks import aria2_session_file


class Command(BaseCommand):
    help = "Run aria2c in the foreground on ARIA2_RPC_URL's port with Vodarr's options."

    def handle(self, *args: Any, **options: Any) -> None:
        url = urlsplit(settings.ARIA2_RPC_URL)
        if url.hostname not in ("127.0.0.1", "localhost") or not url.port:
            raise CommandError(
                "Set ARIA2_RPC_URL to a loopback address with a port, such as "
                "http://127.0.0.1:6800/jsonrpc, and ARIA2_RPC_SECRET to a long random string."
            )
        if not settings.ARIA2_RPC_SECRET:
            raise CommandError("Set ARIA2_RPC_SECRET: aria2's RPC must not be open to anyone.")
        daemon = EmbeddedAria2(
            settings.DOWNLOAD_ROOT,
            aria2_session_file(),
            port=url.port,
            secret=settings.ARIA2_RPC_SECRET,
            shared_umask=settings.DOWNLOAD_UMASK,
        )
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        try:
            daemon.start()
        except Aria2Error as error:
            raise CommandError(error.detail) from None
        self.stdout.write(f"aria2c (pid {daemon.pid}) answers at {daemon.rpc_url}.")
        while not stopping.wait(1.0):
            if not daemon.running:
                raise CommandError(f"aria2c exited with status {daemon.exit_status}.")
        daemon.stop()

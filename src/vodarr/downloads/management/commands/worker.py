"""`vodarr worker`: the one long-running background process.

For now it watches aria2's health and says so in the log; reconciliation, automatic
retries and sticky pause build on this loop.
"""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

logger = logging.getLogger("vodarr.worker")


class Command(BaseCommand):
    help = "Run the background worker (aria2 health, and later reconciliation and retries)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=10.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        healthy: bool | None = None
        while True:
            healthy = self._check_aria2(healthy)
            if options["once"] or stop.wait(options["interval"]):
                break
        logger.info("Worker stopped.")

    def _check_aria2(self, was_healthy: bool | None) -> bool:
        from vodarr.integrations.aria2.client import Aria2Client
        from vodarr.integrations.aria2.errors import Aria2Error

        if not settings.ARIA2_RPC_URL:
            if was_healthy is not False:
                logger.warning("ARIA2_RPC_URL is not set: nothing to watch.")
            return False
        try:
            with Aria2Client(settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET) as client:
                version = client.get_version()
        except Aria2Error as error:
            if was_healthy is not False:
                logger.warning("aria2 is unhealthy: %s", error.message)
            return False
        if was_healthy is not True:
            logger.info("aria2 %s is healthy at %s", version.get("version"), settings.ARIA2_RPC_URL)
        return True

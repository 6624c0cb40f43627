"""`vodarr worker`: the one long-running background process.

It reconciles aria2's state into the database every tick (and at once on aria2's
"finished" notifications), runs due automatic retries, keeps paused downloads paused across
aria2 restarts, re-adds downloads aria2 forgot, and runs the scheduled catalogue sync. It
tolerates aria2 and the provider being down: it says so once in the log and keeps looping.
SIGTERM or SIGINT finishes the current tick and exits.
"""

from __future__ import annotations

import logging
import signal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vodarr.downloads.worker.loop import WorkerLoop

logger = logging.getLogger("vodarr.worker")


class Command(BaseCommand):
    help = "Run the background worker: reconcile aria2, retry, keep pauses, sync the catalogue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tick", type=float, default=1.0, help="seconds between reconcile ticks (1.0)"
        )
        parser.add_argument("--once", action="store_true", help="run one tick and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["tick"] <= 0:
            raise CommandError("--tick must be a positive number of seconds.")
        loop = WorkerLoop(tick_seconds=options["tick"])
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: loop.stop())
        logger.info("Worker started (tick %.1f s).", options["tick"])
        loop.run(once=options["once"])
        logger.info("Worker stopped.")

"""`vodarr syncmedia`: copy the provider's catalogue into the database now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from vodarr.catalog.sync import SyncAlreadyRunning, sync_now
from vodarr.integrations.xtream import XtreamError


class Command(BaseCommand):
    help = "Sync categories, movies and series from the configured Xtream Codes provider."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = sync_now()
        except (XtreamError, SyncAlreadyRunning) as error:
            # One readable line and exit status 1; the message never holds credentials.
            raise CommandError(f"Catalogue sync failed: {error.detail}") from None
        self.stdout.write(f"Catalogue synced: {result.summary()}.")

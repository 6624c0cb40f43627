"""The worker's housekeeping for links (``settings.VODARR_WORKER_JOBS``): links that ended a
month ago leave the Links page, and the rows of streams whose process died are dropped."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from vodarr.downloads.models import ProviderStream
from vodarr.links.models import DownloadLink

KEEP_ENDED_LINKS = timedelta(days=30)
INTERVAL_SECONDS = 3600.0


class ForgetEndedLinks:
    def interval_seconds(self) -> float:
        return INTERVAL_SECONDS

    def run_once(self) -> int:
        """How many links were forgotten."""
        now = timezone.now()
        before = now - KEEP_ENDED_LINKS
        # Lapsed rows already count for nothing (``in_use``): this only keeps the table small.
        ProviderStream.objects.filter(expires_at__lt=now - timedelta(hours=1)).delete()
        deleted, _ = DownloadLink.objects.filter(
            Q(expires_at__lt=before) | Q(revoked_at__lt=before)
        ).delete()
        return deleted


forget_ended_links = ForgetEndedLinks()

"""The web layer's one table: rate-limit counters (see ``web/throttle.py``)."""

from __future__ import annotations

from django.db import models


class ThrottleCounter(models.Model):
    """How many times one limit was hit by one client or account in one time window.

    ``key`` names the limit and a hash of who (so no email address is kept here); rows of
    windows that have ended are deleted as new windows open.
    """

    key = models.CharField(max_length=128, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    window_ends = models.BigIntegerField(db_index=True)  # Unix seconds

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"

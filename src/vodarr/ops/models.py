"""What the operations side keeps in the database: the worker's heartbeat."""

from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """The last time a long-running process (``name``) was seen doing its rounds.

    One row per kind of process, not per process: with several workers, the freshest beat
    says that the work is being done.
    """

    name = models.CharField(max_length=40, primary_key=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.beat_at.isoformat()}"

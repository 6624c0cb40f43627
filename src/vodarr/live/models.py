"""What the live channel watches: a change counter per person and topic, and recent removals.

A feature bumps the counters of the people who can see a change in the same transaction as
the change (``publish.bump``); each web process reads the counters of everyone it streams to
in one query per tick and wakes only the streams whose counter moved. Rows that disappear
cannot be found by "changed since", so their ids are kept here for a while (``Removal``).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class ChangeCounter(models.Model):
    """Bumped whenever something a person sees in ``topic`` changed; created on first watch."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=32)
    version = models.BigIntegerField(default=0)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["user", "topic"], name="one_counter_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.topic} of user {self.user_id}: {self.version}"


class Removal(models.Model):
    """An object of ``topic`` that went away for a person who watches it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(max_length=32)
    object_id = models.BigIntegerField()
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["user", "topic", "at"], name="removal_recent")
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.object_id} gone for user {self.user_id}"

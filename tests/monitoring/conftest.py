"""Monitoring tests: the downloads stack (real aria2c, fake provider) and small helpers."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.downloads.conftest import SERIES, Stack, stack
from vodarr.monitoring.models import SeriesMonitor

__all__ = ["SERIES", "Stack", "api_client", "monitor", "stack"]


def api_client(user: Any) -> Client:
    """A script's client: JSON answers (201, 404, 422…) instead of Inertia redirects."""
    client = Client(headers={"Accept": "application/json"})
    client.force_login(user)
    return client


def monitor(client: Client, series_id: int = SERIES, **body: Any) -> SeriesMonitor:
    """Start monitoring through the API; fails the test unless it was created."""
    response = client.post(f"/series/{series_id}/monitoring", body, content_type="application/json")
    assert response.status_code in (201, 303), response.content
    return SeriesMonitor.objects.filter(series_id=series_id).latest("id")

"""The Settings page's media-server card (named in ``settings.VODARR_SETTINGS_PROPS``)."""

from __future__ import annotations

from typing import Any

from vodarr.mediaservers.models import Kind, MediaServer


def media_servers() -> dict[str, Any]:
    return {
        "servers": [
            {
                "id": server.pk,
                "kind": server.kind,
                "name": server.name,
                "url": server.url,
                "tokenPreview": server.token_preview,
                "enabled": server.enabled,
                "lastScanAt": server.last_scan_at.isoformat() if server.last_scan_at else None,
                "lastError": server.last_error or None,
                "lastErrorAt": server.last_error_at.isoformat() if server.last_error_at else None,
            }
            for server in MediaServer.objects.all()
        ],
        "kinds": [{"value": value, "label": label} for value, label in Kind.choices],
    }

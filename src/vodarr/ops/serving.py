"""How uvicorn serves Vodarr: the options `vodarr serve` (and the tests' live server) use.

uvicorn believes ``X-Forwarded-For`` and ``X-Forwarded-Proto`` from 127.0.0.1 unless told
otherwise, so any local process could pick its client address and dodge the rate limits.
Here forwarded headers count only when the request comes from ``TRUSTED_PROXIES``; the
client address Django sees (``REMOTE_ADDR``) and whether the request was HTTPS then come
from the proxy's headers, and from the connection itself for everyone else.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

# Set by `vodarr serve` for uvicorn's worker processes: the pid they must die with.
PARENT_PID_VARIABLE = "VODARR_SERVE_PID"


def die_with_serve() -> None:
    """In a uvicorn worker process started by `vodarr serve`: end when it ends."""
    from vodarr.ops.children import die_with

    raw = os.environ.get(PARENT_PID_VARIABLE, "")
    if raw.isdigit() and int(raw) != os.getpid():
        die_with(int(raw))


def uvicorn_options() -> dict[str, Any]:
    trusted = list(settings.TRUSTED_PROXIES)
    return {
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted,
        # No logging set-up of uvicorn's own: its access log then goes through Django's
        # handlers, whose filter redacts reset and verification tokens from the paths.
        "log_config": None,
        "lifespan": "off",
    }

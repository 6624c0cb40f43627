"""Django system checks for what must hold before Vodarr runs: private files, no secrets in
the shared download folder, an HTTPS set-up that can work. Every management command runs
them (``serve`` and ``worker`` included), ``vodarr check`` lists them, and ``vodarr doctor``
explains and fixes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from vodarr.ops.privacy import exposures, shared_folder_problem


def aria2_session_file() -> Path:
    """Where the embedded aria2 keeps its session (next to the database, never shared)."""
    return Path(settings.DATA_DIR) / "aria2.session"


@register(Tags.security)
def check_private_files(**_: Any) -> list[Error]:
    errors = [
        Error(exposure.sentence(), id="vodarr.E001")
        for exposure in exposures(settings.DATA_DIR, settings.DOWNLOAD_ROOT)
    ]
    problem = shared_folder_problem(aria2_session_file(), settings.DOWNLOAD_ROOT)
    if problem:
        errors.append(Error(problem, id="vodarr.E002"))
    return errors


@register(Tags.security, deploy=True)
def check_https_behind_a_proxy(**_: Any) -> list[CheckMessage]:
    if settings.HTTPS and not settings.TRUSTED_PROXIES:
        return [
            Warning(
                "BASE_URL is https but TRUSTED_PROXIES is empty, so no request is known to "
                "have come over HTTPS: the redirect to HTTPS loops and sign-in fails.",
                hint="Set TRUSTED_PROXIES to the reverse proxy's address (e.g. 127.0.0.1).",
                id="vodarr.W001",
            )
        ]
    return []

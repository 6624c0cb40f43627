"""Props every page shares that belong to accounts: who is signed in, what the app allows.

Named in ``settings.VODARR_SHARED_PROPS``; the web layer's middleware calls them lazily.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from vodarr.accounts.services import registration_is_open


def auth_props(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"user": None}
    return {
        "user": {
            "id": user.pk,
            "name": user.name,
            "email": user.email,
            "role": user.role,
            "mayDownload": user.may_download_to_server,
        }
    }


def app_props(request: HttpRequest) -> dict[str, Any]:
    return {
        "name": "Vodarr",
        "demoMode": settings.VODARR_DEMO_MODE,
        "registrationOpen": registration_is_open(),
    }

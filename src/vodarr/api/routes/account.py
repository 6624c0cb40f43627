"""``/api/v1/me``: whose key this is — what a script checks before it does anything."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from vodarr.api.auth import caller
from vodarr.api.problems import answers
from vodarr.api.schemas import Me

router = Router(tags=["account"])


@router.get("/me", response=answers({200: Me}))
def me(request: HttpRequest) -> Any:
    """The key's owner: the API acts as this person, with their role and rights."""
    user = caller(request)
    return {
        "id": user.pk,
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "mayDownload": user.may_download_to_server,
    }

"""The profile page's "Preferred versions" card (named in ``settings.VODARR_PROFILE_PROPS``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vodarr.integrations.xtream.names import LANGUAGE_LABELS, QUALITY_LABELS
from vodarr.variants.picking import Preferences


def version_preferences(request: HttpRequest) -> dict[str, Any]:
    preferences = Preferences.of(request.user)
    return {
        "languages": list(preferences.languages),
        "qualities": list(preferences.qualities),
        "languageChoices": [{"code": c, "label": label} for c, label in LANGUAGE_LABELS.items()],
        "qualityChoices": [{"code": c, "label": label} for c, label in QUALITY_LABELS.items()],
    }

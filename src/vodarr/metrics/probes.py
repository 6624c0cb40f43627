"""The worker's look at aria2 and the provider every half minute, for ``/metrics``.

A worker job (``settings.VODARR_WORKER_JOBS``): its own thread, so a provider that hangs
until its timeout holds nothing else up. The result is one row per part (``ops.Probe``).
"""

from __future__ import annotations

from django.utils import timezone

from vodarr.catalog.provider import provider_client
from vodarr.integrations.redact import redact_text
from vodarr.integrations.xtream.errors import XtreamError
from vodarr.ops.health import check_aria2
from vodarr.ops.models import Probe

PROBE_SECONDS = 30.0


def look_at_aria2() -> tuple[bool, str]:
    part = check_aria2()
    return part.ok, part.problem


def look_at_provider() -> tuple[bool, str]:
    try:
        provider_client().account()
    except XtreamError as error:
        return False, redact_text(error.message)
    return True, ""


class Probes:
    def interval_seconds(self) -> float:
        return PROBE_SECONDS

    def run_once(self) -> dict[str, bool]:
        now = timezone.now()
        seen = {}
        for name, look in (("aria2", look_at_aria2), ("provider", look_at_provider)):
            ok, problem = look()
            Probe.objects.update_or_create(
                name=name, defaults={"ok": ok, "checked_at": now, "problem": problem}
            )
            seen[name] = ok
        return seen


probes = Probes()

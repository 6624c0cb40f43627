"""The ``downloads`` topic of the live channel: what changed in a person's downloads.

Each payload is ``{"downloads": [DownloadItem, ...], "removed": [id, ...], "counts": {...}}``:
the person's requests that changed since the window's start (their own or their transfer's
``updated_at``: every write sets it), the ids of requests deleted since, and the counts per
state for the header badge and the tabs. Items come from the database — the worker's record
of aria2, a second behind at most — so open tabs never ask aria2 anything.

What a person sees is what their Downloads page lists: their own downloads, everyone's for
an admin (``changes.audience`` bumps the same people).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q

from vodarr.accounts.models import User
from vodarr.downloads.changes import TOPIC
from vodarr.downloads.filters import state_counts, visible_downloads
from vodarr.downloads.serialize import serialize_download
from vodarr.live.publish import removed_since

MEMO_LIMIT = 5000


class DownloadsTopic:
    def payload(
        self, user: User, since: datetime | None, memo: dict[str, Any]
    ) -> dict[str, Any] | None:
        if len(memo) > MEMO_LIMIT:
            memo.clear()  # forgetting only means sending something once more
        scope = visible_downloads(user)
        counts = state_counts(scope)
        counts_changed = _fresh(memo, "counts", counts)
        items: list[dict[str, Any]] = []
        removed: list[int] = []
        if since is not None:
            changed = scope.filter(Q(updated_at__gte=since) | Q(transfer__updated_at__gte=since))
            for ref in changed:
                item = serialize_download(ref, for_admin=user.is_admin)
                if _fresh(memo, f"item:{ref.pk}", item):
                    items.append(item)
            removed = [
                pk
                for pk in removed_since(user.pk, TOPIC, since)
                if _fresh(memo, f"removed:{pk}", True)
            ]
        if not items and not removed and not counts_changed:
            return None
        return {"downloads": items, "removed": removed, "counts": counts}


def _encoded(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True)


def _fresh(memo: dict[str, Any], key: str, value: Any) -> bool:
    """Whether ``value`` differs from what was last sent under ``key`` (and remember it)."""
    encoded = _encoded(value)
    if memo.get(key) == encoded:
        return False
    memo[key] = encoded
    return True

"""The ``watchlist`` prop every page shares: which titles the person has on their list.

Cards are built in many places (browse, Discover, search, suggestions, title pages); one
list of ids marks them all without each serialiser asking the database. It is one indexed
query of two integers per entry, named in ``settings.VODARR_SHARED_PROPS``.
"""

from __future__ import annotations

from django.http import HttpRequest

from vodarr.watchlist.services import watchlisted_ids


def watchlist_props(request: HttpRequest) -> dict[str, list[int]] | None:
    if not request.user.is_authenticated:
        return None
    return watchlisted_ids(request.user)

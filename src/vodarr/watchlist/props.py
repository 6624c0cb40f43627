"""The ``watchlist`` prop every page shares: which titles the person has on their list.

Cards are built in many places (browse, Discover, search, suggestions, title pages); one
list of ids marks them all without each serialiser asking the database. It is one indexed
query of two integers per entry, named in ``settings.VODARR_SHARED_PROPS``, run again only
after the list changed (adding and removing bump the person's ``watchlist`` counter): a page
load otherwise costs no query of its own (``live.kept``).
"""

from __future__ import annotations

from django.http import HttpRequest

from vodarr.accounts.models import User
from vodarr.live.kept import request_versions
from vodarr.watchlist.services import TOPIC, watchlisted_ids


def watchlist_props(request: HttpRequest) -> dict[str, list[int]] | None:
    if not request.user.is_authenticated:
        return None
    user: User = request.user
    return request_versions(request).kept(TOPIC, "ids", lambda: watchlisted_ids(user))

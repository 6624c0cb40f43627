"""The paginator prop every list page sends: one page of items and the links around it.

The shape (Laravel's, which the pages share) is described in docs/pages.md; the URLs keep
the page's own filters, so the caller says how to build one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.paginator import Page


def page_number(raw: str | None) -> int:
    """``?page=`` as a positive number; anything else is page 1."""
    if raw is None or not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        return 1
    return max(1, int(raw))


def paginator_props(page: Page[Any], data: list[Any], url: Callable[[int], str]) -> dict[str, Any]:
    """``data`` is the page's items already serialised; ``url(n)`` links page ``n``."""
    number = page.number
    return {
        "data": data,
        "current_page": number,
        "last_page": page.paginator.num_pages,
        "per_page": page.paginator.per_page,
        "total": page.paginator.count,
        "from": page.start_index() if data else None,
        "to": page.end_index() if data else None,
        "next_page_url": url(number + 1) if page.has_next() else None,
        "prev_page_url": url(number - 1) if page.has_previous() else None,
    }

"""Coercion of the loosely typed scalars Xtream Codes panels send.

Each helper accepts any JSON value and returns a clean Python value or an empty default;
none of them raises. ``parsing`` builds the models from these. Numbers arrive as ``float``
from ``json`` and as ``Decimal`` from the streaming parser (ijson keeps every digit, so
"1e400" stays a number rather than failing the whole list); both read alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

# Anything larger is garbage from a broken panel, and it keeps int()/str() cheap.
_MAX_NUMBER = 10**15
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})$")


def as_text(value: object) -> str:
    """Stripped text; numbers become their decimal form, lists of text are joined."""
    # Strings and absent keys first: they are most of what a 200,000-entry list holds.
    if isinstance(value, str):
        # NUL never belongs in a title, and PostgreSQL refuses to store one.
        return value.replace("\x00", "").strip()
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, int):
        return str(value) if abs(value) < _MAX_NUMBER else ""
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) >= _MAX_NUMBER:
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, list):
        parts = [as_text(item) for item in value if isinstance(item, str | int | float | Decimal)]
        return ", ".join(part for part in parts if part)
    return ""


def as_optional_text(value: object) -> str | None:
    return as_text(value) or None


def as_int(value: object) -> int | None:
    """An int from 12, "12", "12.0", 12.0; None for "", None, booleans and nonsense."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < _MAX_NUMBER else None
    number = as_float(value)
    if number is None or not number.is_integer():
        return None
    return int(number)


def as_float(value: object) -> float | None:
    """A finite float from 7.5, "7.5", "7,5"; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value) if abs(value) < _MAX_NUMBER else None
    if isinstance(value, float | Decimal):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", ".")
        if not text or len(text) > 32:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    if not math.isfinite(number) or abs(number) >= _MAX_NUMBER:
        return None
    return number


def as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes"):
        return True
    return as_int(value) == 1


def as_timestamp(value: object) -> datetime | None:
    """A UTC datetime from a unix timestamp (int or string) or an ISO date string."""
    seconds = as_int(value)
    if seconds is not None:
        if seconds <= 0:
            return None
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    text = as_text(value)
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def as_dict(value: object) -> dict[str, object]:
    """The mapping itself, or {} (panels send ``[]`` or "" for an empty object)."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[object]:
    """The list itself, the values of an object keyed by index, or []."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return list(value.values())
    return []


def as_image_url(value: object) -> str | None:
    # Only http(s): these end up in <img src> on pages.
    text = as_text(value)
    return text if text.lower().startswith(("http://", "https://")) else None


def as_image_urls(value: object) -> tuple[str, ...]:
    """``backdrop_path`` arrives as one string or a list of strings."""
    items: Iterable[object] = value if isinstance(value, list) else [value]
    urls = (as_image_url(item) for item in items)
    return tuple(dict.fromkeys(url for url in urls if url))


def as_rating(value: object) -> float | None:
    rating = as_float(value)
    if rating is None or not 0 < rating <= 10:
        return None
    return rating


def as_year(*candidates: object) -> int | None:
    """The first plausible year found in ``year`` or a release date such as "1922-03-04"."""
    for candidate in candidates:
        year = as_int(candidate)
        if year is None:
            match = _YEAR_IN_TEXT.search(as_text(candidate))
            year = int(match.group(1)) if match else None
        if year is not None and 1870 <= year <= 2200:
            return year
    return None


def as_duration(seconds: object, clock: object = None, minutes: object = None) -> int | None:
    """Seconds from ``duration_secs``, else "HH:MM:SS", else a run time in minutes."""
    value = as_int(seconds)
    if value is not None and value > 0:
        return value
    match = _CLOCK.match(as_text(clock))
    if match:
        hours, mins, secs = (int(group or 0) for group in match.groups())
        total = hours * 3600 + mins * 60 + secs
        if total > 0:
            return total
    value = as_int(minutes)
    if value is not None and value > 0:
        return value * 60
    return None


def release_date(info: dict[str, object]) -> str | None:
    for key in ("releasedate", "releaseDate", "release_date", "air_date"):
        text = as_text(info.get(key))
        if text:
            return text
    return None


def text_or(value: object, fallback: str) -> str:
    return as_text(value) or fallback

"""Reading a provider's big lists (``get_vod_streams``, ``get_series``) one entry at a time.

A large provider's movie list is 100 MB of JSON; ``json.loads`` of it, then a dataclass per
entry, cost several hundred MB at once. Here the body waits in a temporary file (spooled:
small bodies stay in memory) and ijson — its C backend, yajl2_c, when the wheel has it —
yields one entry at a time, so memory stays flat whatever the catalogue's size. The body is
kept whole before parsing starts so that a dropped connection fails the call before the
caller has used a single entry (the catalogue sync relies on that: nothing is written when
the provider fails).

The top-level rules are ``parsing.entries``'s: a list, an object keyed by index, or one of
the empty spellings; ``{"user_info": {"auth": 0}}`` is a refused login.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Generic, TypeVar

import ijson

from vodarr.integrations.xtream.errors import XtreamError
from vodarr.integrations.xtream.parsing import check_auth, entries

T = TypeVar("T")

_BOM = b"\xef\xbb\xbf"  # PHP files saved with a BOM print one before the JSON
_WHITESPACE = b" \t\r\n"
BACKEND = ijson.backend  # "yajl2_c" where the C extension is installed, else "python"


class Listing(Generic[T]):
    """A list response held in a (spooled) temporary file, parsed lazily when iterated.

    Iterating parses from the start each time; any entry ``parse`` turns into None is
    skipped. A body that stops being JSON part-way raises ``not_json()`` at that point.
    Use as a context manager (or call ``close``) to delete the file.
    """

    def __init__(
        self,
        body: IO[bytes],
        parse: Callable[[object], T | None],
        what: str,
        not_json: Callable[[], XtreamError],
    ) -> None:
        self._body = body
        self._parse = parse
        self._what = what
        self._not_json = not_json

    def __iter__(self) -> Iterator[T]:
        self._body.seek(0)
        try:
            for raw in iter_entries(self._body, self._what):
                item = self._parse(raw)
                if item is not None:
                    yield item
        except ijson.JSONError:
            raise self._not_json() from None

    def close(self) -> None:
        self._body.close()

    def __enter__(self) -> Listing[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def iter_entries(body: IO[bytes], what: str) -> Iterator[object]:
    """The raw entries of a list response read from ``body``, one at a time.

    Raises ``ijson.JSONError`` for a body that is not JSON, ``XtreamError`` for a shape that
    makes no sense (the same rules as ``parsing.entries``).
    """
    first = _skip_preamble(body)
    if first == b"[":
        yield from ijson.items(body, "item")
    elif first == b"{":
        for key, value in ijson.kvitems(body, ""):
            if key == "user_info":
                check_auth({key: value})
            yield value
    else:  # a bare value: the empty spellings (null, false, "") or nonsense
        values = list(ijson.items(body, ""))  # one small value; list() checks what follows it
        yield from entries(values[0] if values else None, what)


def _skip_preamble(body: IO[bytes]) -> bytes:
    """Leaves ``body`` at its first JSON byte (after a BOM and whitespace) and returns it."""
    start = 3 if body.read(3) == _BOM else 0
    body.seek(start)
    while True:
        byte = body.read(1)
        if byte not in _WHITESPACE or not byte:
            body.seek(start)
            return byte
        start += 1

"""Rate limits that hold under concurrency: one atomic counter per limit, client and window.

Each attempt first takes its place in the count with a single
``INSERT … ON CONFLICT DO UPDATE SET hits = hits + 1 RETURNING hits`` (atomic on SQLite and
PostgreSQL alike), and only then may the view do the expensive or dangerous thing (check a
password, send an email). Forty simultaneous wrong passwords therefore get exactly the
limit's number of password checks, across every web process sharing the database — a
per-process cache could not promise that.

A window opens with a client's first attempt and lasts ``Limit.seconds``; within it the
client gets ``hits`` attempts, after it the count starts again. The client address is
``REMOTE_ADDR``: the web server puts the ``X-Forwarded-For`` address there only when the
request came from ``TRUSTED_PROXIES``.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from vodarr.web.http import validation_failed, wants_json
from vodarr.web.models import ThrottleCounter

Clock = Callable[[], float]


@dataclass(frozen=True)
class Limit:
    """At most ``hits`` attempts per ``seconds``; ``refusal`` is the sentence people read."""

    name: str
    hits: int
    seconds: int
    refusal: str


@dataclass(frozen=True)
class Refused:
    """The limit that was reached and how long until its window ends."""

    limit: Limit
    retry_after: int

    @property
    def message(self) -> str:
        return f"{self.limit.refusal} Please try again in {format_wait(self.retry_after)}."


def client_address(request: HttpRequest) -> str:
    """Who is asking, for per-address limits: the IPv4 address, or the IPv6 /64 network.

    One IPv6 subscriber holds a whole /64, so counting single addresses there would give
    them billions of fresh counts.
    """
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _key(limit: Limit, who: str) -> str:
    digest = hashlib.sha256(who.lower().encode("utf-8", "replace")).hexdigest()[:40]
    return f"{limit.name}:{digest}"


def hit(limit: Limit, who: str, *, clock: Clock = time.time) -> Refused | None:
    """Count one attempt by ``who``; a ``Refused`` when it is past the limit, else None."""
    now = int(clock())
    table, key, hits, ends = (
        connection.ops.quote_name(name)
        for name in (ThrottleCounter._meta.db_table, "key", "hits", "window_ends")
    )
    # One statement: a window that has ended starts again at 1 instead of counting on.
    sql = (
        f"INSERT INTO {table} ({key}, {hits}, {ends}) VALUES (%s, 1, %s) "  # noqa: S608
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{hits} = CASE WHEN {table}.{ends} <= %s THEN 1 ELSE {table}.{hits} + 1 END, "
        f"{ends} = CASE WHEN {table}.{ends} <= %s THEN excluded.{ends} ELSE {table}.{ends} END "
        f"RETURNING {hits}, {ends}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_key(limit, who), now + limit.seconds, now, now])
        count, window_ends = (int(value) for value in cursor.fetchone())
    if count == 1:
        # A window began: rows of ended ones are no use to anyone any more.
        ThrottleCounter.objects.filter(window_ends__lte=now).delete()
    if count <= limit.hits:
        return None
    return Refused(limit, max(1, window_ends - now))


def hit_all(checks: Iterable[tuple[Limit, str]], *, clock: Clock = time.time) -> Refused | None:
    """Count one attempt against every (limit, who); the first refusal, if any.

    Every counter is hit even after a refusal: hammering one limit must not leave the
    others untouched.
    """
    refusals = [hit(limit, who, clock=clock) for limit, who in checks]
    return next((refused for refused in refusals if refused is not None), None)


def forget(limit: Limit, who: str) -> None:
    """Start ``who``'s count for ``limit`` afresh (a successful sign-in clears its failures)."""
    ThrottleCounter.objects.filter(key=_key(limit, who)).delete()


def too_many(request: HttpRequest, refused: Refused, field: str, fallback: str) -> HttpResponse:
    """429 with the sentence for API clients; the sentence on ``field`` for Inertia forms."""
    if not wants_json(request):
        return validation_failed(request, {field: refused.message}, fallback)
    response = JsonResponse(
        {"message": refused.message, "errors": {field: refused.message}}, status=429
    )
    response["Retry-After"] = str(refused.retry_after)
    return response


def format_wait(seconds: int) -> str:
    """ "1 second", "42 seconds", "3 minutes", "2 hours": rounded up, never to zero."""
    for unit, size in (("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            count = -(-seconds // size)
            return f"{count} {unit}s"
    return f"{seconds} second{'s' if seconds != 1 else ''}"

"""Who is calling: an API key in a header, never a session cookie, never the query string.

The API ignores Django's session entirely, so a page on another site cannot ride a signed-in
person's cookies (and so needs no CSRF token): only a key proves who calls. A key acts as its
owner with the owner's role, nothing more — the views pass ``request.auth`` (the owner) to the
same services as the pages. Each key has its own rate limit, counted with the same atomic
database counters as sign-in attempts, so it holds across web processes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyHeader, HttpBearer

from vodarr.accounts.models import User
from vodarr.api import keys
from vodarr.api.problems import ApiProblem
from vodarr.web.throttle import Limit, hit

KEY_IN_QUERY = (
    "API keys are accepted only in the X-Api-Key or Authorization: Bearer header, never in "
    "the address: addresses end up in logs and browser history. Revoke that key in your "
    "profile and make a new one."
)
BAD_KEY = "This API key is not valid: it may have been revoked. Make a new one in your profile."
NO_KEY = "Send your API key in the X-Api-Key header (or Authorization: Bearer …)."
_QUERY_NAMES = {"api_key", "apikey", "key", "token", "access_token", "x-api-key"}


def api_limit() -> Limit:
    per_minute = int(getattr(settings, "API_RATE_LIMIT", 300))
    return Limit(
        "api-key",
        hits=per_minute,
        seconds=60,
        refusal=f"This API key made more than {per_minute} requests in a minute.",
    )


def _owner(request: HttpRequest, plain: str | None) -> User | None:
    if any(
        name.lower() in _QUERY_NAMES or any(keys.KEY_PATTERN.search(v) for v in values)
        for name, values in request.GET.lists()
    ):
        raise ApiProblem(401, KEY_IN_QUERY)
    if not plain:
        return None  # the other scheme may carry it; neither: ninja answers 401 (NO_KEY)
    key = keys.owner_of(plain.strip())
    if key is None:
        raise ApiProblem(401, BAD_KEY)
    refused = hit(api_limit(), str(key.pk))
    if refused is not None:
        raise ApiProblem(429, refused.message, Retry_After=str(refused.retry_after))
    request.user = key.user  # for code that reads request.user (never the session's)
    return key.user


class ApiKeyHeader(APIKeyHeader):
    param_name = "X-Api-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return _owner(request, key)


class BearerKey(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return _owner(request, token)

    def __call__(self, request: HttpRequest) -> Any:
        # Not ninja's own parsing: in DEBUG it logs an unexpected header whole, key and all.
        value = request.headers.get("Authorization")
        if not value:
            return None
        scheme, _, token = value.strip().partition(" ")
        if scheme.lower() != "bearer":
            raise ApiProblem(401, "Send the API key as Authorization: Bearer <key>.")
        return self.authenticate(request, token)


def caller(request: HttpRequest) -> User:
    """The key's owner (set by the auth classes above)."""
    user: User = request.auth  # type: ignore[attr-defined]
    return user


def admin_only(request: HttpRequest) -> User:
    user = caller(request)
    if not user.is_admin:
        raise ApiProblem(403, "Only administrators can do this.")
    return user


AUTH = [ApiKeyHeader(), BearerKey()]

"""Reading request bodies and answering bad input the way Inertia and plain clients expect.

Inertia posts JSON; classic forms post url-encoded fields; scripts post either. Whatever
comes in, a malformed body is a 400 with a sentence, never a 500, and validation errors go
back the Inertia way (redirect back, errors in the session) or as 422 JSON for API clients.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.utils.http import url_has_allowed_host_and_scheme

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
SESSION_ERRORS = "_vodarr_errors"
SESSION_FLASH = "_vodarr_flash"


class BadRequestBody(Exception):
    """The body could not be read as the fields of a form; ``message`` says why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


NUL_MESSAGE = "Text cannot contain NUL characters."
MAX_NESTING = 64
NESTING_MESSAGE = f"The request body is nested too deeply (more than {MAX_NESTING} levels)."
SURROGATE_MESSAGE = "Text must be valid Unicode: the request holds a lone surrogate character."


def unusable_text(value: Any) -> str | None:
    """Why ``value`` (with everything nested in it) cannot be used, or None when it can.

    No field has a use for a NUL character, and PostgreSQL refuses to store or even compare
    one; a lone surrogate (JSON allows ``"\\ud800"``) cannot be encoded to UTF-8, so the
    database, the email and the page would each fail on it later with a 500. Deep nesting
    is refused before anything recursive walks it. Iterative, so no input can overflow it.
    """
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return NUL_MESSAGE
            if not item.isascii() and _has_lone_surrogate(item):
                return SURROGATE_MESSAGE
        elif isinstance(item, dict | list):
            if depth > MAX_NESTING:
                return NESTING_MESSAGE
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return None


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_body(request: HttpRequest) -> dict[str, Any]:
    """The request's fields as a dict, from JSON or form encoding; raises BadRequestBody."""
    data = _parse_body(request)
    problem = unusable_text(data)
    if problem:
        raise BadRequestBody(problem)
    return data


def _parse_body(request: HttpRequest) -> dict[str, Any]:
    content_type = request.content_type or ""
    if not request.body:
        return {}
    if content_type == "application/json" or content_type.endswith("+json"):
        try:
            data = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            raise BadRequestBody("The request body is not valid JSON.") from None
        except RecursionError:  # thousands of brackets: the parser itself gives up
            raise BadRequestBody(NESTING_MESSAGE) from None
        if not isinstance(data, dict):
            raise BadRequestBody("The request body must be a JSON object with named fields.")
        return data
    if content_type in FORM_TYPES:
        if request.method == "POST":
            return request.POST.dict()
        try:
            return QueryDict(request.body.decode("utf-8")).dict()
        except UnicodeDecodeError:
            raise BadRequestBody("The form fields are not valid UTF-8 text.") from None
    raise BadRequestBody(
        f"Unsupported content type {content_type or 'none'!r}: send JSON or form fields.",
        status=415,
    )


def wants_json(request: HttpRequest) -> bool:
    """A script or API client (not an Inertia visit, not a browser form) made this request."""
    if request.headers.get("X-Inertia"):
        return False
    accept = request.headers.get("Accept", "")
    return "application/json" in accept or request.content_type == "application/json"


def bad_body_response(request: HttpRequest, error: BadRequestBody) -> HttpResponse:
    return JsonResponse({"message": error.message}, status=error.status)


def string_field(data: dict[str, Any], name: str, errors: dict[str, str], label: str) -> str:
    """The field as a stripped string; records a readable error when it is not text."""
    value = data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.setdefault(name, f"The {label} must be text.")
        return ""
    return value.strip() if name not in {"password", "password_confirmation"} else value


def bool_field(data: dict[str, Any], name: str, errors: dict[str, str], label: str) -> bool:
    """Accepts JSON booleans and the usual form spellings; anything else is an error."""
    value = parse_bool(data.get(name, False))
    if value is None:
        errors.setdefault(name, f"The {label} field must be true or false.")
        return False
    return value


_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"0", "false", "off", "no"}


def parse_bool(value: Any) -> bool | None:
    """A JSON boolean or a usual form spelling ("on", "0", "") as a bool; None if neither."""
    if isinstance(value, bool):
        return value
    if value in (None, ""):
        return False
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    return None


def same_site_path(request: HttpRequest, candidate: str) -> str | None:
    """``candidate`` when it is a path on this site, else None.

    ``//evil.example/x`` and ``/\\evil.example`` look like paths but browsers follow them to
    another host, so Django's own check decides, not a leading slash.
    """
    if not candidate.startswith("/") or not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return candidate


def safe_back_url(request: HttpRequest, fallback: str) -> str:
    """The page the request came from when it is on this site, else ``fallback``."""
    referer = request.headers.get("Referer", "")
    if referer:
        parts = urlsplit(referer)
        if parts.netloc == request.get_host():
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            return same_site_path(request, path) or fallback
    return fallback


def redirect_back(request: HttpRequest, fallback: str) -> HttpResponse:
    # 303 so a PATCH/DELETE/POST is always followed by a GET, as Inertia requires.
    response = HttpResponseRedirect(safe_back_url(request, fallback))
    response.status_code = 303
    return response


def validation_failed(request: HttpRequest, errors: dict[str, str], fallback: str) -> HttpResponse:
    """Send the errors back: 422 JSON for API clients, else redirect back with them."""
    if wants_json(request):
        first = next(iter(errors.values()), "The given data was invalid.")
        return JsonResponse({"message": first, "errors": errors}, status=422)
    request.session[SESSION_ERRORS] = errors
    return redirect_back(request, fallback)


def flash(request: HttpRequest, level: str, message: str) -> None:
    """Queue a message for the next page the user sees (levels: success, error)."""
    messages = request.session.get(SESSION_FLASH, {})
    messages[level] = message
    request.session[SESSION_FLASH] = messages


def pop_flash(request: HttpRequest) -> dict[str, str | None]:
    messages = request.session.pop(SESSION_FLASH, {}) if hasattr(request, "session") else {}
    return {"success": messages.get("success"), "error": messages.get("error")}


def pop_errors(request: HttpRequest) -> dict[str, str]:
    if not hasattr(request, "session"):
        return {}
    errors: dict[str, str] = request.session.pop(SESSION_ERRORS, {})
    return errors

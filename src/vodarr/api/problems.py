"""Errors as RFC 9457 problem documents: ``application/problem+json`` with a sentence.

Every refusal the API makes — a bad key, a missing download, a body that does not validate,
a rate limit, a service saying no — comes back in this one shape, so a script needs one
error path: read ``detail``. Validation problems add ``errors`` (field → sentence), as the
pages' forms do.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"


class Problem(Schema):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: dict[str, str] | None = None


class ApiProblem(Exception):
    """Raised anywhere inside an API view to answer with a problem document."""

    def __init__(
        self, status: int, detail: str, *, errors: dict[str, str] | None = None, **headers: str
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers


def problem_response(
    status: int, detail: str, errors: dict[str, str] | None = None, **headers: str
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def field_errors(raw: list[dict[str, Any]]) -> dict[str, str]:
    """pydantic's error list → one sentence per field, named as the client sent it."""
    errors: dict[str, str] = {}
    for item in raw:
        # loc is ("body", "payload", "field", …) or ("query", "name"): the client's own name
        # is what follows the parameter's place and the schema's argument name.
        loc = [str(part) for part in item.get("loc", ())]
        field = ".".join(loc[2:] if loc[:1] == ["body"] else loc[1:]) or "body"
        errors.setdefault(field, _sentence(item))
    return errors


def _sentence(item: dict[str, Any]) -> str:
    message = str(item.get("msg") or "This value is not valid.")
    message = message.removeprefix("Value error, ")
    message = message[0].upper() + message[1:]
    return message if message.endswith(".") else message + "."


# Answers any operation may give: an unreadable body or query (400), no or a bad key (401),
# input that does not validate (422), the key's rate limit (429).
COMMON = (400, 401, 422, 429)


def answers(ok: dict[int, Any], *errors: int) -> dict[int, Any]:
    """An operation's ``response=`` map: its successes, the common errors and its own."""
    return {**ok, **dict.fromkeys(sorted({*COMMON, *errors}), Problem)}

"""The API's shapes, as pydantic schemas: what the OpenAPI document promises and checks.

Output schemas mirror the serialisers the pages use (``downloads/serialize.py``'s
DownloadItem, the catalogue's cards and detail props, ``monitoring/serialize.py``), field
for field, so the API sends exactly what a page gets; they add no second set of rules.
Input schemas describe what a request may carry; the rules themselves (which season numbers,
which time zones…) stay in the feature apps' forms and services.

The shapes every part shares are here; each part's are in its module: ``downloads``,
``catalog``, ``household`` (watchlist, monitors, links).
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from ninja import Field, Schema

ID = Field(..., ge=1, le=2**63 - 1)


Item = TypeVar("Item")


class Message(Schema):
    detail: str


class Page(Schema, Generic[Item]):
    """One page of a list, in the shape the pages use (docs/pages.md's paginator)."""

    data: list[Item]
    current_page: int
    last_page: int
    per_page: int
    total: int
    from_: int | None = Field(None, alias="from")
    to: int | None
    next_page_url: str | None
    prev_page_url: str | None


class Owner(Schema):
    """The person a download, monitor or link belongs to (shown to administrators)."""

    id: int
    name: str
    email: str


class Me(Schema):
    id: int
    name: str
    email: str
    role: Literal["admin", "member"]
    mayDownload: bool = Field(..., description="May start downloads to the server.")

"""The API's shapes of what a household keeps: the watchlist, series monitors, links."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from vodarr.api.schemas import ID, Owner
from vodarr.api.schemas.catalog import Card

# --- watchlist ---------------------------------------------------------------------------------


class WatchlistIn(Schema):
    model_config = ConfigDict(extra="forbid")

    type: Literal["movie", "series"]
    id: int = ID


class WatchlistItem(Schema):
    card: Card
    addedAt: str
    available: bool = Field(..., description="False once the provider no longer lists it.")


# --- monitors ----------------------------------------------------------------------------------


class MonitorIn(Schema):
    """Everything optional: creating fills in defaults, changing touches only what is given."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    seasons: list[int] | Literal["all"] | None = None
    from_: Literal["future", "all"] | None = Field(None, alias="from")
    schedule: Literal["hourly", "daily", "weekly"] | None = None
    time: str | None = Field(None, description='"HH:MM", 24-hour clock.')
    days: list[int] | None = Field(None, description="0 (Monday) to 6 (Sunday).")
    timezone: str | None = Field(None, description='Like "Europe/Paris".')
    enabled: bool | None = None


class MonitorSeries(Schema):
    id: int
    name: str
    poster: str | None


class MonitorLastRun(Schema):
    at: str | None
    status: str
    message: str
    counts: dict[str, int]


class MonitorItem(Schema):
    id: int
    series: MonitorSeries
    seasons: list[int] | Literal["all"]
    from_: str = Field(..., alias="from")
    schedule: str
    time: str
    days: list[int]
    timezone: str
    enabled: bool
    description: str
    state: str
    nextRunAt: str | None
    lastRun: MonitorLastRun | None
    createdAt: str | None
    owner: Owner | None = None


class MonitorOut(Schema):
    detail: str
    monitor: MonitorItem


class PauseAllIn(Schema):
    model_config = ConfigDict(extra="forbid")

    paused: bool


# --- links -------------------------------------------------------------------------------------


class LinkFile(Schema):
    title: str
    url: str


class NewLink(Schema):
    """A link to a person's own device: the token in ``url`` is shown this once."""

    id: int
    title: str
    url: str = Field(..., description="The file, or for a batch its .m3u playlist.")
    expires_at: str
    kind: Literal["file", "batch"]
    playlist_url: str | None = None
    text_url: str | None = None
    items: list[LinkFile] | None = None


class LinkFileName(Schema):
    title: str
    name: str


class LinkRow(Schema):
    id: int
    title: str
    state: Literal["active", "expired", "revoked"]
    files: list[LinkFileName]
    fileCount: int
    createdAt: str
    expiresAt: str
    revokedAt: str | None
    lastUsedAt: str | None
    useCount: int
    owner: Owner | None = None

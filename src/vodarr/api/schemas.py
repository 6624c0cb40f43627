"""The API's shapes, as pydantic schemas: what the OpenAPI document promises and checks.

Output schemas mirror the serialisers the pages use (``downloads/serialize.py``'s
DownloadItem, the catalogue's cards and detail props, ``monitoring/serialize.py``), field
for field, so the API sends exactly what a page gets; they add no second set of rules.
Input schemas describe what a request may carry; the rules themselves (which season numbers,
which time zones…) stay in the feature apps' forms and services.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from ninja import Field, Schema
from pydantic import ConfigDict

from vodarr.downloads.filters import BATCH_KEY_PATTERN

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


class Me(Schema):
    id: int
    name: str
    email: str
    role: Literal["admin", "member"]
    mayDownload: bool = Field(..., description="May start downloads to the server.")


# --- downloads ---------------------------------------------------------------------------------


class DownloadFile(Schema):
    index: int
    path: str
    length: int
    completedLength: int
    selected: bool


class DownloadStatusInfo(Schema):
    gid: str
    status: str | None
    totalLength: int
    completedLength: int
    downloadSpeed: int
    errorCode: int | str | None
    errorMessage: str | None
    dir: str
    files: list[DownloadFile]
    source: Literal["live", "recorded", "last_known"] = Field(
        ...,
        description="live: aria2 answered now; recorded: the database's record; "
        "last_known: aria2 did not answer.",
    )
    updatedAt: str | None = None


class DownloadMedia(Schema):
    type: str
    id: int
    name: str
    poster: str | None
    year: int | None
    series: str | None
    season: int | None
    episode: int | None
    title: str | None


class MediaProbe(Schema):
    model_config = ConfigDict(extra="allow")

    container: str | None = None
    duration_secs: float | None = None
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codecs: list[str] = []
    audio_languages: list[str] = []
    subtitle_languages: list[str] = []


class DownloadFailure(Schema):
    reason: str = Field(..., description="Why it failed, in a sentence.")
    code: int | None
    detail: str | None = Field(..., description="aria2's own words: administrators only.")


class Owner(Schema):
    id: int
    name: str
    email: str


class DownloadItem(Schema):
    """A person's download (their request on a shared transfer), as the Downloads page shows."""

    id: int
    gid: str
    user_id: int
    downloadable_type: str
    downloadable_id: int
    episode_id: str | None
    season: int | None
    episode: int | None
    canceled_at: str | None
    retry_next_at: str | None
    desired_paused: bool
    retry_attempt: int
    last_error_code: int | str | None
    last_error_message: str | None
    output_path: str | None
    created_at: str | None
    finished_at: str | None
    probe: MediaProbe | None
    media: DownloadMedia
    downloadStatus: DownloadStatusInfo
    actions: list[str] = Field(..., description="What may be done to it now.")
    state: Literal["active", "queued", "paused", "failed", "completed", "canceled"]
    batch: str | None = Field(..., description="Episodes started together share it.")
    failure: DownloadFailure | None
    owner: Owner | None = Field(None, description="Administrators only.")


class DownloadList(Page[DownloadItem]):
    counts: dict[str, int] = Field(
        ...,
        description="Downloads per state, `attention` (failed, no automatic retry pending), "
        "`all`, and `entries` (list rows: a batch of episodes is one).",
    )


State = Literal["active", "queued", "paused", "failed", "completed", "canceled"]


class BulkIn(Schema):
    """Either ``ids``, or ``status`` (with the list's ``q``, ``batch`` and, for admins,
    ``owners``)."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["pause", "resume", "retry", "cancel", "remove"]
    ids: list[int] | None = Field(None, max_length=500)
    status: list[State] | State | None = None
    q: str | None = Field(None, max_length=100)
    owners: str | None = Field(None, max_length=1000, description="Administrators.")
    batch: str | None = Field(
        None, pattern=f"^{BATCH_KEY_PATTERN}$", description="Only this batch's episodes."
    )
    delete_partial: bool = False
    restart_from_zero: bool = False


class Refused(Schema):
    id: int
    message: str


class BulkOut(Schema):
    detail: str
    done: list[int]
    refused: list[Refused]


class ActionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    action: Literal["pause", "resume", "retry", "cancel", "remove"]
    delete_partial: bool = Field(False, description="cancel: also delete the partial file.")
    restart_from_zero: bool = Field(False, description="retry: fetch from the first byte.")


class ActionOut(Schema):
    detail: str
    download: DownloadItem | None = Field(None, description="null once removed.")


class EpisodeRef(Schema):
    model_config = ConfigDict(extra="forbid")

    season: int = Field(..., ge=0, lt=10_000)
    episode: int = Field(..., ge=0, lt=10_000)


class EpisodesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    episodes: list[EpisodeRef] = Field(..., min_length=1, max_length=500)


class StartOut(Schema):
    detail: str
    started: list[DownloadItem]
    skipped: list[str] = Field(..., description="Already downloading or downloaded.")
    failed: list[str]


# --- catalogue ---------------------------------------------------------------------------------


class DownloadBadge(Schema):
    """What the server has of a title, whoever asked for it."""

    state: Literal["downloaded", "downloading", "queued", "paused", "failed"]
    percent: float | None
    done: int
    files: int


class Card(Schema):
    id: int
    name: str
    poster: str | None
    year: int | None
    rating: float | None
    kind: Literal["movie", "series"]
    versions: int
    download: DownloadBadge | None = None


class SearchOut(Schema):
    q: str
    movies: list[Card]
    series: list[Card]


class Category(Schema):
    id: int
    name: str


class MenuCategory(Category):
    pinned: bool | None = None


class CategoriesOut(Schema):
    movies: list[MenuCategory]
    series: list[MenuCategory]


class TechnicalDetails(Schema):
    """What the provider's own probe says about a file; every field may be missing."""

    width: int | None
    height: int | None
    videoCodec: str | None
    videoProfile: str | None
    frameRate: float | None
    hdr: str | None
    audioCodec: str | None
    audioChannels: int | None
    audioLayout: str | None
    audioLanguage: str | None
    bitrateKbps: float | None


class TitleDetail(Schema):
    """What a movie's and a series' pages both say about the title."""

    id: int
    name: str
    poster: str | None
    backdrop: str | None
    plot: str | None
    year: int | None
    rating: float | None
    genre: str | None
    cast: str | None
    director: str | None
    trailer: str | None = Field(..., description="A link to the trailer, or null.")


class MovieDetail(TitleDetail):
    durationSecs: int | None
    releaseDate: str | None
    containerExtension: str | None
    category: Category | None
    technical: TechnicalDetails | None


class Variant(Schema):
    id: int
    name: str
    label: str
    quality: str | None
    languages: list[str]
    preferred: bool


class MovieVariant(Variant):
    year: int | None
    containerExtension: str | None
    download: DownloadItem | None


class MovieOut(Schema):
    movie: MovieDetail
    download: DownloadItem | None
    variants: list[MovieVariant]
    preferredVariantId: int | None
    badge: DownloadBadge | None = Field(..., description="The file on the server, whoever asked.")
    providerError: str | None


class SeriesDetail(TitleDetail):
    pass


class Episode(Schema):
    id: str
    season: int
    episode: int
    title: str | None
    durationSecs: int | None
    plot: str | None
    image: str | None
    technical: TechnicalDetails | None
    download: DownloadItem | None = Field(..., description="Your own download of it.")
    badge: DownloadBadge | None = Field(..., description="The file on the server.")


class Season(Schema):
    number: int
    name: str | None
    episodes: list[Episode]


class SeriesOut(Schema):
    series: SeriesDetail
    seasons: list[Season]
    variants: list[Variant]
    providerError: str | None
    monitor: dict[str, Any] | None = Field(None, description="Your monitor of this series.")


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

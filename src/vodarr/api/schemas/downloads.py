"""The API's shapes of downloads: the list, its actions and starting episodes."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from vodarr.api.schemas import Owner, Page
from vodarr.downloads.filters import BATCH_KEY_PATTERN


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

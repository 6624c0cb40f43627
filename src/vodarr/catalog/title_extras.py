"""A title page's extras: the file's technical details as the provider describes them, and
"refresh this title", which reads it from the provider again.

Title pages ask the provider through the client's 60-second cache, so a title the provider
just fixed (a new poster, the right year) would show the old answer for a minute; refreshing
asks past the cache, keeps what the catalogue row can hold, and sends the person back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from vodarr.catalog.models import NAME_MAX, Series, VodStream, fold
from vodarr.catalog.provider import provider_client
from vodarr.integrations.xtream import SeriesInfo, VodInfo, XtreamError, XtreamNotFound
from vodarr.integrations.xtream.models import TechnicalDetails
from vodarr.web.http import flash, read_body, redirect_back
from vodarr.web.validation import path_id

REFRESHED = "Refreshed from the provider."
FAILED = "The title could not be refreshed: "


def technical_props(details: TechnicalDetails | None) -> dict[str, Any] | None:
    if details is None:
        return None
    return {
        "width": details.width,
        "height": details.height,
        "videoCodec": details.video_codec or None,
        "videoProfile": details.video_profile or None,
        "frameRate": details.frame_rate,
        "hdr": details.hdr or None,
        "audioCodec": details.audio_codec or None,
        "audioChannels": details.audio_channels,
        "audioLayout": details.audio_layout or None,
        "audioLanguage": details.audio_language or None,
        "bitrateKbps": details.bitrate_kbps,
    }


@require_POST
def refresh_movie(request: HttpRequest, stream_id: str) -> HttpResponse:
    sid = path_id(stream_id, "Movie")
    return _refresh(
        request,
        f"/movies/{sid}",
        lambda: _keep_movie(sid, provider_client().vod_info(sid, fresh=True)),
        "This movie",
    )


@require_POST
def refresh_series(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = path_id(series_id, "Series")
    return _refresh(
        request,
        f"/series/{sid}",
        lambda: _keep_series(sid, provider_client().series_info(sid, fresh=True)),
        "This series",
    )


def _refresh(request: HttpRequest, page: str, read: Callable[[], None], what: str) -> HttpResponse:
    """Read the title again (``read`` asks past the cache and keeps the answer), then go back."""
    read_body(request)  # a malformed body is still refused (BadInputMiddleware)
    try:
        read()
    except XtreamNotFound:
        flash(request, "error", f"{FAILED}{what} is no longer available from the provider.")
    except XtreamError as error:
        flash(request, "error", f"{FAILED}{error.message}")
    else:
        flash(request, "success", REFRESHED)
    return redirect_back(request, page)


MOVIE_DETAILS = ("name", "plot", "genre", "rating", "year", "poster", "backdrop", "duration_secs")
SERIES_DETAILS = (
    "name",
    "plot",
    "genre",
    "cast",
    "director",
    "rating",
    "year",
    "poster",
    "backdrop",
)


def _keep_movie(sid: int, info: VodInfo) -> None:
    """What the provider now says, in the catalogue row (a title not synced yet has none)."""
    VodStream.objects.filter(pk=sid).update(**_known(info, MOVIE_DETAILS))


def _keep_series(sid: int, info: SeriesInfo) -> None:
    Series.objects.filter(pk=sid).update(**_known(info, SERIES_DETAILS))


def _known(info: VodInfo | SeriesInfo, names: tuple[str, ...]) -> dict[str, Any]:
    """The values the provider gave (it says nothing of the rest), names cut to fit."""
    values = {name: getattr(info, name) for name in names}
    known = {name: value for name, value in values.items() if value not in (None, "")}
    if "name" in known:
        known["name"] = known["name"][:NAME_MAX]
        known["search_name"] = fold(known["name"])[:NAME_MAX]
    return known

"""Making links (a movie, an episode, a batch of episodes, a download) and revoking them.

A link's items are named exactly as a server download of them would be (the same factory
builds both), so a file that is later downloaded to the server is found for the link, and
the person's device gets the name a media server expects. What the provider says is asked
once, when the link is made; the link then works without the provider knowing the title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.catalog.provider import provider_client
from vodarr.downloads import factories
from vodarr.downloads.factories import Planned
from vodarr.downloads.models import MediaDownloadRef
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError, XtreamNotFound
from vodarr.links.models import DownloadLink, LinkItem, new_token, token_hash
from vodarr.site_settings.values import site_values

T = TypeVar("T")


class LinkError(Exception):
    """No link was made; ``message`` says why, ``status`` is the HTTP answer (404, 422, 503)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class NewLink:
    """A link just made, with its token: the only moment the token is known."""

    link: DownloadLink
    token: str
    items: list[LinkItem]

    @property
    def is_batch(self) -> bool:
        return len(self.items) > 1


def lifetime() -> timedelta:
    return timedelta(hours=site_values().link_lifetime_hours.value)


def movie_link(user: User, stream_id: int, *, now: datetime | None = None) -> NewLink:
    xtream = _provider()
    movie = _ask(lambda: xtream.vod_info(stream_id), "This movie")
    extension = xtream.movie_extension(stream_id, known=movie.container_extension)
    planned = factories.from_vod_stream(movie, user, extension=extension)
    item = _item(planned, movie.duration_secs)
    return _create(user, item.title, [item], now)


def episodes_link(
    user: User, series_id: int, wanted: list[tuple[int, int]], *, now: datetime | None = None
) -> NewLink:
    """One link for the episodes (one of them, or a batch: a playlist and a list of links)."""
    xtream = _provider()
    series = _ask(lambda: xtream.series_info(series_id), "This series")
    found = [(code, series.find_episode(*code)) for code in dict.fromkeys(wanted)]
    missing = [f"S{s}E{e} not found." for (s, e), episode in found if episode is None]
    if missing:
        raise LinkError(" ".join(missing), 404)
    items = [
        _item(factories.from_series_and_episode(series, episode, user), episode.duration_secs)
        for _, episode in found
        if episode is not None
    ]
    title = items[0].title if len(items) == 1 else f"{series.name} · {len(items)} episodes"
    return _create(user, title, items, now)


def download_link(user: User, ref: MediaDownloadRef, *, now: datetime | None = None) -> NewLink:
    """A link to what a download writes: no provider call, the transfer knows it all."""
    item = _item(Planned(ref, ref.transfer), None)
    return _create(user, item.title, [item], now)


def revoke(link: DownloadLink, *, now: datetime | None = None) -> bool:
    """Stop the link working at once; False when it already was revoked."""
    changed = DownloadLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=now or timezone.now()
    )
    return changed == 1


def find_usable(token: str, *, now: datetime | None = None) -> DownloadLink | None:
    """The link ``token`` opens, if it still works."""
    if not token or len(token) > 100:
        return None
    return DownloadLink.objects.usable(now).filter(token_hash=token_hash(token)).first()


def still_usable(link_id: int, *, now: datetime | None = None) -> bool:
    """Whether a link being served has not been revoked or expired meanwhile."""
    return DownloadLink.objects.usable(now).filter(pk=link_id).exists()


def record_use(link: DownloadLink, *, now: datetime | None = None) -> None:
    DownloadLink.objects.filter(pk=link.pk).update(
        use_count=F("use_count") + 1, last_used_at=now or timezone.now()
    )


# --- helpers ----------------------------------------------------------------------------------


def _ask(call: Callable[[], T], what: str) -> T:
    """The provider's answer, or a ``LinkError`` saying why there is none."""
    try:
        return call()
    except XtreamNotFound:
        raise LinkError(f"{what} is no longer available from the provider.", 404) from None
    except XtreamError as error:
        raise LinkError(error.message, 503) from None


def _provider() -> XtreamClient:
    try:
        return provider_client()
    except XtreamError as error:
        raise LinkError(error.message, 503) from None


def _item(planned: Planned, duration: int | None) -> LinkItem:
    transfer, request = planned.transfer, planned.request
    return LinkItem(
        downloadable_type=transfer.downloadable_type,
        downloadable_id=transfer.downloadable_id,
        episode_id=transfer.episode_id,
        season=request.season,
        episode=request.episode,
        container_extension=transfer.container_extension,
        output_path=transfer.output_path,
        title=_title(request),
        duration_secs=duration,
    )


def _title(ref: MediaDownloadRef) -> str:
    """ "Metropolis (1927)", "Harbour Lights · S01E02 · Low Tide"."""
    if ref.is_episode:
        code = f"S{ref.season or 0:02d}E{ref.episode or 0:02d}"
        return " · ".join(part for part in (ref.title, code, ref.episode_title) if part)[:600]
    return (f"{ref.title} ({ref.year})" if ref.year else ref.title)[:600]


def _create(user: User, title: str, items: list[LinkItem], now: datetime | None) -> NewLink:
    now = now or timezone.now()
    token = new_token()
    with transaction.atomic():
        link = DownloadLink.objects.create(
            token_hash=token_hash(token),
            user=user,
            title=title[:600],
            created_at=now,
            expires_at=now + lifetime(),
        )
        for position, item in enumerate(items, start=1):
            item.link = link
            item.position = position
        LinkItem.objects.bulk_create(items)
    return NewLink(link, token, items)

"""Starting downloads: a movie, an episode, or many episodes in one aria2 request.

Each ref is inserted before aria2 hears of it, with a GID we choose and a unique
`dedupe_key`: two identical requests racing each other cannot both insert, so exactly one
aria2 task and one row exist. A ref whose addUri fails is deleted again.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from vodarr.accounts.models import User
from vodarr.catalog.provider import provider_client
from vodarr.downloads import factories
from vodarr.downloads.aria2 import aria2, download_options, sync_concurrency_with_account
from vodarr.downloads.models import MediaDownloadRef, MediaType, media_key
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.aria2.types import DownloadStatus
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError, XtreamNotFound

logger = logging.getLogger("vodarr.downloads")

ALREADY_IN_PROGRESS = "Download already in progress."
STARTED = "Download started."
BATCH_STARTED = "Downloads started for selected episodes."


class StartError(Exception):
    """Nothing was started; ``messages`` say why, one sentence each."""

    def __init__(self, *messages: str) -> None:
        super().__init__(" ".join(messages))
        self.messages = list(messages)


@dataclass
class BatchResult:
    started: list[MediaDownloadRef] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "S01E02 is already downloading."
    failed: list[str] = field(default_factory=list)


def new_gid() -> str:
    """A GID in aria2's format (16 hex digits) that we choose, so the row can exist first."""
    return secrets.token_hex(8)


def start_movie_download(user: User, stream_id: int) -> MediaDownloadRef:
    # Checked before any provider call: a second click costs nothing upstream.
    if _live_keys([media_key(user.pk, MediaType.VOD_STREAM, stream_id, None)]):
        raise StartError(ALREADY_IN_PROGRESS)
    xtream = _provider()
    try:
        movie = xtream.vod_info(stream_id)
    except XtreamNotFound:
        raise StartError("This movie is no longer available from the provider.") from None
    except XtreamError as error:
        raise StartError(error.message) from None
    ref = factories.from_vod_stream(
        new_gid(),
        movie,
        user,
        extension=xtream.movie_extension(stream_id, known=movie.container_extension),
    )
    _sync_concurrency(xtream)
    result = _insert_and_add(
        [(ref, xtream.movie_url(stream_id, ref.container_extension))], label=lambda _: "This movie"
    )
    if result.started:
        return result.started[0]
    raise StartError(ALREADY_IN_PROGRESS) if result.skipped else StartError(*result.failed)


def start_episode_download(
    user: User, series_id: int, season: int, episode: int
) -> MediaDownloadRef:
    result = start_episodes_download(user, series_id, [(season, episode)])
    if result.started:
        return result.started[0]
    if result.skipped:
        raise StartError(ALREADY_IN_PROGRESS)
    raise StartError(*result.failed)


def start_episodes_download(
    user: User, series_id: int, wanted: list[tuple[int, int]]
) -> BatchResult:
    """Start every wanted (season, episode) in ONE aria2 request and ONE transaction.

    Unknown episodes fail the whole batch (nothing starts); episodes this user already has
    live are skipped and reported.
    """
    xtream = _provider()
    try:
        series = xtream.series_info(series_id)
    except XtreamNotFound:
        raise StartError("This series is no longer available from the provider.") from None
    except XtreamError as error:
        raise StartError(error.message) from None
    unique = list(dict.fromkeys(wanted))
    episodes = [(code, series.find_episode(*code)) for code in unique]
    missing = [f"S{s}E{e} not found." for (s, e), found in episodes if found is None]
    if missing:
        raise StartError(*missing)
    pairs = []
    for _, found in episodes:
        assert found is not None  # checked just above
        ref = factories.from_series_and_episode(new_gid(), series, found, user)
        pairs.append((ref, xtream.episode_url(found.id, ref.container_extension)))
    _sync_concurrency(xtream)
    return _insert_and_add(pairs, label=lambda ref: f"S{ref.season:02d}E{ref.episode:02d}")


def _provider() -> XtreamClient:
    try:
        return provider_client()
    except XtreamError as error:
        raise StartError(error.message) from None


def _sync_concurrency(xtream: XtreamClient) -> None:
    try:
        account = xtream.account()
    except XtreamError as error:
        logger.warning("Could not read the provider account's connection limit: %s", error.message)
        return
    sync_concurrency_with_account(account.user_info.max_connections)


def _live_keys(keys: list[str]) -> set[str]:
    """The keys among ``keys`` held by a download that is really still live.

    A key is released when a download ends in error or is removed; the worker records that,
    but aria2 is asked here too, so a start never depends on the worker having run.
    """
    holders = list(MediaDownloadRef.objects.filter(dedupe_key__in=keys))
    if not holders:
        return set()
    try:
        states = aria2().tell_statuses([ref.gid for ref in holders])
    except Aria2Error:
        return {ref.dedupe_key for ref in holders if ref.dedupe_key}
    live = set()
    for ref in holders:
        state = states.get(ref.gid)
        if isinstance(state, DownloadStatus) and state.status is not None:
            ref.save(update_fields=ref.record_state(state))
        if ref.dedupe_key:
            live.add(ref.dedupe_key)
    return live


def _insert_and_add(
    pairs: list[tuple[MediaDownloadRef, str]], label: Callable[[MediaDownloadRef], str]
) -> BatchResult:
    # Providers do not say how big a file is before it is requested, so this checks the
    # reserve only; the disk module also guards retries. Imported here: it builds on StartError.
    from vodarr.downloads.worker.disk import check_free_space

    check_free_space(0)
    result = BatchResult()
    inserted: list[tuple[MediaDownloadRef, str]] = []
    taken = _live_keys([ref.dedupe_key for ref, _ in pairs if ref.dedupe_key])
    with transaction.atomic():
        for ref, url in pairs:
            if ref.dedupe_key in taken:
                result.skipped.append(f"{label(ref)} is already downloading.")
                continue
            ref.output_path = _unique_output_path(ref)
            try:
                with transaction.atomic():  # a savepoint: one lost race skips one episode only
                    ref.save(force_insert=True)
            except IntegrityError:
                result.skipped.append(f"{label(ref)} is already downloading.")
                continue
            inserted.append((ref, url))
    if not inserted:
        return result
    try:
        answers = aria2().add_uris(
            [([url], download_options(ref.gid, ref.output_path)) for ref, url in inserted]
        )
    except Aria2Error as error:
        MediaDownloadRef.objects.filter(pk__in=[ref.pk for ref, _ in inserted]).delete()
        raise StartError(error.message) from None
    failed_pks = []
    for (ref, _), answer in zip(inserted, answers, strict=True):
        if isinstance(answer, Aria2Error):
            failed_pks.append(ref.pk)
            result.failed.append(f"{label(ref)} could not start: {answer.message}")
        else:
            result.started.append(ref)
    if failed_pks:
        MediaDownloadRef.objects.filter(pk__in=failed_pks).delete()
    return result


def _unique_output_path(ref: MediaDownloadRef) -> str:
    """Two different titles with the same name and year must not write to the same file."""
    clash = (
        MediaDownloadRef.objects.filter(output_path=ref.output_path, canceled_at__isnull=True)
        .exclude(
            downloadable_type=ref.downloadable_type,
            downloadable_id=ref.downloadable_id,
            episode_id=ref.episode_id,
        )
        .exists()
    )
    if not clash:
        return ref.output_path
    stem, dot, ext = ref.output_path.rpartition(".")
    return (
        f"{stem} [{ref.downloadable_id}{'-' + ref.episode_id if ref.episode_id else ''}]{dot}{ext}"
    )

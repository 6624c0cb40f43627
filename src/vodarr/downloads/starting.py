"""Starting downloads: a movie, an episode, or many episodes — joining what already exists.

A start makes the person's request and finds the file's transfer:

- nobody is writing the file: a new transfer, added to aria2 with a GID we chose (a batch of
  episodes is ONE aria2 request and one transaction);
- someone else is downloading it: the request joins that transfer — no second provider
  connection, the same live progress;
- the file is already complete on disk and still the size that was downloaded: the request is
  complete at once, nothing is fetched;
- the transfer had failed (or its file went missing): it is re-added, for everyone on it.

Rows are inserted before aria2 hears of them, guarded by unique keys (one live request per
person per media, one holder per media and per output file), so racing clicks and people
cannot make two copies: the loser of a race joins the winner. A new transfer whose addUri
fails is deleted again.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.catalog.provider import provider_client
from vodarr.downloads import factories
from vodarr.downloads.changes import requests_changed, requests_removed, transfers_changed
from vodarr.downloads.disk import check_free_space
from vodarr.downloads.errors import StartError, StartNotAllowed
from vodarr.downloads.factories import Planned
from vodarr.downloads.gateway import gateway
from vodarr.downloads.inserting import clashes, insert_all, unique_output_path
from vodarr.downloads.models import (
    IN_PROGRESS_STATUSES,
    MediaDownloadRef,
    MediaType,
    Status,
    Transfer,
    media_key,
)
from vodarr.downloads.paths import UnsafePath, absolute_path
from vodarr.downloads.readd import Readd
from vodarr.integrations.aria2.errors import Aria2Error
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import XtreamError, XtreamNotFound

logger = logging.getLogger("vodarr.downloads")

ALREADY_IN_PROGRESS = "Download already in progress."
ALREADY_DOWNLOADED = "This title is already downloaded."
STARTED = "Download started."
BATCH_STARTED = "Downloads started for selected episodes."
NOT_ALLOWED = (
    "You may not download to the server. Ask an administrator, or use “Get a link” to "
    "download to your own device."
)

__all__ = [
    "BatchResult",
    "StartError",
    "StartNotAllowed",
    "ensure_may_download",
    "start_episode_download",
    "start_episodes_download",
]


@dataclass
class BatchResult:
    started: list[MediaDownloadRef] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "S01E02 is already downloading."
    failed: list[str] = field(default_factory=list)
    already_complete: bool = False  # a skip was for a file that is already whole on disk


class Verdict(Enum):
    RUNNING = "running"  # unfinished: join it as it is
    COMPLETE = "complete"  # the file is on disk, whole
    REDO = "redo"  # failed or removed: re-add, keeping the partial file
    REDO_FROM_ZERO = "redo_from_zero"  # complete once, but the file is gone or changed


def verdict(transfer: Transfer) -> Verdict:
    """What a new start should do with an existing transfer of the same media."""
    if transfer.status in IN_PROGRESS_STATUSES and not transfer.is_stopped:
        return Verdict.RUNNING  # being verified counts: complete (or refused) in a moment
    if transfer.status == Status.COMPLETE:
        return Verdict.COMPLETE if file_is_whole(transfer) else Verdict.REDO_FROM_ZERO
    return Verdict.REDO


def file_is_whole(transfer: Transfer) -> bool:
    """The finished file is still there, the size aria2 wrote, with no control file beside it."""
    try:
        path = absolute_path(transfer.output_path)
    except UnsafePath:
        return False
    if not path.is_file() or path.with_name(path.name + ".aria2").exists():
        return False
    return path.stat().st_size == transfer.total_length


def ensure_may_download(user: User) -> None:
    """The one check of the "may download to the server" permission.

    Every start (a click, a batch, a series monitor, the API) passes here first, so no
    caller can forget it; raises ``StartNotAllowed``.
    """
    if not user.may_download_to_server:
        raise StartNotAllowed(NOT_ALLOWED)


def start_movie_download(user: User, stream_id: int) -> MediaDownloadRef:
    ensure_may_download(user)
    # Checked before any provider call: a second click costs nothing upstream.
    _refuse_if_held(media_key(user.pk, MediaType.VOD_STREAM, stream_id, None))
    xtream = _provider()
    try:
        movie = xtream.vod_info(stream_id)
    except XtreamNotFound:
        raise StartError(
            "This movie is no longer available from the provider.", reason="gone"
        ) from None
    except XtreamError as error:
        raise StartError(error.message, reason="unavailable") from None
    planned = factories.from_vod_stream(
        movie, user, extension=xtream.movie_extension(stream_id, known=movie.container_extension)
    )
    result = _start([planned], xtream, label=lambda _: "This movie")
    return _single(result)


def start_episode_download(
    user: User, series_id: int, season: int, episode: int
) -> MediaDownloadRef:
    return _single(start_episodes_download(user, series_id, [(season, episode)]))


def start_episodes_download(
    user: User, series_id: int, wanted: list[tuple[int, int]]
) -> BatchResult:
    """Start every wanted (season, episode): new transfers in ONE aria2 request.

    Unknown episodes fail the whole batch (nothing starts); episodes this person already has
    are skipped and reported.
    """
    ensure_may_download(user)
    xtream = _provider()
    try:
        series = xtream.series_info(series_id)
    except XtreamNotFound:
        raise StartError(
            "This series is no longer available from the provider.", reason="gone"
        ) from None
    except XtreamError as error:
        raise StartError(error.message, reason="unavailable") from None
    unique = list(dict.fromkeys(wanted))
    episodes = [(code, series.find_episode(*code)) for code in unique]
    missing = [f"S{s}E{e} not found." for (s, e), found in episodes if found is None]
    if missing:
        raise StartError(*missing, reason="gone")
    planned = [
        factories.from_series_and_episode(series, found, user)
        for _, found in episodes
        if found is not None
    ]
    if len(planned) > 1:
        batch = secrets.token_hex(8)  # started together: one group row on the Downloads page
        for item in planned:
            item.request.batch = batch
    return _start(
        planned, xtream, label=lambda p: f"S{p.request.season:02d}E{p.request.episode:02d}"
    )


def _single(result: BatchResult) -> MediaDownloadRef:
    if result.started:
        return result.started[0]
    if result.skipped:
        raise StartError(
            ALREADY_DOWNLOADED if result.already_complete else ALREADY_IN_PROGRESS, reason="held"
        )
    raise StartError(*result.failed)


def _provider() -> XtreamClient:
    try:
        return provider_client()
    except XtreamError as error:
        raise StartError(error.message, reason="unavailable") from None


def _refuse_if_held(key: str) -> None:
    own = MediaDownloadRef.objects.select_related("transfer").filter(dedupe_key=key).first()
    if own is None:
        return
    gateway().refresh([own.transfer])
    found = verdict(own.transfer)
    if found is Verdict.RUNNING:
        raise StartError(ALREADY_IN_PROGRESS, reason="held")
    if found is Verdict.COMPLETE:
        raise StartError(ALREADY_DOWNLOADED, reason="held")


@dataclass
class _Plan:
    """What one start will do once its rows are committed."""

    new: list[Planned] = field(default_factory=list)
    redo: list[tuple[Transfer, bool]] = field(default_factory=list)  # (transfer, from zero)
    unpause: list[Transfer] = field(default_factory=list)


def _start(
    planned: list[Planned], xtream: XtreamClient, label: Callable[[Planned], str]
) -> BatchResult:
    check_free_space(0)  # providers do not say how big a file is: the reserve, at least
    gateway().apply_global_options(xtream)
    result, plan = BatchResult(), _Plan()
    gateway().refresh(_existing(planned))  # decide on aria2's word, not on a stale row
    with transaction.atomic():
        holders = {
            t.media_key: t
            for t in Transfer.objects.filter(media_key__in=[p.identity for p in planned])
        }
        own = {
            r.dedupe_key: r
            for r in MediaDownloadRef.objects.select_related("transfer").filter(
                dedupe_key__in=[p.request.dedupe_key for p in planned]
            )
        }
        fresh = [
            item
            for item in planned
            if item.request.dedupe_key not in own and item.identity not in holders
        ]
        # By identity: ``Planned`` compares by value, and a list scan per item was O(n²).
        inserted = {id(item) for item in fresh} if len(fresh) > 1 and insert_all(fresh) else set()
        for item in planned:
            mine = own.get(item.request.dedupe_key)
            if mine is not None:
                _again(mine, item, label, result, plan)
            elif id(item) in inserted:
                plan.new.append(item)
                result.started.append(item.request)
            else:
                _place(item, holders.get(item.identity), label, result, plan)
        requests_changed(ref.user_id for ref in result.started)
    _carry_out(plan, xtream, label, result)
    return result


def _existing(planned: list[Planned]) -> list[Transfer]:
    """The transfers a start may join or re-add: holders of the media, the person's own."""
    return list(
        Transfer.objects.filter(
            Q(media_key__in=[p.identity for p in planned])
            | Q(requests__dedupe_key__in=[p.request.dedupe_key for p in planned])
        ).distinct()
    )


def _again(
    mine: MediaDownloadRef,
    item: Planned,
    label: Callable[[Planned], str],
    result: BatchResult,
    plan: _Plan,
) -> None:
    """This person already asked for it: a failed one is tried again, anything else skipped."""
    found = verdict(mine.transfer)
    if found is Verdict.RUNNING:
        result.skipped.append(f"{label(item)} is already downloading.")
    elif found is Verdict.COMPLETE:
        result.skipped.append(f"{label(item)} is already downloaded.")
        result.already_complete = True
    else:
        plan.redo.append((mine.transfer, found is Verdict.REDO_FROM_ZERO))
        result.started.append(mine)


def _place(
    item: Planned,
    holder: Transfer | None,
    label: Callable[[Planned], str],
    result: BatchResult,
    plan: _Plan,
) -> None:
    """Join the transfer that holds this media, or insert a new one."""
    if holder is None:
        transfer = item.transfer
        transfer.output_path = unique_output_path(transfer, clashes(transfer))
        transfer.hold()
        try:
            with transaction.atomic():  # a savepoint: one lost race costs one item only
                transfer.save(force_insert=True)
                item.request.transfer = transfer
                item.request.save(force_insert=True)
        except IntegrityError:
            # Someone inserted the same media a moment ago (join them), or this person did.
            holder = Transfer.objects.filter(media_key=item.identity).first()
            if (
                holder is None
                or MediaDownloadRef.objects.filter(dedupe_key=item.request.dedupe_key).exists()
            ):
                result.skipped.append(f"{label(item)} is already downloading.")
                return
        else:
            plan.new.append(item)
            result.started.append(item.request)
            return
    item.request.transfer = holder
    try:
        with transaction.atomic():
            item.request.save(force_insert=True)
    except IntegrityError:
        result.skipped.append(f"{label(item)} is already downloading.")
        return
    found = verdict(holder)
    if found in (Verdict.REDO, Verdict.REDO_FROM_ZERO):
        plan.redo.append((holder, found is Verdict.REDO_FROM_ZERO))
    elif found is Verdict.RUNNING and holder.status == Status.PAUSED:
        plan.unpause.append(holder)  # everyone else had paused it; this person wants it
    result.started.append(item.request)


def _carry_out(
    plan: _Plan, xtream: XtreamClient, label: Callable[[Planned], str], result: BatchResult
) -> None:
    """Tell aria2, after the rows are committed (so the worker never mistakes them)."""
    if plan.new:
        _add_new(plan.new, xtream, label, result)
    items = [Readd(transfer, restart_from_zero=from_zero) for transfer, from_zero in plan.redo]
    for item, outcome in zip(items, gateway().readd_many(items, fresh_start=True), strict=True):
        if isinstance(outcome, Exception):
            message = getattr(outcome, "message", str(outcome))
            result.failed.append(f"{_transfer_label(item.transfer)} could not start: {message}")
    if plan.unpause:
        try:
            gateway().client.multicall([("aria2.unpause", [t.gid]) for t in plan.unpause])
        except Aria2Error as error:
            # The worker resumes what someone wants running on its next tick.
            logger.info("Could not resume a joined download now: %s", error.message)


def _add_new(
    new: list[Planned], xtream: XtreamClient, label: Callable[[Planned], str], result: BatchResult
) -> None:
    batch = [(item.transfer, gateway().media_url(item.transfer, xtream)) for item in new]
    try:
        answers: list[str | Aria2Error] = gateway().add(batch)
    except Aria2Error as error:  # aria2 unreachable: none of them started
        for item in new:
            _undo_new(item, error)
            result.started.remove(item.request)
        if not result.started:
            raise StartError(error.message, reason="unavailable") from None
        result.failed.append(error.message)
        return
    for item, answer in zip(new, answers, strict=True):
        if isinstance(answer, Aria2Error):
            _undo_new(item, answer)
            result.started.remove(item.request)
            result.failed.append(f"{label(item)} could not start: {answer.message}")


def _undo_new(item: Planned, error: Aria2Error) -> None:
    """aria2 refused a new transfer: remove this request, and the transfer if it is alone."""
    with transaction.atomic():
        MediaDownloadRef.objects.filter(pk=item.request.pk).delete()
        if not MediaDownloadRef.objects.filter(transfer=item.transfer).exists():
            Transfer.objects.filter(pk=item.transfer.pk).delete()
        else:  # someone joined meanwhile: they see the failure and may retry
            Transfer.objects.filter(pk=item.transfer.pk).update(
                status=Status.ERROR, last_error_message=error.message, updated_at=timezone.now()
            )
            transfers_changed([item.transfer.pk])
        requests_removed([item.request.user_id], [item.request.pk])


def _transfer_label(transfer: Transfer) -> str:
    return transfer.output_path.rsplit("/", 1)[-1]

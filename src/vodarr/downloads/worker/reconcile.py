"""Reconciliation: copy what aria2 is doing into the database, one cheap pass per tick.

A tick reads aria2 in ONE multicall (session id, active, waiting, recently stopped), loads
the refs aria2 listed plus the refs the database thinks are unfinished, asks aria2 by GID
(one more multicall) only about unfinished refs it did not list, and writes the rows whose
state changed with one bulk update. Its cost follows the downloads aria2 is working on;
finished history is never read.

Once a finished state (complete, error, removed) is committed, the reconciler removes that
result from aria2: aria2 keeps a bounded number of results and none across restarts, the
row is now the record, and an error result left in aria2's session file would be restarted
by aria2 itself after its next restart. That also keeps ``tellStopped`` short.

A ref aria2 no longer knows while it was unfinished is added again (``readding.Readder``).
Due automatic retries run at the end of the tick (``retries.RetryRunner``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from vodarr.downloads.aria2 import aria2
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef
from vodarr.downloads.worker.readding import NEW_REF_GRACE_SECONDS, Readder
from vodarr.downloads.worker.retries import RetryRunner, decide_after_error
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound
from vodarr.integrations.aria2.types import STATUS_KEYS, Aria2Status, DownloadStatus
from vodarr.integrations.redact import redact_url

logger = logging.getLogger("vodarr.worker")

WAITING_LIMIT = 1000  # a longer queue's tail is unlisted, so its refs are asked for by GID
STOPPED_LIMIT = 100  # recent results; older ones are reached by GID if still unrecorded
# actions._cancel polls a canceled download's result for up to 5 s: leave it that long.
CANCELED_RESULT_KEEP = timedelta(seconds=10)
TERMINAL = frozenset({Aria2Status.COMPLETE, Aria2Status.ERROR, Aria2Status.REMOVED})
RUNNING = frozenset({Aria2Status.ACTIVE, Aria2Status.WAITING})
# What a tick compares to decide whether a row changed and needs writing.
_WATCHED = (
    "status",
    "total_length",
    "completed_length",
    "download_speed",
    "files",
    "last_error_code",
    "last_error_message",
    "finished_at",
    "dedupe_key",
    "retry_next_at",
    "retry_attempt",
)


@dataclass
class Aria2Snapshot:
    session_id: str
    listed: dict[str, DownloadStatus]


@dataclass
class TickReport:
    """What one tick saw and did (ref ids), for logs and tests."""

    reachable: bool = False
    session_id: str | None = None
    restarted: bool = False
    recorded: list[int] = field(default_factory=list)
    asked_by_gid: list[str] = field(default_factory=list)
    forgotten_results: list[str] = field(default_factory=list)
    scheduled: list[int] = field(default_factory=list)
    paused: list[int] = field(default_factory=list)
    readded: list[int] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)
    postponed: list[int] = field(default_factory=list)


def read_aria2(client: Aria2Client) -> Aria2Snapshot:
    """Session id and every download aria2 is working on (plus recent results), one request."""
    answers = client.multicall(
        [
            ("aria2.getSessionInfo", []),
            ("aria2.tellActive", [STATUS_KEYS]),
            ("aria2.tellWaiting", [0, WAITING_LIMIT, STATUS_KEYS]),
            # -1: the most recently stopped first; the oldest results are not this tick's news.
            ("aria2.tellStopped", [-1, STOPPED_LIMIT, STATUS_KEYS]),
        ]
    )
    for answer in answers:
        if isinstance(answer, Aria2Error):
            raise answer
    session, active, waiting, stopped = answers
    listed: dict[str, DownloadStatus] = {}
    for raw in [*_items(stopped), *_items(waiting), *_items(active)]:
        state = DownloadStatus.from_rpc(raw)
        if state.gid and state.status is not None:
            listed[state.gid] = state
    session_id = str(session.get("sessionId", "")) if isinstance(session, dict) else ""
    return Aria2Snapshot(session_id, listed)


def _items(raw: Any) -> list[dict[str, Any]]:
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []


def _watched(ref: MediaDownloadRef) -> tuple[Any, ...]:
    return tuple(getattr(ref, name) for name in _WATCHED)


class Reconciler:
    """One worker's view of aria2. ``tick()`` is safe to call from one thread at a time."""

    def __init__(
        self,
        client_factory: Callable[[], Aria2Client] = aria2,
        *,
        grace_seconds: float = NEW_REF_GRACE_SECONDS,
    ) -> None:
        self._client_factory = client_factory
        self._retries = RetryRunner()
        self._readder = Readder(grace_seconds)
        self.session_id: str | None = None
        self.reachable: bool | None = None
        # GIDs of unfinished refs aria2 has shown this worker: when one goes missing, aria2
        # forgot it and it is re-added at once, without waiting out the grace period.
        self._seen: set[str] = set()

    def tick(self, now: datetime | None = None) -> TickReport:
        """Reconcile once; never raises for aria2 or the provider being down."""
        report = TickReport()
        try:
            client = self._client_factory()
            snapshot = read_aria2(client)
            self._note_reachable(snapshot.session_id, report)
            self._reconcile(client, snapshot, now or timezone.now(), report)
            due = self._retries.run_due(client, timezone.now())
        except Aria2Error as error:
            self._note_unreachable(error)
            report.reachable = False
            return report
        report.retried, report.postponed = due.retried, due.postponed
        return report

    # -- aria2 health ------------------------------------------------------------------------

    def _note_reachable(self, session_id: str, report: TickReport) -> None:
        report.reachable, report.session_id = True, session_id
        if self.reachable is not True:
            logger.info("aria2 is reachable at %s.", redact_url(settings.ARIA2_RPC_URL or ""))
        if self.session_id is not None and session_id != self.session_id:
            report.restarted = True
            logger.info("aria2 restarted (new session): re-reading every download's state.")
        self.reachable, self.session_id = True, session_id

    def _note_unreachable(self, error: Aria2Error) -> None:
        if self.reachable is not False:
            logger.info("aria2 is unreachable: %s The worker keeps trying.", error.message)
        self.reachable = False

    # -- one pass ----------------------------------------------------------------------------

    def _reconcile(
        self, client: Aria2Client, snapshot: Aria2Snapshot, now: datetime, report: TickReport
    ) -> None:
        refs = self._load(snapshot.listed)
        states = dict(snapshot.listed)
        unlisted = [
            ref
            for ref in refs
            if ref.gid not in states and ref.status in UNFINISHED_STATUSES and not ref.is_canceled
        ]
        forgotten: list[MediaDownloadRef] = []
        if unlisted:
            report.asked_by_gid = [ref.gid for ref in unlisted]
            answers = client.tell_statuses(report.asked_by_gid)
            for ref in unlisted:
                answer = answers.get(ref.gid)
                if isinstance(answer, DownloadStatus) and answer.status is not None:
                    states[ref.gid] = answer
                elif isinstance(answer, Aria2GidNotFound):
                    forgotten.append(ref)
        changed, written = self._record(refs, states, now, report)
        self._forget_results(client, refs, states, changed, written, now, report)
        self._reapply_pause(client, refs, states, report)
        readded = self._readder.readd(client, forgotten, self._seen, now)
        report.readded = [ref.pk for ref in forgotten if ref.gid in readded]
        self._seen = (
            {ref.gid for ref in refs if ref.gid in states and ref.status in UNFINISHED_STATUSES}
            | {ref.gid for ref in forgotten if ref.gid in self._seen}
            | readded
        )

    def _load(self, listed: dict[str, DownloadStatus]) -> list[MediaDownloadRef]:
        # Two indexed queries rather than one OR: the unfinished ones (status index) and
        # those aria2 listed (unique gid index). History is in neither.
        refs = list(
            MediaDownloadRef.objects.filter(
                status__in=UNFINISHED_STATUSES, canceled_at__isnull=True
            )
        )
        known = {ref.gid for ref in refs}
        others = [gid for gid in listed if gid not in known]
        if others:
            refs += list(MediaDownloadRef.objects.filter(gid__in=others))
        return refs

    def _record(
        self,
        refs: list[MediaDownloadRef],
        states: dict[str, DownloadStatus],
        now: datetime,
        report: TickReport,
    ) -> tuple[list[MediaDownloadRef], list[MediaDownloadRef]]:
        """Copy aria2's state into the refs; write the changed ones in one bulk update."""
        changed: list[MediaDownloadRef] = []
        fields: set[str] = set()
        for ref in refs:
            state = states.get(ref.gid)
            if ref.is_canceled or state is None or state.status is None:
                continue
            before = _watched(ref)
            new_fields = ref.record_state(state, now=now)
            if state.status is Aria2Status.ERROR:
                new_fields += decide_after_error(ref, now)
                if "retry_next_at" in new_fields:
                    report.scheduled.append(ref.pk)
            elif state.status in RUNNING and ref.retry_next_at is not None:
                # aria2 runs it again under the same GID (its session file brought it
                # back): that run is the retry, a second one would be a duplicate.
                ref.retry_next_at = None
                new_fields.append("retry_next_at")
            if _watched(ref) != before:
                changed.append(ref)
                fields.update(new_fields)
        if not changed:
            return changed, []
        with transaction.atomic():
            # A user action may have changed the row since it was read (retry gives it a
            # new GID, cancel freezes it): such a row keeps what the user did.
            current = dict(
                MediaDownloadRef.objects.select_for_update()
                .filter(pk__in=[ref.pk for ref in changed], canceled_at__isnull=True)
                .values_list("pk", "gid")
            )
            written = [ref for ref in changed if current.get(ref.pk) == ref.gid]
            if written:
                MediaDownloadRef.objects.bulk_update(written, sorted(fields))
        report.recorded = [ref.pk for ref in written]
        return changed, written

    def _forget_results(
        self,
        client: Aria2Client,
        refs: list[MediaDownloadRef],
        states: dict[str, DownloadStatus],
        changed: list[MediaDownloadRef],
        written: list[MediaDownloadRef],
        now: datetime,
        report: TickReport,
    ) -> None:
        """Remove finished results from aria2 once the rows hold them."""
        changed_ids = {ref.pk for ref in changed}
        written_ids = {ref.pk for ref in written}
        gids = []
        for ref in refs:
            state = states.get(ref.gid)
            if state is None or state.status not in TERMINAL:
                continue
            if ref.is_canceled:
                if ref.canceled_at is not None and ref.canceled_at < now - CANCELED_RESULT_KEEP:
                    gids.append(ref.gid)
            elif ref.pk in written_ids or ref.pk not in changed_ids:
                gids.append(ref.gid)
        if gids:
            # Errors (already gone, another worker was faster) change nothing: ignored.
            client.multicall([("aria2.removeDownloadResult", [gid]) for gid in gids])
            report.forgotten_results = gids

    def _reapply_pause(
        self,
        client: Aria2Client,
        refs: list[MediaDownloadRef],
        states: dict[str, DownloadStatus],
        report: TickReport,
    ) -> None:
        """Sticky pause: what the user paused stays paused, whatever aria2 restarted."""
        wanted = [
            ref
            for ref in refs
            if ref.desired_paused
            and not ref.is_canceled
            and ref.gid in states
            and states[ref.gid].status in RUNNING
        ]
        if not wanted:
            return
        # Read again right before pausing: a resume clicked since the tick began wins.
        still = set(
            MediaDownloadRef.objects.filter(
                pk__in=[ref.pk for ref in wanted], desired_paused=True, canceled_at__isnull=True
            ).values_list("gid", flat=True)
        )
        wanted = [ref for ref in wanted if ref.gid in still]
        answers = client.multicall([("aria2.forcePause", [ref.gid]) for ref in wanted])
        for ref, answer in zip(wanted, answers, strict=True):
            if not isinstance(answer, Aria2Error):
                report.paused.append(ref.pk)
                logger.info("Download %s was running again; paused it as its user asked.", ref.pk)

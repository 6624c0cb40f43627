"""Reconciliation: copy what aria2 is doing into the transfers, one cheap pass per tick.

A tick reads aria2 in ONE multicall (session id, active, waiting, recently stopped), loads
the transfers aria2 listed plus those the database thinks are unfinished, asks aria2 by GID
(one more multicall) only about unfinished transfers it did not list, and writes the rows
whose state changed with one bulk update. Its cost follows the downloads aria2 is working
on; finished history is never read, and a long queue's quiet waiting downloads are checked
by status alone (``snapshot``).

aria2's ``complete`` is recorded as ``verifying``: the verifier (``verifying.py``) decides
whether the file is the film. Once a finished state is committed, the reconciler removes that
result from aria2: aria2 keeps a bounded number of results and none across restarts, the row
is now the record, and an error result left in aria2's session file would be restarted by
aria2 itself after its next restart. That also keeps ``tellStopped`` short.

Then it makes aria2 do what the people on each transfer want: paused when every live request
is paused, running when one is not, stopped when none is left (a deleted account, a cancel
that raced another). A transfer aria2 no longer knows while it was unfinished is added again
(``readding.Readder``); due automatic retries run at the end (``retries.RetryRunner``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from vodarr.downloads.changes import transfers_changed
from vodarr.downloads.events import emit
from vodarr.downloads.gateway import Aria2Gateway, gateway
from vodarr.downloads.models import UNFINISHED_STATUSES, EventKind, Transfer, stopped_fields
from vodarr.downloads.worker.readding import NEW_TRANSFER_GRACE_SECONDS, Readder
from vodarr.downloads.worker.retries import RetryRunner, decide_after_error
from vodarr.downloads.worker.snapshot import (
    Aria2Snapshot,
    UnfinishedRow,
    read_aria2,
    unfinished_rows,
    with_wishes,
)
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound
from vodarr.integrations.aria2.types import Aria2Status, DownloadStatus
from vodarr.integrations.redact import redact_url

logger = logging.getLogger("vodarr.worker")

# A cancel waits up to 5 s for aria2 to close the file: leave the result that long.
STOPPED_RESULT_KEEP = timedelta(seconds=10)
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
    "retry_next_at",
    "retry_attempt",
)


@dataclass
class TickReport:
    """What one tick saw and did (transfer ids), for logs and tests."""

    reachable: bool = False
    session_id: str | None = None
    restarted: bool = False
    recorded: list[int] = field(default_factory=list)
    asked_by_gid: list[str] = field(default_factory=list)
    forgotten_results: list[str] = field(default_factory=list)
    scheduled: list[int] = field(default_factory=list)
    paused: list[int] = field(default_factory=list)
    resumed: list[int] = field(default_factory=list)
    stopped: list[int] = field(default_factory=list)
    readded: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # "failed" events recorded this tick
    retried: list[int] = field(default_factory=list)
    postponed: list[int] = field(default_factory=list)


def _watched(transfer: Transfer) -> tuple[Any, ...]:
    return tuple(getattr(transfer, name) for name in _WATCHED)


class Reconciler:
    """One worker's view of aria2. ``tick()`` is safe to call from one thread at a time."""

    def __init__(
        self,
        aria2: Aria2Gateway | None = None,
        *,
        grace_seconds: float = NEW_TRANSFER_GRACE_SECONDS,
    ) -> None:
        self._gateway = aria2
        self._retries = RetryRunner()
        self._readder = Readder(grace_seconds)
        self.session_id: str | None = None
        self.reachable: bool | None = None
        # GIDs of unfinished transfers aria2 has shown this worker: when one goes missing,
        # aria2 forgot it and it is re-added at once, without waiting out the grace period.
        self._seen: set[str] = set()
        # Waiting GIDs this worker has read in full, with the status they had: while aria2
        # still shows that status and nobody changed the row, they are quiet (``snapshot``).
        self._settled: dict[str, Aria2Status] = {}

    @property
    def gateway(self) -> Aria2Gateway:
        return self._gateway or gateway()

    def tick(self, now: datetime | None = None) -> TickReport:
        """Reconcile once; never raises for aria2 or the provider being down."""
        report = TickReport()
        try:
            snapshot = read_aria2(self.gateway.client)
            self._note_reachable(snapshot.session_id, report)
            self._reconcile(snapshot, now or timezone.now(), report)
            due = self._retries.run_due(self.gateway, timezone.now())
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
        self._settled.clear()  # it may come back as another session: read everything again
        if self.reachable is not False:
            logger.info("aria2 is unreachable: %s The worker keeps trying.", error.message)
        self.reachable = False

    # -- one pass ----------------------------------------------------------------------------

    def _reconcile(self, snapshot: Aria2Snapshot, now: datetime, report: TickReport) -> None:
        client = self.gateway.client
        if report.restarted:
            self._settled.clear()
        unfinished = unfinished_rows()
        quiet = self._quiet(snapshot.waiting, unfinished)
        states = dict(snapshot.listed)
        unsettled = [gid for gid in snapshot.waiting if gid not in quiet]
        if unsettled:
            # New in the queue, or changed: read in full by GID (one multicall).
            for gid, full in client.tell_statuses(unsettled).items():
                if isinstance(full, DownloadStatus) and full.status is not None:
                    states[gid] = full
        transfers = self._load(states, [row.pk for row in unfinished if row.gid not in quiet])
        unlisted = [
            t
            for t in transfers
            if t.gid not in states and t.status in UNFINISHED_STATUSES and not t.is_stopped
        ]
        forgotten: list[Transfer] = []
        if unlisted:
            report.asked_by_gid = [t.gid for t in unlisted]
            answers = client.tell_statuses(report.asked_by_gid)
            for t in unlisted:
                answer = answers.get(t.gid)
                if isinstance(answer, DownloadStatus) and answer.status is not None:
                    states[t.gid] = answer
                elif isinstance(answer, Aria2GidNotFound):
                    forgotten.append(t)
        changed, written = self._record(transfers, states, now, report)
        self._note_outcomes(transfers, states, report)
        self._forget_results(client, transfers, states, changed, written, now, report)
        self._follow_wishes(client, transfers, states, now, report)
        readded = self._readder.readd(self.gateway, forgotten, self._seen, now)
        report.readded = [t.pk for t in forgotten if t.pk in readded]
        self._seen = {
            t.gid
            for t in transfers
            if t.gid in states and t.status in UNFINISHED_STATUSES and not t.is_stopped
        } | {t.gid for t in forgotten if t.gid in self._seen and t.pk not in readded}
        self._seen |= set(readded.values()) | quiet
        self._settled = {gid: snapshot.waiting[gid] for gid in quiet} | {
            t.gid: state.status
            for t in transfers
            if t.gid in snapshot.waiting
            and (state := states.get(t.gid)) is not None
            and state.status is snapshot.waiting[t.gid]
            and not t.is_stopped
        }

    def _quiet(self, waiting: dict[str, Aria2Status], rows: list[UnfinishedRow]) -> set[str]:
        """Waiting GIDs whose rows hold what aria2 shows and whose people want it so."""
        return {
            row.gid
            for row in rows
            if (status := waiting.get(row.gid)) is not None
            and self._settled.get(row.gid) is status
            and row.status == status
            and _wished(row, status) is None
        }

    def _load(self, listed: dict[str, DownloadStatus], unfinished: list[int]) -> list[Transfer]:
        # Two indexed queries rather than one OR: the unfinished ones that are not quiet (by
        # primary key) and those aria2 listed (unique gid index). History is in neither.
        annotated = with_wishes(Transfer.objects.all())
        transfers: list[Transfer] = list(annotated.filter(pk__in=unfinished))
        known = {t.gid for t in transfers}
        others = [gid for gid in listed if gid not in known]
        if others:
            transfers += list(annotated.filter(gid__in=others))
        return transfers

    def _record(
        self,
        transfers: list[Transfer],
        states: dict[str, DownloadStatus],
        now: datetime,
        report: TickReport,
    ) -> tuple[list[Transfer], list[Transfer]]:
        """Copy aria2's state into the transfers; write the changed ones in one bulk update."""
        changed: list[Transfer] = []
        fields: set[str] = set()
        for t in transfers:
            state = states.get(t.gid)
            if t.is_stopped or state is None or state.status is None:
                continue
            before = _watched(t)
            new_fields = t.record_state(state, now=now)
            if state.status is Aria2Status.ERROR:
                new_fields += decide_after_error(t, now)
                if "retry_next_at" in new_fields:
                    report.scheduled.append(t.pk)
            elif state.status in RUNNING and t.retry_next_at is not None:
                # aria2 runs it again under the same GID (its session file brought it
                # back): that run is the retry, a second one would be a duplicate.
                t.retry_next_at = None
                new_fields.append("retry_next_at")
            if _watched(t) != before:
                changed.append(t)
                fields.update(new_fields)
        if not changed:
            return changed, []
        with transaction.atomic():
            # A person may have changed the row since it was read (a retry gives it a new
            # GID, a cancel stops it): such a row keeps what the person did.
            current = dict(
                Transfer.objects.select_for_update()
                .filter(pk__in=[t.pk for t in changed], stopped_at__isnull=True)
                .values_list("pk", "gid")
            )
            written = [t for t in changed if current.get(t.pk) == t.gid]
            if written:
                # A plain UPDATE by key for each row: bulk_update's CASE per field and row
                # cost ~8 ms to build for 5 rows, half of a tick's CPU with 1,000 queued
                # (bench_queue --profile); five small statements cost ~1.5.
                for t in written:
                    Transfer.objects.filter(pk=t.pk).update(**{f: getattr(t, f) for f in fields})
                transfers_changed(t.pk for t in written)
        report.recorded = [t.pk for t in written]
        return changed, written

    def _note_outcomes(
        self, transfers: list[Transfer], states: dict[str, DownloadStatus], report: TickReport
    ) -> None:
        """Record, once per attempt, that a transfer failed for good.

        Completion is not aria2's to announce: a finished file is ``verifying`` until the
        verifier (``worker.verifying``) records ``completed``, or refuses it.
        """
        failed = [
            t
            for t in transfers
            if not t.is_stopped
            and (state := states.get(t.gid)) is not None
            and state.status is Aria2Status.ERROR
            and t.retry_next_at is None  # permanent, or no retries left
        ]
        if not failed:
            return
        with transaction.atomic():
            current = dict(
                Transfer.objects.filter(
                    pk__in=[t.pk for t in failed], stopped_at__isnull=True
                ).values_list("pk", "gid")
            )
            for t in failed:
                if current.get(t.pk) == t.gid and emit(EventKind.FAILED, t):
                    report.failed.append(t.pk)

    def _forget_results(
        self,
        client: Aria2Client,
        transfers: list[Transfer],
        states: dict[str, DownloadStatus],
        changed: list[Transfer],
        written: list[Transfer],
        now: datetime,
        report: TickReport,
    ) -> None:
        """Remove finished results from aria2 once the rows hold them."""
        changed_ids = {t.pk for t in changed}
        written_ids = {t.pk for t in written}
        gids = []
        for t in transfers:
            state = states.get(t.gid)
            if state is None or state.status not in TERMINAL:
                continue
            if t.is_stopped:
                if t.stopped_at is not None and t.stopped_at < now - STOPPED_RESULT_KEEP:
                    gids.append(t.gid)
            elif t.pk in written_ids or t.pk not in changed_ids:
                gids.append(t.gid)
        if gids:
            # Errors (already gone, another worker was faster) change nothing: ignored.
            client.multicall([("aria2.removeDownloadResult", [gid]) for gid in gids])
            report.forgotten_results = gids

    def _follow_wishes(
        self,
        client: Aria2Client,
        transfers: list[Transfer],
        states: dict[str, DownloadStatus],
        now: datetime,
        report: TickReport,
    ) -> None:
        """Paused when everyone paused, running when someone wants it, stopped when nobody does.

        Sticky: whatever aria2 restarted or another client changed, what people asked for wins.
        """
        planned = [
            (method, t)
            for t in transfers
            if (method := _wished(t, _status(states.get(t.gid)))) is not None
        ]
        if not planned:
            return
        # Read again right before acting: a click since the tick began wins.
        now_wanted = {
            t.pk: t for t in with_wishes(Transfer.objects.filter(pk__in=[t.pk for _, t in planned]))
        }
        calls = [
            (method, t)
            for method, t in planned
            if (current := now_wanted.get(t.pk)) is not None
            and current.gid == t.gid
            and _wished(current, _status(states.get(t.gid))) == method
        ]
        if not calls:
            return
        stopping = [t for method, t in calls if method == "aria2.forceRemove" and not t.is_stopped]
        if stopping:
            with transaction.atomic():
                for t in stopping:
                    Transfer.objects.filter(pk=t.pk, gid=t.gid).update(**stopped_fields(now))
                transfers_changed(t.pk for t in stopping)
        answers = client.multicall([(method, [t.gid]) for method, t in calls])
        done = {"aria2.forcePause": report.paused, "aria2.unpause": report.resumed}
        for (method, t), answer in zip(calls, answers, strict=True):
            if not isinstance(answer, Aria2Error):
                done.get(method, report.stopped).append(t.pk)
                logger.info("Transfer %s: %s, as the people on it want.", t.pk, _WORDS[method])


def _wished(transfer: Transfer | UnfinishedRow, status: Aria2Status | None) -> str | None:
    """The aria2 call that makes ``status`` what the transfer's people want, if any."""
    if status not in (*RUNNING, Aria2Status.PAUSED):
        return None
    wanted, running = getattr(transfer, "wanted", False), getattr(transfer, "running", False)
    if transfer.is_stopped or not wanted:
        return "aria2.forceRemove"
    if not running and status in RUNNING:
        return "aria2.forcePause"
    if running and status is Aria2Status.PAUSED:
        return "aria2.unpause"
    return None


def _status(state: DownloadStatus | None) -> Aria2Status | None:
    return state.status if state is not None else None


_WORDS = {
    "aria2.forcePause": "paused again",
    "aria2.unpause": "resumed",
    "aria2.forceRemove": "stopped (nobody wants it any more)",
}

"""What a person sees on the Downloads page: whose downloads, which states, which titles.

A download's **state** is the tab it sits under — what the person sees, not aria2's word for
the shared transfer: ``active`` (downloading now, or the file being checked), ``queued``,
``paused`` (by aria2, or by this person while others keep it going), ``failed`` (an error, or
removed behind Vodarr's back), ``completed``, ``canceled``. ``state_of`` computes it for one
request and ``STATE`` in SQL for a query; one test holds the two together.

Counts per state, the failed ones needing attention (no automatic retry pending) and the
number of list entries (a batch of episodes is one entry) come from ONE aggregate query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, Min, Q, QuerySet, Value, When

from vodarr.accounts.models import User
from vodarr.downloads.models import UNFINISHED_STATUSES, MediaDownloadRef, Status

STATES = ("active", "queued", "paused", "failed", "completed", "canceled")
MAX_BULK = 500  # downloads one bulk action takes (the answer says when more are left)
MAX_QUERY_LENGTH = 100
# What a batch key may be (``starting`` makes 16 hex digits); the API's schema says the same.
BATCH_KEY_PATTERN = r"[0-9A-Za-z_-]{1,32}"
BATCH_KEY = re.compile(BATCH_KEY_PATTERN)

STATE = Case(
    When(canceled_at__isnull=False, then=Value("canceled")),
    When(desired_paused=True, transfer__status__in=UNFINISHED_STATUSES, then=Value("paused")),
    When(transfer__status=Status.ACTIVE, then=Value("active")),
    # The file arrived and is being checked (seconds): still under way, not yet done.
    When(transfer__status=Status.VERIFYING, then=Value("active")),
    When(transfer__status=Status.WAITING, then=Value("queued")),
    When(transfer__status=Status.PAUSED, then=Value("paused")),
    When(transfer__status=Status.COMPLETE, then=Value("completed")),
    default=Value("failed"),
)
# Failed with nothing pending: a failure the worker will retry by itself is not the person's.
ATTENTION = Q(state="failed", transfer__retry_next_at__isnull=True)

_BY_STATUS = {
    Status.ACTIVE: "active",
    Status.VERIFYING: "active",
    Status.WAITING: "queued",
    Status.PAUSED: "paused",
    Status.COMPLETE: "completed",
}


def state_of(ref: MediaDownloadRef, status: str | None = None) -> str:
    """The request's state; ``status`` is aria2's live status of its transfer, if known."""
    return state_from(ref.is_canceled, ref.desired_paused, status or ref.seen_status())


def state_from(canceled: bool, desired_paused: bool, status: str) -> str:
    """A state from a request's wish and its transfer's status (``STATE`` says it in SQL)."""
    if canceled:
        return "canceled"
    if desired_paused and status in UNFINISHED_STATUSES:
        return "paused"
    return _BY_STATUS.get(status, "failed")  # type: ignore[call-overload]


@dataclass(frozen=True)
class DownloadFilters:
    """The page's query string, cleaned: anything unusable is left out, never an error."""

    states: list[str] = field(default_factory=list)
    q: str = ""
    owners: list[int] = field(default_factory=list)
    page: int = 1
    # One batch opened on a page of its own (its group row's "See all"): every episode is
    # an entry, in season and episode order.
    batch: str = ""

    @classmethod
    def from_query(cls, query: Any, user: User) -> DownloadFilters:
        """``status=failed&status=paused`` or ``status=failed,paused``; unknown ones ignored."""
        wanted = {
            part.strip()
            for raw in query.getlist("status")
            for part in str(raw).split(",")
            if part.strip() in STATES
        }
        return cls(
            states=[s for s in STATES if s in wanted],
            q=clean_search(query.get("q")),
            owners=parse_owner_ids(query.get("owners")) if user.is_admin else [],
            page=parse_page(query.get("page")),
            batch=clean_batch(query.get("batch")),
        )

    @property
    def narrowed(self) -> bool:
        """Whether anything but the page was chosen (the whole list otherwise)."""
        return bool(self.states or self.q or self.owners or self.batch)

    def as_props(self) -> dict[str, Any]:
        return {"owners": self.owners, "status": self.states, "q": self.q, "batch": self.batch}

    def query(self, page: int) -> dict[str, str | list[str]]:
        """The query string of another page of the same listing (``urlencode``'s ``doseq``).

        Several states as ``status=a&status=b``: the page reads ``status=a,b`` too, but the
        API takes its list as repeated parameters only."""
        params: dict[str, str | list[str]] = {"page": str(page)}
        if self.states:
            params["status"] = list(self.states)
        if self.q:
            params["q"] = self.q
        if self.owners:
            params["owners"] = ",".join(map(str, self.owners))
        if self.batch:
            params["batch"] = self.batch
        return params


def parse_owner_ids(raw: str | None) -> list[int]:
    """`owners=1,3,5` → [1, 3, 5]; anything that is not a positive integer is dropped."""
    ids: list[int] = []
    for part in (raw or "").split(","):
        part = part.strip()
        if part.isascii() and part.isdigit() and 0 < int(part) < 2**63 and int(part) not in ids:
            ids.append(int(part))
    return ids


def parse_page(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def clean_batch(raw: str | None) -> str:
    """A batch key, or "" for anything that cannot be one (the whole list, then)."""
    text = (raw or "").strip()
    return text if BATCH_KEY.fullmatch(text) else ""


def clean_search(raw: str | None) -> str:
    """The search text, cut to a sane length; characters a database cannot bind become spaces."""
    text = (raw or "")[:MAX_QUERY_LENGTH]
    return re.sub(r"\s+", " ", "".join(ch if ch.isprintable() else " " for ch in text)).strip()


def visible_downloads(
    user: User, owner_ids: Iterable[int] = (), batch: str = ""
) -> QuerySet[MediaDownloadRef]:
    """Members see their own; admins see everyone's, optionally only the given owners';
    ``batch``: only that batch's episodes."""
    queryset = MediaDownloadRef.objects.select_related("user", "transfer").order_by(
        "-created_at", "-id"
    )
    if batch:
        queryset = queryset.filter(batch=batch)
    if not user.is_admin:
        return queryset.filter(user=user)
    owners = list(owner_ids)
    return queryset.filter(user_id__in=owners) if owners else queryset


def searched(queryset: QuerySet[MediaDownloadRef], q: str) -> QuerySet[MediaDownloadRef]:
    """Titles (the show's or the episode's) holding every word of ``q``."""
    for word in q.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(episode_title__icontains=word))
    return queryset


def annotate_state(queryset: QuerySet[MediaDownloadRef]) -> QuerySet[MediaDownloadRef]:
    return queryset.annotate(state=STATE)


def with_state(
    queryset: QuerySet[MediaDownloadRef], states: Iterable[str] = ()
) -> QuerySet[MediaDownloadRef]:
    """Only the requests in ``states`` (all of them when none are given)."""
    wanted = list(states)
    if not wanted:
        return queryset
    return annotate_state(queryset).filter(Q(state__in=wanted))


def entry_heads(queryset: QuerySet[MediaDownloadRef]) -> Q:
    """The rows that stand for a list entry: a lone download, or the first of its batch."""
    heads = (
        queryset.filter(batch__isnull=False)
        .order_by()
        .values("batch")
        .annotate(head=Min("id"))
        .values("head")
    )
    return Q(batch__isnull=True) | Q(pk__in=heads)


def state_counts(
    scope: QuerySet[MediaDownloadRef], selected: Iterable[str] = (), *, grouped: bool = True
) -> dict[str, int]:
    """Counts per state, ``attention``, ``all``, and ``entries`` within ``selected`` states.

    ONE query, grouped by what decides a state (and by batch, for the entries), so the
    database evaluates nothing per row: a long history costs one pass over its index.
    ``scope`` is every download the person may list with the search applied but no state
    filter (the tabs show the other states' counts too). ``grouped=False``: every row is an
    entry (one batch opened on its own page, or ``/metrics``), and rows are not grouped by
    batch.
    """
    chosen = set(selected) or set(STATES)
    deciding = ("canceled", "desired_paused", "transfer__status", "retrying")
    groups = (
        scope.order_by()
        .annotate(
            canceled=Q(canceled_at__isnull=False),
            retrying=Q(transfer__retry_next_at__isnull=False),
        )
        .values_list(*deciding, *(("batch",) if grouped else ()))
        .annotate(n=Count("id"))
    )
    counts = dict.fromkeys((*STATES, "attention", "all", "entries"), 0)
    batches: set[str] = set()
    for row in groups:
        canceled, paused, status, retrying = row[:4]
        batch, n = (row[4] if grouped else None), row[-1]
        state = state_from(bool(canceled), bool(paused), status)
        counts[state] += n
        counts["all"] += n
        if state == "failed" and not retrying:
            counts["attention"] += n
        if state in chosen:
            if batch is None:
                counts["entries"] += n
            else:
                batches.add(batch)
    counts["entries"] += len(batches)
    return counts


def bulk_targets(
    user: User, data: dict[str, Any]
) -> tuple[list[MediaDownloadRef], list[int], bool]:
    """The requests a bulk action is for, the ids not found (or not theirs), more left over.

    ``data`` is ``BulkForm``'s cleaned data (the page's and the API's bulk actions alike).
    """
    if data["ids"]:
        refs = list(visible_downloads(user).filter(pk__in=data["ids"]))
        found = {ref.pk for ref in refs}
        return refs, [pk for pk in data["ids"] if pk not in found], False
    owners = parse_owner_ids(data["owners"]) if user.is_admin else []
    batch = clean_batch(data["batch"])
    scope = searched(visible_downloads(user, owners, batch), clean_search(data["q"]))
    refs = list(with_state(scope, data["status"])[: MAX_BULK + 1])
    # One request is bounded: past MAX_BULK, the answer says to run it again for the rest.
    return refs[:MAX_BULK], [], len(refs) > MAX_BULK

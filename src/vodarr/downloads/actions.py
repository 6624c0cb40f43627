"""Acting on downloads: pause, resume, retry, cancel, remove — the spec's rules and messages.

One download (``perform``: a click, ``PATCH /downloads/{id}``) or many (``perform_many``:
``POST /downloads/bulk``, a group row's buttons) go through the same rules and say the same
things per download; ``operations`` carries them out, any number at once in one aria2
request.

Each action is one person's, on their own request; the shared transfer follows what all of
its live requests want:

- pause: the person's row reads paused at once; the transfer pauses when every live request
  on it is paused. Resume resumes the transfer.
- cancel: detaches the person's request; the transfer stops (deleting its partial file when
  asked) only when no other live request remains.
- retry: re-adds a failed transfer once, for everyone on it (``gateway.readd_many``, which
  checks everything before it touches a file or a row). On a complete download it is a
  re-download, from the first byte.
- remove: deletes the person's row; the transfer goes with its last request (a complete one
  stays, as the record of the file on disk).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.utils import timezone

from vodarr.accounts.models import User
from vodarr.downloads import operations
from vodarr.downloads.changes import remember_status_changes
from vodarr.downloads.errors import ActionError
from vodarr.downloads.filters import bulk_targets
from vodarr.downloads.gateway import gateway
from vodarr.downloads.models import MediaDownloadRef, Status
from vodarr.integrations.aria2.errors import Aria2Error, Aria2GidNotFound

CANCELED = "Download canceled successfully."
RETRIED = "Download retried successfully."
UPDATED = "Download status updated successfully."
ALREADY_CANCELED = "This download is already canceled and cannot be modified."
COOLING_DOWN = "Retry is temporarily unavailable while this download is cooling down."
UNSUPPORTED = "Unsupported download action."
NOT_FOUND = "Download not found."

__all__ = ["ALLOWED", "Action", "ActionError", "allowed_actions", "cancel", "perform"]


class Action(StrEnum):
    PAUSE = "pause"
    RESUME = "resume"
    RETRY = "retry"
    CANCEL = "cancel"
    REMOVE = "remove"


ALLOWED: dict[str, frozenset[Action]] = {
    Status.ACTIVE: frozenset({Action.PAUSE, Action.CANCEL}),
    Status.PAUSED: frozenset({Action.RESUME, Action.CANCEL}),
    Status.WAITING: frozenset({Action.CANCEL}),
    Status.ERROR: frozenset({Action.RETRY, Action.REMOVE}),
    Status.COMPLETE: frozenset({Action.RETRY, Action.REMOVE}),
    # Removed behind Vodarr's back (another aria2 client): it can be tried again or cleared.
    Status.REMOVED: frozenset({Action.RETRY, Action.REMOVE}),
    # The file is being checked (seconds): nothing to do until it is complete or refused.
    Status.VERIFYING: frozenset(),
}
SUCCESS = {
    Action.PAUSE: UPDATED,
    Action.RESUME: UPDATED,
    Action.RETRY: RETRIED,
    Action.CANCEL: CANCELED,
    Action.REMOVE: UPDATED,
}
DONE = {
    Action.PAUSE: "paused",
    Action.RESUME: "resumed",
    Action.RETRY: "retried",
    Action.CANCEL: "canceled",
    Action.REMOVE: "removed",
}


def parse_action(value: object) -> Action:
    if not isinstance(value, str) or value not in Action.__members__.values():
        raise ActionError(UNSUPPORTED)
    return Action(value)


def allowed_actions(ref: MediaDownloadRef, status: str | None = None) -> list[str]:
    """What the UI may offer for ``ref`` (canceled requests may still be removed)."""
    if ref.is_canceled:
        return [Action.REMOVE.value]
    return sorted(ALLOWED.get(status or ref.seen_status(), frozenset()))


def refusal(ref: MediaDownloadRef, action: Action, status: str) -> str | None:
    """Why ``action`` may not be done on ``ref`` in ``status`` (None: it may)."""
    if ref.is_canceled:
        # Clearing a canceled row from the list is the one thing left to do with it.
        return None if action is Action.REMOVE else ALREADY_CANCELED
    if action not in ALLOWED.get(status, frozenset()):
        return f"You cannot {action.value} a download in {status} status."
    due = ref.transfer.retry_next_at
    if action is Action.RETRY and due is not None and due > timezone.now():
        return COOLING_DOWN
    return None


def perform(
    ref: MediaDownloadRef,
    action: Action,
    *,
    delete_partial: bool = False,
    restart_from_zero: bool = False,
) -> str:
    """Run ``action`` on ``ref`` and return the success message; raises ActionError."""
    status = ref.seen_status() if ref.is_canceled else _current_status(ref)
    why = refusal(ref, action, status)
    if why is not None:
        raise ActionError(why)
    failed = _carry_out(
        action, [ref], delete_partial=delete_partial, restart_from_zero=restart_from_zero
    )
    if ref.pk in failed:
        raise ActionError(failed[ref.pk])
    return SUCCESS[action]


def cancel(ref: MediaDownloadRef, *, delete_partial: bool = False) -> str:
    """DELETE /downloads/{id}: the same rules as the cancel action."""
    return perform(ref, Action.CANCEL, delete_partial=delete_partial)


@dataclass
class BulkResult:
    """What a bulk action did: the requests done, and why each other one was not."""

    action: Action
    done: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (request id, why)
    more_left: bool = False  # more matched than one request takes

    def message(self) -> str:
        count, word = len(self.done), DONE[self.action]
        said = (
            f"{count} download{'s' if count != 1 else ''} {word}."
            if count
            else f"No download was {word}."
        )
        return f"{said} More are left: do it again for the rest." if self.more_left else said

    def refusals(self) -> str | None:
        """The reasons, each once: "2 not retried: You cannot retry a download in active…"."""
        if not self.refused:
            return None
        reasons = Counter(message for _, message in self.refused)
        word = DONE[self.action]
        return " ".join(f"{count} not {word}: {reason}" for reason, count in reasons.items())

    def as_json(self) -> dict[str, Any]:
        return {
            "message": self.message(),
            "done": self.done,
            "refused": [{"id": pk, "message": message} for pk, message in self.refused],
            "errors": {"action": self.refusals()} if self.refused else {},
        }


def perform_many(
    refs: list[MediaDownloadRef],
    action: Action,
    *,
    missing: list[int] | tuple[int, ...] = (),
    delete_partial: bool = False,
    restart_from_zero: bool = False,
) -> BulkResult:
    """Run ``action`` on every request it is allowed for; ``missing``: ids not found or not theirs.

    The recorded state decides what is allowed (the worker keeps it a second behind aria2 at
    most), so the whole bulk costs one aria2 request.
    """
    result = BulkResult(action, refused=[(pk, NOT_FOUND) for pk in missing])
    allowed = []
    for ref in refs:
        why = refusal(ref, action, ref.seen_status())
        if why is None:
            allowed.append(ref)
        else:
            result.refused.append((ref.pk, why))
    failed = (
        _carry_out(
            action, allowed, delete_partial=delete_partial, restart_from_zero=restart_from_zero
        )
        if allowed
        else {}
    )
    result.done = [r.pk for r in allowed if r.pk not in failed]
    result.refused += list(failed.items())
    return result


def _carry_out(
    action: Action,
    refs: list[MediaDownloadRef],
    *,
    delete_partial: bool,
    restart_from_zero: bool,
) -> operations.Failures:
    if action is Action.PAUSE:
        return operations.pause(refs)
    if action is Action.RESUME:
        return operations.resume(refs)
    if action is Action.CANCEL:
        return operations.cancel(refs, delete_partial=delete_partial)
    if action is Action.RETRY:
        return operations.retry(refs, restart_from_zero=restart_from_zero)
    return operations.remove(refs)


def _current_status(ref: MediaDownloadRef) -> str:
    """The status this person sees, after recording aria2's live state of the transfer."""
    transfer = ref.transfer
    try:
        state = gateway().client.tell_status(transfer.gid)
    except Aria2GidNotFound:
        return ref.seen_status()  # aria2 forgot it: the last known state stands
    except Aria2Error as error:
        raise ActionError(error.message) from None
    remember_status_changes([transfer], {transfer.gid: state})
    return ref.seen_status()


def run_bulk(user: User, data: dict[str, Any]) -> BulkResult:
    """``POST /downloads/bulk`` (the page's and the API's): ``BulkForm``'s cleaned data in,
    what was done and why anything was not out."""
    refs, missing, left = bulk_targets(user, data)
    result = perform_many(
        refs,
        Action(data["action"]),
        missing=missing,
        delete_partial=data["delete_partial"] or False,
        restart_from_zero=data["restart_from_zero"] or False,
    )
    result.more_left = left
    return result

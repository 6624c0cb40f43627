"""``/api/v1/downloads``: the list (the page's filters), one download, actions, starting.

Every operation goes through the services the pages use: ``listing`` (who sees what),
``actions.perform`` (the spec's rules and messages), ``starting`` (dedupe, sharing,
naming, the connection limit). A download that is not the caller's answers 404, as on
the pages.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router, Status

from vodarr.accounts.models import User
from vodarr.api.auth import caller
from vodarr.api.problems import ApiProblem, answers
from vodarr.api.schemas.downloads import (
    ActionIn,
    ActionOut,
    BulkIn,
    BulkOut,
    DownloadItem,
    DownloadList,
    EpisodesIn,
    StartOut,
    State,
)
from vodarr.downloads import actions, listing, starting
from vodarr.downloads.errors import StartNotAllowed
from vodarr.downloads.filters import (
    BATCH_KEY_PATTERN,
    STATES,
    DownloadFilters,
    clean_search,
    parse_owner_ids,
)
from vodarr.downloads.forms import BulkForm
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.serialize import serialize_download

router = Router(tags=["downloads"])

MAX_ID = 2**63 - 1
NOT_FOUND = "Download not found."
Id = Path(..., ge=1, le=MAX_ID)
Number = Path(..., ge=0, lt=10_000)
START_STATUS = {"gone": 404, "held": 409, "unavailable": 503}


def _download(user: User, download_id: int) -> MediaDownloadRef:
    ref = listing.download_of(user, download_id)
    if ref is None:
        raise ApiProblem(404, NOT_FOUND)
    return ref


@router.get("", response=answers({200: DownloadList}), by_alias=True)
def list_downloads(
    request: HttpRequest,
    status: list[State] = Query(  # noqa: B008
        [], description="Only these states (several allowed): the page's tabs."
    ),
    q: str | None = Query(None, max_length=100, description="Words of the titles."),
    owners: str | None = Query(
        None, max_length=1000, description="Administrators: comma-separated user ids."
    ),
    page: int = Query(1, ge=1, le=1_000_000),
    batch: str | None = Query(
        None,
        pattern=f"^{BATCH_KEY_PATTERN}$",
        description="One batch (a download's `batch`): its episodes, 25 a page in S/E order.",
    ),
) -> Any:
    """Your downloads as the Downloads page lists them, with its filters and counts: newest
    first, ten entries a page, episodes started together as one entry in S/E order
    (administrators: everyone's, or `owners`'); `batch` lists one batch's episodes."""
    user = caller(request)
    filters = DownloadFilters(
        states=[s for s in STATES if s in status],
        q=clean_search(q),
        owners=parse_owner_ids(owners) if user.is_admin else [],
        page=page,
        batch=batch or "",
    )
    # Uncapped: a script listing a batch gets all of its episodes, as the schema says.
    page_ = listing.downloads_page(user, filters, path="/api/v1/downloads", group_cap=None)
    return {**page_.paginator, "counts": page_.counts}


@router.post("/bulk", response=answers({200: BulkOut}))
def bulk_action(request: HttpRequest, payload: BulkIn) -> Any:
    """One action on many downloads — by `ids`, or every download in a `status` (with the
    list's `q` and `owners`) — with the same per-download rules and messages as one action.
    At most 500 at once: `detail` says when more are left."""
    user = caller(request)
    form = BulkForm(payload.model_dump(exclude_none=True))
    if not form.is_valid():
        errors = form.first_errors()
        raise ApiProblem(422, next(iter(errors.values())), errors=errors)
    answer = actions.run_bulk(user, form.cleaned_data).as_json()
    return {"detail": answer["message"], "done": answer["done"], "refused": answer["refused"]}


@router.get("/{download_id}", response=answers({200: DownloadItem}, 404))
def get_download(request: HttpRequest, download_id: int = Id) -> Any:
    user = caller(request)
    return listing.one_download(user, _download(user, download_id))


@router.post("/{download_id}/actions", response=answers({200: ActionOut}, 404))
def act_on_download(request: HttpRequest, payload: ActionIn, download_id: int = Id) -> Any:
    """Pause, resume, retry, cancel or remove — whatever the download's `actions` allow."""
    user = caller(request)
    ref = _download(user, download_id)
    action = actions.Action(payload.action)
    message = _perform(
        lambda: actions.perform(
            ref,
            action,
            delete_partial=payload.delete_partial,
            restart_from_zero=payload.restart_from_zero,
        )
    )
    return {"detail": message, "download": _after(user, download_id)}


@router.delete("/{download_id}", response=answers({200: ActionOut}, 404))
def cancel_download(request: HttpRequest, download_id: int = Id) -> Any:
    """Cancel (the partial file stays): the same as the `cancel` action."""
    user = caller(request)
    ref = _download(user, download_id)
    message = _perform(lambda: actions.cancel(ref, delete_partial=False))
    return {"detail": message, "download": _after(user, download_id)}


def _perform(run: Any) -> str:
    try:
        message: str = run()
    except actions.ActionError as error:
        raise ApiProblem(409, error.message) from None
    return message


def _after(user: User, download_id: int) -> dict[str, Any] | None:
    ref = listing.download_of(user, download_id)
    return serialize_download(ref, for_admin=user.is_admin) if ref is not None else None


# --- starting ----------------------------------------------------------------------------------


@router.post(
    "/movies/{stream_id}", response=answers({201: StartOut}, 403, 404, 409, 503), tags=["downloads"]
)
def start_movie(request: HttpRequest, stream_id: int = Id) -> Any:
    """Download a movie (joining anyone already downloading it)."""
    user = caller(request)
    ref = _start(lambda: starting.start_movie_download(user, stream_id))
    return Status(201, _started(user, starting.STARTED, [ref], [], []))


@router.post(
    "/series/{series_id}/episodes/{season}/{episode}",
    response=answers({201: StartOut}, 403, 404, 409, 503),
)
def start_episode(
    request: HttpRequest,
    series_id: int = Id,
    season: int = Number,
    episode: int = Number,
) -> Any:
    """Download one episode."""
    user = caller(request)
    ref = _start(lambda: starting.start_episode_download(user, series_id, season, episode))
    return Status(201, _started(user, starting.STARTED, [ref], [], []))


@router.post("/series/{series_id}/episodes", response=answers({201: StartOut}, 403, 404, 409, 503))
def start_episodes(request: HttpRequest, payload: EpisodesIn, series_id: int = Id) -> Any:
    """Download many episodes of a series at once; what is already there is skipped."""
    user = caller(request)
    wanted = [(e.season, e.episode) for e in payload.episodes]
    result = _start(lambda: starting.start_episodes_download(user, series_id, wanted))
    message = starting.BATCH_STARTED if result.started else "Nothing new was started."
    return Status(201, _started(user, message, result.started, result.skipped, result.failed))


def _start(run: Any) -> Any:
    try:
        return run()
    except starting.StartError as error:
        # Not allowed to download to the server: the key's owner lacks the right (403).
        status = 403 if isinstance(error, StartNotAllowed) else START_STATUS.get(error.reason, 422)
        raise ApiProblem(status, " ".join(error.messages)) from None


def _started(
    user: User, message: str, refs: list[MediaDownloadRef], skipped: list[str], failed: list[str]
) -> dict[str, Any]:
    return {
        "detail": message,
        "started": [serialize_download(ref, for_admin=user.is_admin) for ref in refs],
        "skipped": skipped,
        "failed": failed,
    }

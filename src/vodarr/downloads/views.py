"""Downloads routes: the list, acting on one or many downloads, starting movie/episode downloads."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods
from inertia import render

from vodarr.accounts.models import User
from vodarr.downloads import actions, listing, starting
from vodarr.downloads.filters import DownloadFilters
from vodarr.downloads.forms import BulkForm
from vodarr.downloads.models import MediaDownloadRef
from vodarr.live.kept import request_versions
from vodarr.web.http import (
    BadRequestBody,
    bool_field,
    flash,
    read_body,
    redirect_back,
    validation_failed,
    wants_json,
)
from vodarr.web.props import Plain
from vodarr.web.views import render_error

DOWNLOADS_URL = "/downloads"


def _get_download_for_user(request: HttpRequest, pk: str) -> MediaDownloadRef:
    """The ref if this user may operate it (owner or admin); 404 for everything else.

    Another member's download answers exactly like a missing one, so ids cannot be probed.
    """
    if not pk.isdigit() or len(pk) > 18:
        raise Http404("Download not found.")
    ref = listing.download_of(request.user, int(pk))  # type: ignore[arg-type]
    if ref is None:
        raise Http404("Download not found.")
    return ref


@require_http_methods(["GET"])
def downloads_index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    filters = DownloadFilters.from_query(request.GET, user)

    @cache
    def page() -> listing.DownloadsPage:
        return listing.downloads_page(user, filters, versions=request_versions(request))

    props: dict[str, Any] = {
        "downloads": lambda: Plain(page().paginator),
        "counts": lambda: page().counts,
        "groupRest": lambda: page().group_rest,
        "filters": filters.as_props(),
    }
    if user.is_admin:
        props["ownerOptions"] = listing.owner_options
    return render(request, "downloads", props)


@require_http_methods(["POST"])
def downloads_bulk(request: HttpRequest) -> HttpResponse:
    """One action on many downloads: by ``ids``, or every download in a ``status``."""
    user: User = request.user  # type: ignore[assignment]
    form = BulkForm(read_body(request))  # bad bodies: BadInputMiddleware answers 4xx
    if not form.is_valid():
        return validation_failed(request, form.first_errors(), DOWNLOADS_URL)
    result = actions.run_bulk(user, form.cleaned_data)
    if wants_json(request):
        return JsonResponse(result.as_json())
    if result.done or not result.refused:
        flash(request, "success", result.message())
    refusals = result.refusals()
    if refusals:
        flash(request, "error", refusals)
    return redirect_back(request, DOWNLOADS_URL)


@require_http_methods(["PATCH", "DELETE"])
def download_detail(request: HttpRequest, pk: str) -> HttpResponse:
    ref = _get_download_for_user(request, pk)
    if request.method == "DELETE":
        return _respond(request, ref, lambda: actions.cancel(ref, delete_partial=False))
    try:
        data = read_body(request)
    except BadRequestBody as error:
        return _action_failed(request, error.message, status=error.status)
    errors: dict[str, str] = {}
    delete_partial = bool_field(data, "delete_partial", errors, "delete partial")
    restart_from_zero = bool_field(data, "restart_from_zero", errors, "restart from zero")
    if "action" not in data or data["action"] in (None, ""):
        errors.setdefault("action", "Choose an action: pause, resume, retry, cancel or remove.")
    if errors:
        return validation_failed(request, errors, DOWNLOADS_URL)
    try:
        action = actions.parse_action(data["action"])
    except actions.ActionError as error:
        return _action_failed(request, error.message)
    return _respond(
        request,
        ref,
        lambda: actions.perform(
            ref, action, delete_partial=delete_partial, restart_from_zero=restart_from_zero
        ),
    )


def _respond(request: HttpRequest, ref: MediaDownloadRef, run: Any) -> HttpResponse:
    try:
        message = run()
    except actions.ActionError as error:
        return _action_failed(request, error.message)
    if wants_json(request):
        return JsonResponse({"message": message})
    flash(request, "success", message)
    return redirect_back(request, DOWNLOADS_URL)


def _action_failed(request: HttpRequest, message: str, status: int = 422) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message, "errors": {"action": message}}, status=status)
    return validation_failed(request, {"action": message}, DOWNLOADS_URL)


def _refuse_cross_site(request: HttpRequest) -> HttpResponse | None:
    """A start by GET (the spec's link form) must come from Vodarr's own pages.

    A link or an image on another site would otherwise start downloads with the person's
    cookies. POST starts carry the CSRF token, which proves as much already. The browser's
    ``Sec-Fetch-Site`` says where a GET came from; without it, a same-origin ``Origin`` or
    ``Referer`` must.
    """
    if request.method != "GET":
        return None
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        allowed = site in ("same-origin", "none")  # none: typed in, or a bookmark
    else:
        allowed = _same_origin(
            request, request.headers.get("Origin") or request.headers.get("Referer")
        )
    if allowed:
        return None
    return render_error(request, 403, "Downloads cannot be started from another website.")


def _same_origin(request: HttpRequest, url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return (parts.scheme, parts.netloc) == (request.scheme, request.get_host())


def _start_response(request: HttpRequest, run: Any, success: str) -> HttpResponse:
    try:
        outcome = run()
    except starting.StartNotAllowed as error:
        return render_error(request, 403, " ".join(error.messages))
    except starting.StartError as error:
        if wants_json(request):
            return JsonResponse({"message": " ".join(error.messages)}, status=422)
        flash(request, "error", " ".join(error.messages))
        return redirect_back(request, DOWNLOADS_URL)
    message = success
    if isinstance(outcome, starting.BatchResult):
        notes = outcome.skipped + outcome.failed
        if not outcome.started:
            message = ""
        if notes:
            flash(request, "error", " ".join(notes))
    if wants_json(request):
        return JsonResponse({"message": message or "Nothing new was started."})
    if message:
        flash(request, "success", message)
    response = HttpResponse(status=303)
    response["Location"] = DOWNLOADS_URL
    return response


def _int_or_404(value: str, what: str) -> int:
    if not value.isdigit() or len(value) > 18:
        raise Http404(f"{what} not found.")
    return int(value)


@require_http_methods(["GET", "POST"])
def start_movie(request: HttpRequest, stream_id: str) -> HttpResponse:
    sid = _int_or_404(stream_id, "Movie")
    refused = _refuse_cross_site(request)
    if refused:
        return refused
    user: User = request.user  # type: ignore[assignment]
    return _start_response(
        request, lambda: starting.start_movie_download(user, sid), starting.STARTED
    )


@require_http_methods(["GET", "POST"])
def start_episode(request: HttpRequest, series_id: str, season: str, episode: str) -> HttpResponse:
    sid = _int_or_404(series_id, "Series")
    season_n, episode_n = _int_or_404(season, "Season"), _int_or_404(episode, "Episode")
    refused = _refuse_cross_site(request)
    if refused:
        return refused
    user: User = request.user  # type: ignore[assignment]
    return _start_response(
        request,
        lambda: starting.start_episode_download(user, sid, season_n, episode_n),
        starting.STARTED,
    )


@require_http_methods(["POST"])
def start_batch(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = _int_or_404(series_id, "Series")
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    wanted, problem = parse_episode_list(data.get("episodes"))
    if problem:
        return validation_failed(request, {"episodes": problem}, f"/series/{sid}")
    user: User = request.user  # type: ignore[assignment]
    return _start_response(
        request,
        lambda: starting.start_episodes_download(user, sid, wanted),
        starting.BATCH_STARTED,
    )


MAX_BATCH = 500


def parse_episode_list(raw: object) -> tuple[list[tuple[int, int]], str | None]:
    """`{"episodes": [{"season": 1, "episode": 2}, …]}` as pairs, or a sentence why not."""
    if not isinstance(raw, list) or not raw:
        return [], "Choose at least one episode."
    if len(raw) > MAX_BATCH:
        return [], f"Choose at most {MAX_BATCH} episodes at once."
    wanted = []
    for item in raw:
        if not isinstance(item, dict):
            return [], 'Each episode must look like {"season": 1, "episode": 2}.'
        season, episode = item.get("season"), item.get("episode")
        if not all(
            isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 10_000
            for n in (season, episode)
        ):
            return [], "Season and episode must be whole numbers."
        wanted.append((int(season), int(episode)))  # type: ignore[arg-type]
    return wanted, None

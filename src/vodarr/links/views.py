"""Getting a link (a movie, an episode, a batch, a download) and the Links page.

A JSON request (``Accept: application/json``) gets ``{"url", "expires_at", …}`` (201); an
Inertia one is sent back to its page, which shows the link in a dialog (the ``newLink``
prop, see ``props.py``). The token is shown that once: only its hash is kept.

Anyone signed in may get links, including people who may not download to the server: that
is what links are for. Links are listed and revoked by their owner and by admins; another
member's link answers exactly like a missing one (404).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from inertia import render

from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.views import parse_episode_list
from vodarr.links import listing, services
from vodarr.links.playlists import new_link_payload
from vodarr.links.props import remember_new_link
from vodarr.site_settings.values import site_values
from vodarr.web.http import flash, read_body, redirect_back, validation_failed, wants_json
from vodarr.web.pagination import page_number
from vodarr.web.validation import path_id

LINKS_URL = "/links"
REVOKED = "Link revoked: it no longer works."


@require_POST
def movie_link(request: HttpRequest, stream_id: str) -> HttpResponse:
    sid = path_id(stream_id, "Movie")
    user: User = request.user  # type: ignore[assignment]
    return _made(request, lambda: services.movie_link(user, sid), f"/movies/{sid}")


@require_POST
def episode_link(request: HttpRequest, series_id: str, season: str, episode: str) -> HttpResponse:
    sid = path_id(series_id, "Series")
    wanted = [(path_id(season, "Season"), path_id(episode, "Episode"))]
    user: User = request.user  # type: ignore[assignment]
    return _made(request, lambda: services.episodes_link(user, sid, wanted), f"/series/{sid}")


@require_POST
def episodes_link(request: HttpRequest, series_id: str) -> HttpResponse:
    sid = path_id(series_id, "Series")
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    wanted, problem = parse_episode_list(data.get("episodes"))
    if problem:
        return validation_failed(request, {"episodes": problem}, f"/series/{sid}")
    user: User = request.user  # type: ignore[assignment]
    return _made(request, lambda: services.episodes_link(user, sid, wanted), f"/series/{sid}")


@require_POST
def download_link(request: HttpRequest, pk: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    ref = (
        MediaDownloadRef.objects.select_related("transfer")
        .filter(pk=path_id(pk, "Download"))
        .first()
    )
    # The download-operations rule: its owner or an admin; anyone else sees nothing there.
    if ref is None or not user.can_operate_download(ref.user_id):
        raise Http404("Download not found.")
    return _made(request, lambda: services.download_link(user, ref), "/downloads")


def _made(
    request: HttpRequest, make: Callable[[], services.NewLink], fallback: str
) -> HttpResponse:
    try:
        new = make()
    except services.LinkError as error:
        if wants_json(request):
            return JsonResponse({"message": error.message}, status=error.status)
        flash(request, "error", error.message)
        return redirect_back(request, fallback)
    payload = new_link_payload(request, new)
    if wants_json(request):
        return JsonResponse(payload, status=201)
    remember_new_link(request, payload)
    return redirect_back(request, fallback)


# --- the Links page ---------------------------------------------------------------------------


@require_GET
def links_index(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(
        request,
        "links",
        {
            "links": listing.links_page(
                user, page_number(request.GET.get("page")), lambda n: f"{LINKS_URL}?page={n}"
            ),
            "lifetimeHours": site_values().link_lifetime_hours.value,
        },
    )


@require_http_methods(["DELETE"])
def link_detail(request: HttpRequest, pk: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    link = listing.link_of(user, path_id(pk, "Link"))
    if link is None:
        raise Http404("Link not found.")
    services.revoke(link)
    if wants_json(request):
        return JsonResponse({"message": REVOKED})
    flash(request, "success", REVOKED)
    return redirect_back(request, LINKS_URL)

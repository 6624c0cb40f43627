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
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from inertia import render

from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.views import parse_episode_list
from vodarr.links import services
from vodarr.links.models import DownloadLink
from vodarr.links.playlists import new_link_payload
from vodarr.links.props import remember_new_link
from vodarr.site_settings.values import site_values
from vodarr.web.http import flash, read_body, redirect_back, validation_failed, wants_json
from vodarr.web.pagination import page_number, paginator_props
from vodarr.web.validation import path_id

LINKS_URL = "/links"
PER_PAGE = 20
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
    links = DownloadLink.objects.select_related("user").prefetch_related("items")
    if not user.is_admin:
        links = links.filter(user=user)
    paginator = Paginator(links, PER_PAGE)
    page = paginator.page(min(page_number(request.GET.get("page")), paginator.num_pages))
    now = timezone.now()
    rows = [_row(link, now, for_admin=user.is_admin) for link in page.object_list]
    values = site_values()
    return render(
        request,
        "links",
        {
            "links": paginator_props(page, rows, lambda n: f"{LINKS_URL}?{urlencode({'page': n})}"),
            "lifetimeHours": values.link_lifetime_hours.value,
        },
    )


@require_http_methods(["DELETE"])
def link_detail(request: HttpRequest, pk: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    link = DownloadLink.objects.filter(pk=path_id(pk, "Link")).first()
    if link is None or not (user.is_admin or link.user_id == user.pk):
        raise Http404("Link not found.")
    services.revoke(link)
    if wants_json(request):
        return JsonResponse({"message": REVOKED})
    flash(request, "success", REVOKED)
    return redirect_back(request, LINKS_URL)


def _row(link: DownloadLink, now: Any, *, for_admin: bool) -> dict[str, Any]:
    items = list(link.items.all())
    row: dict[str, Any] = {
        "id": link.pk,
        "title": link.title,
        "state": link.state(now),
        "files": [{"title": item.title, "name": item.file_name} for item in items[:50]],
        "fileCount": len(items),
        "createdAt": link.created_at.isoformat(),
        "expiresAt": link.expires_at.isoformat(),
        "revokedAt": link.revoked_at.isoformat() if link.revoked_at else None,
        "lastUsedAt": link.last_used_at.isoformat() if link.last_used_at else None,
        "useCount": link.use_count,
    }
    if for_admin:
        row["owner"] = {"id": link.user.pk, "name": link.user.name, "email": link.user.email}
    return row

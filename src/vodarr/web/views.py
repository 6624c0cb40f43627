"""App-wide views: home, error pages in the app's style, CSRF failures."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from inertia import render

from vodarr.web.access import public
from vodarr.web.http import wants_json
from vodarr.web.middleware import HOME_URL

logger = logging.getLogger("vodarr.web")

ERROR_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Page not found",
    405: "Method not allowed",
    419: "Page expired",
    500: "Something went wrong",
}
ERROR_MESSAGES = {
    400: "The request could not be understood.",
    403: "You do not have access to this page.",
    404: "There is nothing here. The link may be old, or the title may be gone.",
    405: "This address does not accept that kind of request.",
    419: "Your session expired or the page is stale. Reload the page and try again.",
    500: "The server hit an unexpected error. It has been logged; please try again.",
}


def render_error(request: HttpRequest, status: int, message: str | None = None) -> HttpResponse:
    title = ERROR_TITLES.get(status, "Error")
    text = message or ERROR_MESSAGES.get(status, "")
    if wants_json(request):
        return JsonResponse({"message": text}, status=status)
    try:
        response: HttpResponse = render(
            request, "error", {"status": status, "title": title, "message": text}
        )
    except Exception:
        # The error page must render even when the front end build or the session is broken.
        logger.exception("The error page could not be rendered with Inertia")
        html = render_to_string(
            "plain_error.html", {"status": status, "title": title, "message": text}
        )
        response = HttpResponse(html)
    response.status_code = status
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else None
    return render_error(request, 403, message)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Our own Http404s carry a sentence for people; the resolver's carry internals.
    message = str(exception) if type(exception) is Http404 and exception.args else None
    return render_error(request, 404, message)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_error(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "", **_: Any) -> HttpResponse:
    # 419 is what the Inertia client knows as "page expired" and Laravel-style apps answer.
    return render_error(request, 419)


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(HOME_URL if request.user.is_authenticated else "/login")

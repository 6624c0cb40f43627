"""Profile routes for webhooks: add (the secret shown once), switch, remove, send a test.

"Send test" posts a ``ping`` from the request itself, with a short timeout, so the person
sees the receiver's answer at once; it is logged with the hook's other deliveries.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from vodarr.accounts.models import User
from vodarr.web.http import (
    bool_field,
    flash,
    read_body,
    redirect_back,
    validation_failed,
    wants_json,
)
from vodarr.web.validation import form_errors, path_id, unknown_fields
from vodarr.webhooks.delivery import attempt
from vodarr.webhooks.forms import WebhookForm
from vodarr.webhooks.models import Webhook, WebhookDelivery
from vodarr.webhooks.signing import new_secret

PROFILE_URL = "/profile"
NEW_SECRET_SESSION = "_vodarr_new_webhook_secret"
TEST_TIMEOUT_SECONDS = 5.0
MAX_HOOKS = 10


def _get_hook_for_user(request: HttpRequest, pk: str) -> Webhook:
    """One of the person's own hooks; anyone else's answers like a missing one (404)."""
    hook = Webhook.objects.filter(
        pk=path_id(pk, "Webhook"),
        user=request.user,  # type: ignore[misc]
    ).first()
    if hook is None:
        raise Http404("Webhook not found.")
    return hook


def preview(url: str) -> str:
    """Scheme and host only: paths and queries of hook URLs are often the secret."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    tail = "/…" if parts.path.strip("/") or parts.query else ""
    return f"{parts.scheme}://{host}{tail}"[:300]


@require_http_methods(["POST"])
def add_hook(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    data = read_body(request)
    form = WebhookForm(data)
    errors = unknown_fields(data, ["name", "url"]) | (
        form_errors(form) if not form.is_valid() else {}
    )
    if not errors and Webhook.objects.filter(user=user).count() >= MAX_HOOKS:
        errors["url"] = f"You have {MAX_HOOKS} webhooks already: remove one first."
    if errors:
        return validation_failed(request, errors, PROFILE_URL)
    url = form.cleaned_data["url"]
    hook = Webhook(user=user, name=form.cleaned_data["name"] or "Webhook", url_preview=preview(url))
    hook.url = url
    secret = new_secret()
    hook.secret = secret
    hook.save()
    message = f"Webhook “{hook.name}” added. Copy its signing secret now: it is shown once."
    if wants_json(request):
        return JsonResponse({"message": message, "id": hook.pk, "secret": secret}, status=201)
    request.session[NEW_SECRET_SESSION] = {"id": hook.pk, "name": hook.name, "secret": secret}
    flash(request, "success", message)
    return redirect_back(request, PROFILE_URL)


@require_http_methods(["PATCH", "DELETE"])
def hook_detail(request: HttpRequest, pk: str) -> HttpResponse:
    hook = _get_hook_for_user(request, pk)
    if request.method == "DELETE":
        hook.delete()
        return _done(request, f"Webhook “{hook.name}” removed.")
    data = read_body(request)
    errors = unknown_fields(data, ["enabled"])
    if "enabled" not in data:
        errors.setdefault("enabled", "Say whether the webhook is on (true or false).")
    enabled = bool_field(data, "enabled", errors, "enabled")
    if errors:
        return validation_failed(request, errors, PROFILE_URL)
    hook.enabled = enabled
    hook.save(update_fields=["enabled"])
    return _done(request, f"Webhook “{hook.name}” is {'on' if enabled else 'off'}.")


@require_http_methods(["POST"])
def test_hook(request: HttpRequest, pk: str) -> HttpResponse:
    hook = _get_hook_for_user(request, pk)
    now = timezone.now()
    delivery = WebhookDelivery.objects.create(
        hook=hook,
        event="ping",
        payload={"event": "ping", "occurredAt": now.isoformat(), "title": "Test from Vodarr"},
        attempts=1,
    )
    delivery.hook = hook
    if attempt(delivery, timeout=TEST_TIMEOUT_SECONDS, retry=False):
        return _done(request, f"“{hook.name}” accepted the test.")
    delivery.refresh_from_db()
    answer = f"HTTP {delivery.last_status_code}" if delivery.last_status_code else "no answer"
    message = f"“{hook.name}” did not accept the test ({answer}): {delivery.last_answer}"
    return validation_failed(request, {"webhook": message.rstrip(": ")}, PROFILE_URL)


def _done(request: HttpRequest, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"message": message})
    flash(request, "success", message)
    return redirect_back(request, PROFILE_URL)

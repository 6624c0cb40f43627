"""The admin Settings page: provider credentials, connection tests, the sync button, and the
server settings (aria2's speed and concurrency, sync schedule, link lifetime).

Props are built field by field: the provider password and the aria2 secret never leave the
server, only whether one is set. The kept password is only ever sent to the server and
account it was entered for: pointing the provider elsewhere (or testing another address or
username) needs the password typed again, so an admin cannot read it out through a server
of their own.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from inertia import render

from vodarr.catalog.models import ProviderSettings
from vodarr.catalog.provider import (
    SOURCE_DATABASE,
    SOURCE_ENVIRONMENT,
    configured_provider,
    password_in_force,
    provider_client,
    provider_source,
    save_provider_settings,
)
from vodarr.catalog.sync import SyncAlreadyRunning, sync_now
from vodarr.downloads.gateway import gateway
from vodarr.integrations.redact import redact_url
from vodarr.integrations.xtream import (
    AccountInfo,
    XtreamClient,
    XtreamError,
    XtreamInvalidURL,
    normalize_base_url,
)
from vodarr.site_settings.forms import FIELDS as SERVER_FIELDS
from vodarr.site_settings.forms import ServerSettingsForm, server_props
from vodarr.site_settings.forms import save as save_server_settings
from vodarr.site_settings.values import site_values
from vodarr.web.access import admin_required
from vodarr.web.http import (
    flash,
    read_body,
    redirect_back,
    string_field,
    validation_failed,
)
from vodarr.web.validation import form_errors, unknown_fields

SETTINGS_URL = "/settings"
USER_AGENT_MAX = 200
PASSWORD_AGAIN = "Enter the password again to use another server URL or username."


@admin_required
@require_GET
def settings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "settings", settings_props())


@admin_required
@require_http_methods(["PATCH", "PUT", "POST"])
def update_provider(request: HttpRequest) -> HttpResponse:
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors: dict[str, str] = {}
    base_url = string_field(data, "base_url", errors, "server URL")
    username = string_field(data, "username", errors, "username")
    password = string_field(data, "password", errors, "password")
    user_agent = (
        string_field(data, "user_agent", errors, "user agent") if "user_agent" in data else None
    )
    if "base_url" not in errors:
        try:
            base_url = normalize_base_url(base_url)
        except XtreamInvalidURL as invalid:
            errors["base_url"] = invalid.message
    if not username and "username" not in errors:
        errors["username"] = "Enter the username the provider gave you."
    if user_agent is not None and (
        len(user_agent) > USER_AGENT_MAX or not user_agent.isprintable()
    ):
        errors["user_agent"] = (
            f"The user agent must be one line of at most {USER_AGENT_MAX} characters."
        )
    if not password and not errors:
        if not _password_can_be_kept():
            errors["password"] = "Enter the password the provider gave you."
        elif _elsewhere(base_url, username):
            errors["password"] = PASSWORD_AGAIN
    if errors:
        return validation_failed(request, errors, SETTINGS_URL)
    save_provider_settings(base_url, username, password or None, user_agent)
    flash(request, "success", "Provider settings saved.")
    return redirect_back(request, SETTINGS_URL)


@admin_required
@require_POST
def test_provider(request: HttpRequest) -> HttpResponse:
    """Test the saved provider, or a server and account from the body before saving them."""
    data = read_body(request)  # a malformed body is still refused (BadInputMiddleware)
    errors: dict[str, str] = {}
    account: AccountInfo | None = None
    try:
        with _client_to_test(data, errors) as client:
            account = client.account() if client is not None else None
    except XtreamInvalidURL as invalid:
        errors["base_url"] = invalid.message
    except XtreamError as error:
        errors.setdefault("provider", error.detail)
    if errors or account is None:
        return validation_failed(request, errors, SETTINGS_URL)
    problem = _account_problem(account)
    if problem:
        return validation_failed(request, {"provider": problem}, SETTINGS_URL)
    flash(request, "success", connection_summary(account))
    return redirect_back(request, SETTINGS_URL)


def _client_to_test(
    data: dict[str, Any], errors: dict[str, str]
) -> AbstractContextManager[XtreamClient | None]:
    """The saved provider's client, or a throwaway one for the server and account in ``data``.

    None (with ``errors``) when the body asks for another server or username without the
    password: the saved password is never sent anywhere else.
    """
    base_url = string_field(data, "base_url", errors, "server URL")
    username = string_field(data, "username", errors, "username")
    password = string_field(data, "password", errors, "password")
    if errors:
        return nullcontext(None)
    if not (base_url or username or password):
        return nullcontext(provider_client())
    config = configured_provider()
    base_url = normalize_base_url(base_url or (config.base_url if config else ""))
    username = username or (config.username if config else "")
    if password:
        user_agent = (config.user_agent if config else "") or settings.XTREAM_USER_AGENT
        return XtreamClient(base_url, username, password, user_agent=user_agent)
    if _elsewhere(base_url, username):
        errors["password"] = PASSWORD_AGAIN
        return nullcontext(None)
    return nullcontext(provider_client())


@admin_required
@require_POST
def sync_catalogue_view(request: HttpRequest) -> HttpResponse:
    read_body(request)
    try:
        result = sync_now()
    except (XtreamError, SyncAlreadyRunning) as error:
        flash(request, "error", f"The catalogue sync failed: {error.detail}")
        return redirect_back(request, SETTINGS_URL)
    flash(request, "success", f"Catalogue synced: {result.movies} movies, {result.series} series.")
    return redirect_back(request, SETTINGS_URL)


@admin_required
@require_http_methods(["PATCH", "PUT", "POST"])
def update_server(request: HttpRequest) -> HttpResponse:
    """aria2's speed and concurrency, the sync schedule, link lifetime, new members' right to
    download: saved, then given to aria2 at once (the worker re-applies them after restarts)."""
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    form = ServerSettingsForm(data, site_values(), _account_limit())
    errors = unknown_fields(data, SERVER_FIELDS) or (
        form_errors(form) if not form.is_valid() else {}
    )
    if errors:
        return validation_failed(request, errors, SETTINGS_URL)
    save_server_settings(form.changes())
    if gateway().apply_global_options(force=True) or not settings.ARIA2_RPC_URL:
        flash(request, "success", "Server settings saved.")
    else:
        flash(
            request,
            "error",
            "Server settings saved; aria2 did not take them now. The worker gives them to it "
            "as soon as it answers.",
        )
    return redirect_back(request, SETTINGS_URL)


def _account_limit() -> int | None:
    """The provider account's connection limit, when the provider says it (cached 5 min)."""
    try:
        return gateway().account_limit()
    except XtreamError:
        return None


@admin_required
@require_POST
def test_aria2(request: HttpRequest) -> HttpResponse:
    from vodarr.integrations.aria2.client import Aria2Client
    from vodarr.integrations.aria2.errors import Aria2Error

    read_body(request)
    rpc_url = getattr(settings, "ARIA2_RPC_URL", "")
    if not rpc_url:
        message = "aria2 is not configured: ARIA2_RPC_URL is not set and no embedded aria2 runs."
        return validation_failed(request, {"aria2": message}, SETTINGS_URL)
    try:
        with Aria2Client(rpc_url, getattr(settings, "ARIA2_RPC_SECRET", "")) as client:
            version = client.get_version()
            stat = client.get_global_stat()
    except Aria2Error as error:
        return validation_failed(request, {"aria2": error.detail}, SETTINGS_URL)
    flash(
        request,
        "success",
        f"aria2 {version.get('version', '(unknown version)')} is reachable: "
        f"{stat.num_active} active, {format_speed(stat.download_speed)}.",
    )
    return redirect_back(request, SETTINGS_URL)


# --- props and messages -----------------------------------------------------------------------


def settings_props() -> dict[str, Any]:
    row = ProviderSettings.load()
    config = configured_provider()
    # Cards of other apps (``settings.VODARR_SETTINGS_PROPS``): the catalogue imports none.
    cards = {
        name: import_string(path)()
        for name, path in getattr(settings, "VODARR_SETTINGS_PROPS", {}).items()
    }
    return {
        **cards,
        "provider": {
            "baseUrl": redact_url(config.base_url) if config else "",
            "username": config.username if config else "",
            "hasPassword": password_in_force(),
            "userAgent": row.user_agent or settings.XTREAM_USER_AGENT,
            "source": provider_source(),
        },
        "demoMode": bool(settings.VODARR_DEMO_MODE),
        "sync": {
            "lastSyncAt": row.last_sync_at.isoformat() if row.last_sync_at else None,
            "counts": row.last_sync_counts or None,
            "error": row.last_sync_error or None,
        },
        "aria2": {
            "rpcUrl": redact_url(settings.ARIA2_RPC_URL) if settings.ARIA2_RPC_URL else "",
            "hasSecret": bool(settings.ARIA2_RPC_SECRET),
        },
        "server": server_props(_account_limit()),
    }


def connection_summary(account: AccountInfo) -> str:
    """ "Connected: account active, expires 2027-01-31, 2 of 4 connections in use." """
    info = account.user_info
    status = (info.status or "active").lower()
    expiry = f"expires {info.exp_date.date().isoformat()}" if info.exp_date else "never expires"
    if info.max_connections:
        connections = f"{info.active_cons} of {info.max_connections} connections in use"
    else:
        connections = f"{info.active_cons} connections in use"
    return f"Connected: account {status}, {expiry}, {connections}."


def format_speed(bytes_per_sec: int) -> str:
    value = float(max(0, bytes_per_sec))
    for unit in ("B/s", "KiB/s", "MiB/s", "GiB/s"):
        if value < 1024 or unit == "GiB/s":
            return f"{value:.0f} {unit}" if unit == "B/s" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB/s"  # pragma: no cover - the loop always returns


def _account_problem(account: AccountInfo) -> str:
    info = account.user_info
    if info.is_active:
        return ""
    status = info.status or "not active"
    return f"The provider accepted the login, but the account is {status.lower()}."


def _elsewhere(base_url: str, username: str) -> bool:
    """Whether ``base_url`` or ``username`` differ from the provider in force."""
    config = configured_provider()
    if config is None:
        return True
    try:
        current_url = normalize_base_url(config.base_url)
    except XtreamInvalidURL:
        return True
    return (base_url, username) != (current_url, config.username)


def _password_can_be_kept() -> bool:
    """An empty password keeps the one in force, unless that is the demo's (or none)."""
    return provider_source() in (SOURCE_DATABASE, SOURCE_ENVIRONMENT) and password_in_force()

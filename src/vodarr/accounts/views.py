"""Sign-in, registration, verification and password reset pages (Inertia)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods, require_POST
from inertia import render

from vodarr.accounts import backends, limits, services
from vodarr.accounts.models import User
from vodarr.accounts.validation import check_email, check_name, check_new_password
from vodarr.web.access import guest_only, public, unverified_allowed
from vodarr.web.http import (
    bool_field,
    flash,
    read_body,
    same_site_path,
    string_field,
    validation_failed,
)
from vodarr.web.middleware import HOME_URL, VERIFY_NOTICE_URL
from vodarr.web.throttle import client_address, forget, hit, hit_all, too_many


def _next_url(request: HttpRequest, candidate: str) -> str:
    return same_site_path(request, candidate) or HOME_URL


@guest_only
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(
            request,
            "auth/login",
            {
                "status": request.session.pop("auth_status", None),
                "next": request.GET.get("next", ""),
            },
        )
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors: dict[str, str] = {}
    email = string_field(data, "email", errors, "email")
    password = string_field(data, "password", errors, "password")
    remember = bool_field(data, "remember", errors, "remember me")
    if not errors and not email:
        errors["email"] = "Enter your email address."
    if not errors and not password:
        errors["password"] = "Enter your password."
    if errors:
        return validation_failed(request, errors, "/login")

    # Counted before the password is checked, atomically: parallel guesses cannot slip past.
    address = client_address(request)
    pair = f"{email}|{address}"
    refused = hit_all(
        [(limits.LOGIN_PAIR, pair), (limits.LOGIN_ADDRESS, address), (limits.LOGIN_ACCOUNT, email)]
    )
    if refused:
        return too_many(request, refused, "email", "/login")
    user = authenticate(request, username=email, password=password)
    if user is None:
        return validation_failed(
            request, {"email": "These credentials do not match our records."}, "/login"
        )
    forget(limits.LOGIN_PAIR, pair)
    login(request, user)
    # Without "remember me" the session ends with the browser.
    request.session.set_expiry(None if remember else 0)
    target = data.get("next") if isinstance(data.get("next"), str) else ""
    return HttpResponseRedirect(_next_url(request, target or request.GET.get("next", "")))


@require_POST
@unverified_allowed
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(settings.LOGIN_URL)


@guest_only
@require_http_methods(["GET", "POST"])
def register_view(request: HttpRequest) -> HttpResponse:
    if not services.registration_is_open():
        if request.method == "GET":
            request.session["auth_status"] = "Registration is closed on this server."
            return HttpResponseRedirect(settings.LOGIN_URL)
        return validation_failed(
            request, {"email": "Registration is closed on this server."}, "/register"
        )
    if request.method == "GET":
        return render(request, "auth/register", {"firstUser": not User.objects.exists()})
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    # Before validation: "this email already exists" must not be asked for in bulk.
    refused = hit(limits.REGISTER_ADDRESS, client_address(request))
    if refused:
        return too_many(request, refused, "email", "/register")
    errors: dict[str, str] = {}
    name = string_field(data, "name", errors, "name")
    email = string_field(data, "email", errors, "email")
    password = string_field(data, "password", errors, "password")
    confirmation = string_field(data, "password_confirmation", errors, "password confirmation")
    check_name(name, errors)
    check_email(email, errors)
    check_new_password(password, confirmation, errors, User(email=email, name=name))
    if errors:
        return validation_failed(request, errors, "/register")
    user = services.register_user(email, name, password)
    login(request, user, backend=backends.PATH)
    if user.is_verified:
        flash(request, "success", "Welcome to Vodarr! You are the administrator of this server.")
        return HttpResponseRedirect(HOME_URL)
    services.send_verification_email(request, user)
    return HttpResponseRedirect(VERIFY_NOTICE_URL)


@unverified_allowed
@require_http_methods(["GET"])
def verify_notice_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified:  # type: ignore[union-attr]
        return HttpResponseRedirect(HOME_URL)
    return render(
        request, "auth/verify-email", {"status": request.session.pop("auth_status", None)}
    )


@unverified_allowed
@require_POST
def resend_verification_view(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.is_verified:
        return HttpResponseRedirect(HOME_URL)
    refused = hit_all(
        [(limits.VERIFY_ACCOUNT, str(user.pk)), (limits.VERIFY_ADDRESS, client_address(request))]
    )
    if refused:
        return too_many(request, refused, "email", VERIFY_NOTICE_URL)
    services.send_verification_email(request, user)
    request.session["auth_status"] = "A new verification link has been sent to your email."
    return HttpResponseRedirect(VERIFY_NOTICE_URL)


@public
@require_http_methods(["GET"])
def verify_email_view(request: HttpRequest, token: str) -> HttpResponse:
    user = services.user_from_verification_token(token)
    if user is None:
        if request.user.is_authenticated:
            request.session["auth_status"] = (
                "That verification link is invalid or has expired. Send a new one below."
            )
            return HttpResponseRedirect(VERIFY_NOTICE_URL)
        request.session["auth_status"] = "That verification link is invalid or has expired."
        return HttpResponseRedirect(settings.LOGIN_URL)
    user.mark_verified()
    if request.user.is_authenticated and request.user.pk == user.pk:
        flash(request, "success", "Your email is verified. Welcome to Vodarr!")
        return HttpResponseRedirect(HOME_URL)
    request.session["auth_status"] = "Your email is verified. You can sign in now."
    return HttpResponseRedirect(settings.LOGIN_URL)


@guest_only
@require_http_methods(["GET", "POST"])
def forgot_password_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(
            request, "auth/forgot-password", {"status": request.session.pop("auth_status", None)}
        )
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors: dict[str, str] = {}
    email = string_field(data, "email", errors, "email")
    if not errors and not email:
        errors["email"] = "Enter your email address."
    if errors:
        return validation_failed(request, errors, "/forgot-password")
    # Counted for any address typed, account or not, so the limit reveals nothing either.
    refused = hit_all(
        [(limits.RESET_ADDRESS, client_address(request)), (limits.RESET_EMAIL, email)]
    )
    if refused:
        return too_many(request, refused, "email", "/forgot-password")
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is not None:
        services.send_password_reset_email(request, user)
    # The same answer either way, so the page cannot be used to find out who has an account.
    request.session["auth_status"] = (
        "If an account exists for that email, a link to reset the password is on its way."
    )
    return HttpResponseRedirect("/forgot-password")


def _user_from_reset(uid: str, token: str) -> User | None:
    try:
        pk = force_str(urlsafe_base64_decode(uid))
        user = User.objects.filter(pk=int(pk), is_active=True).first()
    except (ValueError, TypeError, OverflowError):
        return None
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@public
@require_http_methods(["GET"])
def reset_password_form_view(request: HttpRequest, uid: str, token: str) -> HttpResponse:
    user = _user_from_reset(uid, token)
    if user is None:
        request.session["auth_status"] = "That reset link is invalid or has expired."
        return HttpResponseRedirect("/forgot-password")
    return render(request, "auth/reset-password", {"uid": uid, "token": token, "email": user.email})


@public
@require_POST
def reset_password_view(request: HttpRequest) -> HttpResponse:
    data = read_body(request)  # bad bodies: BadInputMiddleware answers 4xx
    errors: dict[str, str] = {}
    uid = string_field(data, "uid", errors, "link")
    token = string_field(data, "token", errors, "link")
    password = string_field(data, "password", errors, "password")
    confirmation = string_field(data, "password_confirmation", errors, "password confirmation")
    user = _user_from_reset(uid, token) if not errors else None
    if user is None:
        errors.setdefault("password", "That reset link is invalid or has expired.")
    else:
        check_new_password(password, confirmation, errors, user)
    if errors or user is None:
        return validation_failed(request, errors, "/forgot-password")
    user.set_password(password)
    user.save(update_fields=["password"])
    user.mark_verified()  # the reset link proved the address
    request.session["auth_status"] = "Your password has been reset. You can sign in now."
    return HttpResponseRedirect(settings.LOGIN_URL)

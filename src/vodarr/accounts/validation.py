"""Field checks shared by registration, profile and password pages."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from vodarr.accounts.models import User

# RFC 5321's limit on a forward path; the column is this long too, but SQLite ignores that.
EMAIL_MAX_LENGTH = 254


def check_email(email: str, errors: dict[str, str], *, exclude_pk: int | None = None) -> None:
    if not email:
        errors.setdefault("email", "Enter your email address.")
        return
    if len(email) > EMAIL_MAX_LENGTH:
        errors.setdefault("email", f"Email addresses are limited to {EMAIL_MAX_LENGTH} characters.")
        return
    try:
        validate_email(email)
    except ValidationError:
        errors.setdefault("email", "Enter a valid email address.")
        return
    taken = User.objects.filter(email__iexact=email)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        errors.setdefault("email", "An account with this email already exists.")


def check_name(name: str, errors: dict[str, str]) -> None:
    if not name:
        errors.setdefault("name", "Enter your name.")
    elif len(name) > 150:
        errors.setdefault("name", "Names are limited to 150 characters.")


def check_new_password(
    password: str, confirmation: str | None, errors: dict[str, str], user: User | None = None
) -> None:
    """Django's validators (length, common, numeric, similarity) plus the confirmation."""
    if not password:
        errors.setdefault("password", "Enter a password.")
        return
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        errors.setdefault("password", " ".join(error.messages))
        return
    if confirmation is not None and password != confirmation:
        errors.setdefault("password_confirmation", "The two passwords do not match.")

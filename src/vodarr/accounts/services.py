"""Account operations: registration, verification and reset emails, roles, deletion."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, Q
from django.http import HttpRequest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from vodarr.accounts.models import Role, User
from vodarr.downloads.changes import requests_removed
from vodarr.downloads.models import MediaDownloadRef
from vodarr.downloads.operations import release_transfers
from vodarr.site_settings.values import site_values
from vodarr.web.links import absolute_link

logger = logging.getLogger("vodarr.accounts")
VERIFY_SALT = "vodarr.accounts.verify-email"


def registration_is_open() -> bool:
    if not settings.REGISTRATION_OPEN:
        return False
    if settings.MAX_USERS is not None:
        return User.objects.count() < settings.MAX_USERS
    return True


def register_user(email: str, name: str, password: str) -> User:
    """The first user owns the instance: admin and verified at once; later ones are members."""
    with transaction.atomic():
        # Inside one (IMMEDIATE on SQLite) transaction so two simultaneous first sign-ups
        # cannot both become admin.
        first = not User.objects.exists()
        role = Role.ADMIN if first else Role.MEMBER
        return User.objects.create_user(
            email,
            password,
            name=name,
            role=role,
            verified=first,
            may_download_to_server=new_user_may_download(role),
        )


def new_user_may_download(role: str) -> bool:
    """Admins may; members as the Settings page says (on unless an admin turned it off)."""
    return role == Role.ADMIN or site_values().new_members_may_download


def set_may_download(user: User, allowed: bool) -> None:
    User.objects.filter(pk=user.pk).update(may_download_to_server=allowed)
    user.may_download_to_server = allowed


def verification_token(user: User) -> str:
    # The email is signed too, so a link stops working once the address changes.
    return signing.dumps({"uid": user.pk, "email": user.email}, salt=VERIFY_SALT)


def user_from_verification_token(token: str) -> User | None:
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
        return None
    user = User.objects.filter(pk=data["uid"], is_active=True).first()
    if user is None or user.email != data.get("email"):
        return None
    return user


def send_verification_email(request: HttpRequest, user: User) -> None:
    link = absolute_link(request, f"/email/verify/{verification_token(user)}")
    send_mail(
        "Verify your email address for Vodarr",
        f"Hello {user.name},\n\nConfirm your email address to start using Vodarr:\n{link}\n\n"
        "The link works for 24 hours. If you did not create an account, ignore this email.",
        None,
        [user.email],
    )


def send_password_reset_email(request: HttpRequest, user: User) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = absolute_link(request, f"/reset-password/{uid}/{token}")
    send_mail(
        "Reset your Vodarr password",
        f"Hello {user.name},\n\nChoose a new password here:\n{link}\n\n"
        "If you did not ask for this, you can ignore this email.",
        None,
        [user.email],
    )


# There is always at least one administrator: the checks below sit inside the same write.


def _another_admin(pk: int) -> Exists:
    return Exists(User.objects.filter(role=Role.ADMIN).exclude(pk=pk))


def change_role(user: User, role: str) -> bool:
    """Give ``user`` the role; False (and nothing changed) when it would leave no admin."""
    if role == Role.ADMIN:
        User.objects.filter(pk=user.pk).update(role=role)
        return True
    # One UPDATE with the check inside: two admins demoting each other cannot both win.
    changed = (
        User.objects.filter(pk=user.pk)
        .filter(Q(role=Role.MEMBER) | _another_admin(user.pk))
        .update(role=role)
    )
    return changed == 1


def delete_user(user: User) -> bool:
    """Delete ``user`` and their downloads; False (nothing deleted) for the last admin.

    Transfers other people still want go on; the rest are stopped in aria2.
    """
    with transaction.atomic():
        requests = list(MediaDownloadRef.objects.filter(user=user).values_list("pk", "transfer_id"))
        transfer_ids = [transfer_id for _, transfer_id in requests]
        doomed = User.objects.filter(pk=user.pk)
        if user.is_admin:
            doomed = doomed.filter(_another_admin(user.pk))
        # The check and the delete share one transaction (IMMEDIATE on SQLite: serialized).
        deleted, _ = doomed.delete()
        if deleted:  # the admins' Downloads pages drop the rows that went with the account
            requests_removed([user.pk], [pk for pk, _ in requests])
    if not deleted:
        return False
    release_transfers(set(transfer_ids))
    return True

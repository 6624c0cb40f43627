"""`vodarr createuser --email E --name N --password P [--admin]`: a verified user, at once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vodarr.accounts.models import Role, User
from vodarr.accounts.services import new_user_may_download
from vodarr.accounts.validation import check_email, check_name, check_new_password


class Command(BaseCommand):
    help = "Create a verified user (an administrator with --admin)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--admin", action="store_true", help="give the user the admin role")

    def handle(self, *args: Any, **options: Any) -> None:
        email, name, password = (
            options["email"].strip(),
            options["name"].strip(),
            options["password"],
        )
        errors: dict[str, str] = {}
        check_name(name, errors)
        check_email(email, errors)
        check_new_password(password, None, errors, User(email=email, name=name))
        if errors:
            raise CommandError(" ".join(errors.values()))
        role = Role.ADMIN if options["admin"] else Role.MEMBER
        user = User.objects.create_user(
            email,
            password,
            name=name,
            role=role,
            verified=True,
            may_download_to_server=new_user_may_download(role),
        )
        self.stdout.write(f"Created {user.role} {user.name} <{user.email}> (id {user.pk}).")

"""`vodarr createapikey --email E --name N`: a new API key for that person, printed alone.

Only the key goes to standard output, so a script can capture it
(``KEY=$(vodarr createapikey …)``); anything wrong is an error on standard error.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vodarr.accounts.models import User
from vodarr.api.keys import ApiKeyRefused, create_key


class Command(BaseCommand):
    help = "Create an API key for a user and print it (only it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="whose key (their sign-in email)")
        parser.add_argument("--name", required=True, help="what the key is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["email"].strip(), is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user with the email {options['email']!r}.")
        try:
            new = create_key(user, options["name"])
        except ApiKeyRefused as refused:
            raise CommandError(refused.message) from None
        self.stdout.write(new.plain)

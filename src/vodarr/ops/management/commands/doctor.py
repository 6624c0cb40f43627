"""`vodarr doctor`: say what stands between this installation and running safely.

It runs every system check (Django's deployment checks too when BASE_URL is https), then
looks at what only a running installation can show: the database and its migrations, and
aria2. Each problem is one line a person can act on; the exit status is 1 when there is
any, so scripts and `ExecStartPre=` can use it. ``--fix`` narrows file permissions first.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from vodarr.integrations.aria2 import Aria2Error, Aria2NotInstalled, find_aria2c
from vodarr.integrations.aria2.client import Aria2Client
from vodarr.ops.privacy import exposures


class Command(BaseCommand):
    help = "List what is wrong with this installation (exit status 1 if anything is)."
    # It must run precisely when the checks fail, to say why and fix what it can.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--fix", action="store_true", help="narrow the data directory's file permissions"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["fix"]:
            for exposure in exposures(settings.DATA_DIR, settings.DOWNLOAD_ROOT):
                exposure.fix()
                self.stdout.write(f"Narrowed {exposure.path} to {exposure.wanted:04o}.")
        problems = [*_check_messages(), *_database_problems(), *_aria2_problems()]
        for problem in problems:
            self.stdout.write(f"✗ {problem}")
        if problems:
            raise CommandError(f"{len(problems)} problem(s) found.", returncode=1)
        self.stdout.write("✓ No problems found.")


def _check_messages() -> list[str]:
    deploy = settings.BASE_URL.startswith("https://")
    found = checks.run_checks(include_deployment_checks=deploy)
    return [
        f"{message.msg}" + (f" {message.hint}" if message.hint else "") + f" ({message.id})"
        for message in found
        if message.level >= checks.WARNING and not message.is_silenced()
    ]


def _database_problems() -> list[str]:
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return [f"The database cannot be used: {error}"]
    if plan:
        return [f"{len(plan)} database migration(s) are not applied: run `vodarr migrate`."]
    return []


def _aria2_problems() -> list[str]:
    if not settings.ARIA2_RPC_URL:
        try:
            find_aria2c()
        except Aria2NotInstalled as missing:
            return [missing.message]
        return []
    try:
        with Aria2Client(settings.ARIA2_RPC_URL, settings.ARIA2_RPC_SECRET or None) as client:
            client.get_version()
    except Aria2Error as error:
        return [error.detail]
    return []

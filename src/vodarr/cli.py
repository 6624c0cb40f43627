"""The `vodarr` console command: Django's management commands with Vodarr's settings."""

from __future__ import annotations

import os
import sys

from vodarr.ops.privacy import use_private_umask


def main(argv: list[str] | None = None) -> None:
    # Before anything is created: the database, its journals and aria2's session are secret.
    use_private_umask()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "vodarr"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()

"""Django for an in-process benchmark, on a database and download root of its own."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def django_in_scratch(prefix: str = "vodarr-bench-") -> Iterator[Path]:
    """Django set up with its data and downloads in a temporary directory (yielded)."""
    os.umask(0o077)  # Vodarr's commands refuse a database other users can read
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        root = Path(scratch)
        # Before django.setup(): settings read these once, and the database goes here.
        os.environ["VODARR_DATA_DIR"] = str(root / "data")
        os.environ["DOWNLOAD_ROOT"] = str(root / "downloads")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
        import django

        django.setup()
        yield root

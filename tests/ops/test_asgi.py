"""The web processes' entry point (``vodarr.asgi``) loads at start what every request needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECK = """
import sys
import vodarr.asgi
print(" ".join(name for name in ("vodarr.urls", "vodarr.api.api") if name in sys.modules))
"""


def test_the_url_conf_and_the_api_are_loaded_before_the_first_request(tmp_path: Path) -> None:
    # Django imports the URL conf on the first request: ~310 ms that every web process's
    # first page (and the pages queued behind it) waited for.
    env = os.environ | {
        "VODARR_DATA_DIR": str(tmp_path / "data"),
        "DOWNLOAD_ROOT": str(tmp_path / "downloads"),
        "DJANGO_SETTINGS_MODULE": "vodarr.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["vodarr.urls", "vodarr.api.api"]

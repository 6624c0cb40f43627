"""Links under the real web server (uvicorn, ASGI), the fake provider, and files on disk.

Links are opened with httpx against uvicorn, as a player or a download manager would; they
are made through Django's test client, signed in (the same test database, committed rows).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from django.test import Client

from tests.fakes import FakeProvider
from tests.fixtures.downloads import make_download
from tests.fixtures.server import LiveApp
from vodarr.accounts.models import User
from vodarr.catalog.provider import forget_client
from vodarr.downloads.models import MediaDownloadRef, Status

NOSFERATU = 1  # 256 KiB mp4 (tests/fixtures/provider.py)
METROPOLIS = 2  # 256 KiB mkv
SERIES = 10  # S1E1 10101, S1E2 10102, S2E1 10201
JSON = {"Accept": "application/json"}


@dataclass
class LinkSite:
    app: LiveApp
    provider: FakeProvider
    root: Path
    member: User
    client: Client  # the member, signed in, asking for JSON

    def url(self, link: str) -> str:
        """A handed-out link, or a path, on the live server."""
        return f"{self.app.url}{urlsplit(link).path}"

    def make_link(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.client.post(path, body or {}, content_type="application/json", headers=JSON)
        assert response.status_code == 201, response.content
        payload: dict[str, Any] = response.json()
        return payload

    def get(self, link: str, **headers: str) -> httpx.Response:
        return httpx.get(self.url(link), headers=headers, timeout=20)

    def finished_on_disk(self, media_id: int, content: bytes, **options: Any) -> MediaDownloadRef:
        """A download of the movie that is complete, its file whole in DOWNLOAD_ROOT."""
        output = options.pop("output_path", f"Movies/Film {media_id}/Film {media_id}.mp4")
        ref = make_download(
            self.member,
            media_id,
            status=Status.COMPLETE,
            hold=True,
            output_path=output,
            total_length=len(content),
            completed_length=len(content),
            **options,
        )
        path = self.root / output
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return ref


@pytest.fixture
def site(live_app: LiveApp, settings, fake_provider: FakeProvider, tmp_path: Path, member: User):  # type: ignore[no-untyped-def]
    settings.DOWNLOAD_ROOT = tmp_path / "downloads"
    settings.DOWNLOAD_ROOT.mkdir()
    settings.XTREAM_BASE_URL = fake_provider.base_url
    settings.XTREAM_USERNAME = fake_provider.username
    settings.XTREAM_PASSWORD = fake_provider.password
    settings.ARIA2_RPC_URL = ""  # no aria2: it holds no provider connection here
    settings.BASE_URL = live_app.url  # links are built on it, whoever asks for them
    forget_client()
    client = Client()
    client.force_login(member)
    yield LinkSite(live_app, fake_provider, settings.DOWNLOAD_ROOT, member, client)
    forget_client()


@pytest.fixture
def random_bytes() -> Callable[[int], bytes]:
    return os.urandom

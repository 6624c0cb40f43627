"""Behind an HTTPS reverse proxy: secure cookies, HSTS, the CSP, sign-in that works, and
`vodarr check --deploy` with nothing to say about the documented settings."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from tests.fixtures.processes import isolated_env, run_vodarr
from tests.fixtures.server import LiveApp
from tests.fixtures.users import PASSWORD
from vodarr.accounts.models import User

HTTPS_SETTINGS = {"BASE_URL": "https://vodarr.example.com", "TRUSTED_PROXIES": "127.0.0.1"}


def test_check_deploy_is_clean_with_the_documented_https_settings(tmp_path: Path) -> None:
    result = run_vodarr(isolated_env(tmp_path / "data", **HTTPS_SETTINGS), "check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_says_what_an_https_base_url_without_a_trusted_proxy_breaks(
    tmp_path: Path,
) -> None:
    env = isolated_env(tmp_path / "data", BASE_URL="https://vodarr.example.com")
    result = run_vodarr(env, "check", "--deploy")
    assert "vodarr.W001" in result.stderr + result.stdout
    assert "Set TRUSTED_PROXIES" in result.stderr + result.stdout


@pytest.fixture
def behind_a_proxy(settings, transactional_db: None):  # type: ignore[no-untyped-def]
    settings.BASE_URL = "https://vodarr.example.com"
    settings.ALLOWED_HOSTS = ["vodarr.example.com"]
    settings.CSRF_TRUSTED_ORIGINS = [settings.BASE_URL]
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    app = LiveApp().start()
    yield app
    app.stop()


def test_signing_in_through_the_proxy_works_with_secure_cookies_and_hsts(
    behind_a_proxy: LiveApp, make_user
) -> None:
    member: User = make_user()
    proxy = {"Host": "vodarr.example.com", "X-Forwarded-Proto": "https"}
    with httpx.Client(base_url=behind_a_proxy.url, headers=proxy) as browser:
        page = browser.get("/login")
        assert page.status_code == 200
        assert page.headers["Strict-Transport-Security"].startswith("max-age=3600")
        assert "secure" in page.headers["set-cookie"].lower()
        # httpx keeps secure cookies for https URLs only: carry the token by hand.
        token = re.search(r"XSRF-TOKEN=([^;]+)", page.headers["set-cookie"]).group(1)
        signed_in = browser.post(
            "/login",
            json={"email": member.email, "password": PASSWORD},
            headers={
                "X-XSRF-TOKEN": token,
                "Cookie": f"XSRF-TOKEN={token}",
                "Origin": "https://vodarr.example.com",
                "X-Inertia": "true",
            },
        )
    assert signed_in.status_code == 302, signed_in.text  # not 419
    assert signed_in.headers["Location"] == "/discover"


def test_plain_http_through_the_proxy_is_sent_to_https_but_healthz_is_not(
    behind_a_proxy: LiveApp,
) -> None:
    proxy = {"Host": "vodarr.example.com", "X-Forwarded-Proto": "http"}
    with httpx.Client(base_url=behind_a_proxy.url, headers=proxy) as browser:
        redirect = browser.get("/login")
        assert redirect.status_code == 301
        assert redirect.headers["Location"] == "https://vodarr.example.com/login"
        assert browser.get("/healthz").status_code in (200, 503)  # answered, not redirected


def test_every_page_carries_a_strict_content_security_policy(live_app: LiveApp) -> None:
    page = httpx.get(f"{live_app.url}/login")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "style-src 'self';" in policy + ";"
    assert "unsafe-inline" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = re.findall(r"<script([^>]*)>", page.text)
    inline = [attrs for attrs in scripts if "src=" not in attrs]
    assert all(f'nonce="{nonce}"' in a or 'type="application/json"' in a for a in inline)

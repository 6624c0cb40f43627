"""`vodarr syncmedia`: prints the counts, or one readable line and a non-zero exit."""

from __future__ import annotations

import pytest
from django.core.management import call_command, execute_from_command_line

from tests.fakes import FakeProvider
from vodarr.catalog.models import VodStream

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # run_from_argv closes every connection on the way out, which would end the test's
    # transaction early; the exit status is what these tests check.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)


def test_syncmedia_prints_the_counts(
    provider_in_env: FakeProvider, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("syncmedia")

    out = capsys.readouterr().out
    assert out.startswith("Catalogue synced: 3 movies (3 new, 0 updated, 0 removed), 1 series")
    assert VodStream.objects.count() == 3


def test_syncmedia_fails_with_one_line_and_a_non_zero_exit(
    provider_in_env: FakeProvider, capsys: pytest.CaptureFixture[str]
) -> None:
    provider_in_env.fail_next_api(count=1, status=503)

    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["vodarr", "syncmedia"])

    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("CommandError: Catalogue sync failed: The provider at http://127.0.0.1:")
    assert "503" in err
    assert len(err.splitlines()) == 1
    assert provider_in_env.password not in err


def test_syncmedia_without_a_provider_says_how_to_configure_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        execute_from_command_line(["vodarr", "syncmedia"])

    assert "XTREAM_BASE_URL" in capsys.readouterr().err

"""Vodarr's files are its own: the data directory 0700, everything in it 0600, from the
first byte (umask), checked before any command runs, explained and fixed by `vodarr doctor`."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.fixtures.processes import isolated_env, run_vodarr
from vodarr.ops.privacy import exposures, shared_folder_problem


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_fresh_installation_is_private_and_the_doctor_finds_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = isolated_env(data)

    migrated = run_vodarr(env, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr

    assert mode(data) == 0o700
    assert mode(data / "vodarr.sqlite3") == mode(data / "secret_key") == 0o600
    assert [e.path for e in exposures(data, data / "downloads")] == []
    doctor = run_vodarr(env, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "No problems found" in doctor.stdout


def test_a_readable_file_stops_every_command_until_the_doctor_fixes_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "vodarr.sqlite3").parent.mkdir()
    (data / "vodarr.sqlite3").touch()
    data.chmod(0o755)  # as older versions left them
    (data / "vodarr.sqlite3").chmod(0o644)
    env = isolated_env(data)

    refused = run_vodarr(env, "check")
    assert refused.returncode != 0
    assert f"The file {data / 'vodarr.sqlite3'} can be read by other users (mode 0644)" in (
        refused.stderr
    )
    doctor = run_vodarr(env, "doctor", "--fix")
    assert doctor.returncode == 1  # the migrations are still to run
    assert f"Narrowed {data} to 0700." in doctor.stdout
    assert mode(data) == 0o700 and mode(data / "vodarr.sqlite3") == 0o600
    assert run_vodarr(env, "check").returncode == 0


def test_the_download_root_inside_the_data_directory_is_left_to_its_own_modes(
    tmp_path: Path,
) -> None:
    downloads = tmp_path / "downloads"
    (downloads / "Movies").mkdir(parents=True)
    (downloads / "Movies" / "film.mp4").write_text("x")
    (downloads / "Movies" / "film.mp4").chmod(0o644)
    tmp_path.chmod(0o700)
    (tmp_path / "note").write_text("x")
    (tmp_path / "note").chmod(0o640)
    assert [(e.path, e.wanted) for e in exposures(tmp_path, downloads)] == [
        (tmp_path / "note", 0o600)
    ]


def test_the_aria2_session_may_never_sit_in_the_shared_download_folder(tmp_path: Path) -> None:
    assert shared_folder_problem(tmp_path / "data" / "aria2.session", tmp_path / "media") is None
    problem = shared_folder_problem(tmp_path / "media" / "aria2.session", tmp_path / "media")
    assert problem is not None and "holds the provider password" in problem
    nested = shared_folder_problem(tmp_path / "media" / "d" / "aria2.session", tmp_path / "media")
    assert nested is not None

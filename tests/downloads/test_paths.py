"""Output paths: media-server names, sanitised, never outside DOWNLOAD_ROOT."""

from __future__ import annotations

from pathlib import Path

import pytest

from vodarr.downloads.paths import (
    UnsafePath,
    absolute_path,
    clean_component,
    delete_partial_files,
    episode_output_path,
    movie_output_path,
)


def test_a_movie_lands_in_its_own_folder_with_the_year() -> None:
    assert (
        movie_output_path("Metropolis", 1927, "mkv")
        == "Movies/Metropolis (1927)/Metropolis (1927).mkv"
    )


def test_the_year_is_left_out_when_unknown() -> None:
    assert movie_output_path("Metropolis", None, "mp4") == "Movies/Metropolis/Metropolis.mp4"


def test_an_episode_is_named_for_media_servers() -> None:
    assert episode_output_path("The Show", 2010, 1, 2, "Second", "mp4") == (
        "Shows/The Show (2010)/Season 01/The Show - S01E02 - Second.mp4"
    )


def test_an_episode_without_a_real_title_gets_just_its_code() -> None:
    assert (
        episode_output_path("Show", None, 3, 14, "", "mkv")
        == "Shows/Show/Season 03/Show - S03E14.mkv"
    )
    assert episode_output_path("Show", None, 3, 14, "S03E14", "mkv").endswith("Show - S03E14.mkv")


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "/",
        "a/../../b",
        "\\..\\..\\windows",
        "\x00\x1f..",
        ".hidden",
        "CON",
    ],
)
def test_hostile_names_become_one_safe_component(name: str) -> None:
    component = clean_component(name)
    assert component
    assert "/" not in component and "\\" not in component
    assert not component.startswith(".")
    assert component not in {".", ".."}
    assert component.lower() != "con"
    assert all(ord(ch) >= 32 for ch in component)


def test_a_hostile_movie_name_still_lands_inside_the_root(tmp_path: Path, settings) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    relative = movie_output_path("../../etc/passwd", None, "../../sh")
    target = absolute_path(relative)
    assert target.is_relative_to(tmp_path)
    assert target.name == "etc passwd.sh"


def test_long_names_are_capped_in_bytes_without_breaking_characters() -> None:
    component = clean_component("é" * 500)
    assert len(component.encode()) <= 200
    assert component == "é" * 100
    path = episode_output_path("Ж" * 300, 2020, 1, 1, "ü" * 300, "mp4")
    assert all(len(part.encode()) <= 255 for part in path.split("/"))


def test_colons_become_dashes_and_forbidden_characters_go() -> None:
    assert (
        clean_component('Mission: Impossible <"Dead|Reckoning"?*>')
        == "Mission - Impossible Dead Reckoning"
    )


def test_paths_outside_the_root_are_refused(tmp_path: Path, settings) -> None:
    settings.DOWNLOAD_ROOT = tmp_path
    for relative in ["../outside.mp4", "/etc/passwd", ""]:
        with pytest.raises(UnsafePath):
            absolute_path(relative)


def test_deleting_partials_never_touches_files_outside_the_root(tmp_path: Path, settings) -> None:
    root = tmp_path / "root"
    (root / "Movies" / "X").mkdir(parents=True)
    inside = root / "Movies" / "X" / "X.mp4"
    inside.write_bytes(b"partial")
    (root / "Movies" / "X" / "X.mp4.aria2").write_bytes(b"control")
    outside = tmp_path / "precious.mp4"
    outside.write_bytes(b"keep me")
    (root / "Movies" / "X" / "link.mp4").symlink_to(outside)
    settings.DOWNLOAD_ROOT = root
    deleted = delete_partial_files(
        "Movies/X/X.mp4", [str(outside), str(root / "Movies/X/link.mp4")]
    )
    assert sorted(deleted) == ["Movies/X/X.mp4", "Movies/X/X.mp4.aria2"]
    assert outside.read_bytes() == b"keep me"


@pytest.mark.parametrize(
    "title",
    [
        "The Show - S01E02 - Second",
        "S01E02 - Second",
        "the show: s1e2 Second",
        "1x02 - Second",
        "Second",
    ],
)
def test_the_series_name_and_code_panels_put_in_titles_are_not_repeated(title: str) -> None:
    assert episode_output_path("The Show", 2010, 1, 2, title, "mp4").endswith(
        "/The Show - S01E02 - Second.mp4"
    )


def test_an_episode_title_that_is_only_the_code_leaves_the_code_once() -> None:
    assert episode_output_path("Show", None, 1, 2, "Show - S01E02", "mp4").endswith(
        "/Show - S01E02.mp4"
    )
    assert episode_output_path("Show", None, 1, 2, "S01E20 Finale", "mp4").endswith(
        "S01E02 - S01E20 Finale.mp4"
    )

"""Reading a provider's title: the title itself, its year, quality and languages."""

from __future__ import annotations

import pytest

from vodarr.integrations.xtream.names import (
    LANGUAGE_LABELS,
    LANGUAGE_TAGS,
    group_key,
    parse_name,
    quality_of_height,
)


@pytest.mark.parametrize(
    ("name", "title", "year", "quality", "languages"),
    [
        ("FR| The Movie 4K (2019) [MULTI]", "The Movie", 2019, "4K", ("FR", "MULTI")),
        ("EN - The Movie (2019)", "The Movie", 2019, None, ("EN",)),
        ("4K-EN | Dune: Part Two (2024)", "Dune: Part Two", 2024, "4K", ("EN",)),
        ("The Movie 1080p HEVC", "The Movie", None, "FHD", ()),
        ("|FR| Amélie", "Amélie", None, None, ("FR",)),
        ("The Matrix - 1999", "The Matrix", 1999, None, ()),
        (
            "The Movie (Director's Cut) [VOSTFR]",
            "The Movie (Director's Cut)",
            None,
            None,
            ("VOSTFR",),
        ),
        ("[MULTI] Film UHD", "Film", None, "4K", ("MULTI",)),
        # Titles that look like tags stay titles.
        ("It", "It", None, None, ()),
        ("IT", "IT", None, None, ()),
        ("IT: Chapter Two", "IT: Chapter Two", None, None, ()),
        ("Up (2009)", "Up", 2009, None, ()),
        ("Blade Runner 2049", "Blade Runner 2049", None, None, ()),
        ("AI - The Movie", "AI - The Movie", None, None, ()),
        ("The HD Story of Us", "The HD Story of Us", None, None, ()),
        ("D.O.A.", "D.O.A.", None, None, ()),
        ("4K", "4K", None, None, ()),
    ],
)
def test_a_providers_name_splits_into_title_and_tags(
    name: str, title: str, year: int | None, quality: str | None, languages: tuple[str, ...]
) -> None:
    parsed = parse_name(name)
    assert (parsed.title, parsed.year, parsed.quality, parsed.languages) == (
        title,
        year,
        quality,
        languages,
    )


def test_a_version_names_resolution_then_languages() -> None:
    assert parse_name("FR| Film 4K [MULTI]").version == "2160p FR MULTI"
    assert parse_name("Film FHD").version == "1080p"
    assert parse_name("Film").version == ""


def test_variants_share_a_key_by_tmdb_id_or_by_title_and_year() -> None:
    assert group_key("FR| Dune 4K", 2021, "438631") == group_key("EN| Dune", 2021, "438631")
    assert group_key("FR| Amélie (2001) 4K", None, None) == group_key("Amelie", 2001, "")
    assert group_key("Dune", 2021, None) != group_key("Dune", 1984, None)
    assert group_key("Dune", 2021, "0") == "name:dune:2021"  # "0" is no id


def test_every_language_tag_has_a_label_and_heights_map_to_qualities() -> None:
    assert set(LANGUAGE_TAGS.values()) <= set(LANGUAGE_LABELS)
    assert [quality_of_height(h) for h in (2160, 1080, 800, 720, 576, None)] == [
        "4K",
        "FHD",
        "FHD",
        "HD",
        "SD",
        None,
    ]

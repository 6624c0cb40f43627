"""Variants over the fake catalogue: one card per title, a picker on its page, each person's
preferred version chosen for a click and offered first for a show, distinct files for two
variants."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.downloads.conftest import Stack, stack
from tests.fixtures.users import inertia_client
from vodarr.accounts.models import User
from vodarr.catalog import sync
from vodarr.catalog.models import Category, Kind, Series
from vodarr.catalog.provider import provider_client
from vodarr.catalog.sync import sync_catalogue
from vodarr.downloads.models import MediaDownloadRef
from vodarr.variants.grouping import series_variants
from vodarr.variants.picking import pick_variant

__all__ = ["stack"]

pytestmark = pytest.mark.django_db

DUNE_TMDB = "438631"
FR_4K, EN_FHD, EN_SD, DE_HD = 201, 202, 203, 204
FR_SHOW, EN_SHOW = 20, 21


@pytest.fixture
def variants(stack: Stack) -> Stack:
    provider = stack.provider
    provider.add_category("movie", "9", "German")
    for stream_id, name, category in (
        (FR_4K, "FR| Dune 4K (2021) [MULTI]", "1"),
        (EN_FHD, "EN| Dune (2021) FHD", "1"),
        (EN_SD, "EN| Dune (2021) SD", "1"),
        (DE_HD, "DE| Dune (2021) HD", "9"),
    ):
        provider.add_movie(
            stream_id, name, ext="mkv", year=2021, tmdb_id=DUNE_TMDB, category_id=category
        )
    for series_id, name in ((FR_SHOW, "FR| Harbour Lights"), (EN_SHOW, "EN| Harbour Lights")):
        provider.add_series(series_id, name, {1: [(1, "Pilot")]}, year=2010)
    sync_catalogue(provider_client())
    return stack


def props(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["props"]


def test_variants_of_one_film_are_one_card_wherever_titles_are_listed(
    variants: Stack, as_member: Client
) -> None:
    cards = props(as_member, "/movies?sort=name")["movies"]["data"]
    dune = [card for card in cards if "Dune" in card["name"]]
    assert [(card["id"], card["versions"]) for card in dune] == [(FR_4K, 4)]
    german = Category.objects.get(kind=Kind.MOVIE, provider_id="9")
    in_german = props(as_member, f"/movies?category={german.pk}")["movies"]["data"]
    assert [card["id"] for card in in_german] == [DE_HD]  # the variant that category lists
    # Search shows the variant whose name ranks first for the words typed.
    found = props(as_member, "/search?q=dune")["movies"]
    assert [(card["id"], card["versions"]) for card in found] == [(DE_HD, 4)]
    found = props(as_member, "/search?q=fr+dune")["movies"]
    assert [(card["id"], card["versions"]) for card in found] == [(FR_4K, 4)]
    shows = props(as_member, "/series")["series"]["data"]
    assert [(c["id"], c["versions"]) for c in shows if "Harbour" in c["name"]] == [(FR_SHOW, 2)]
    # The provider drops the card's variant: the next one takes its place at the next sync.
    variants.provider.remove_movie(FR_4K)
    sync_catalogue(provider_client())
    cards = props(as_member, "/movies?sort=name")["movies"]["data"]
    assert [(c["id"], c["versions"]) for c in cards if "Dune" in c["name"]] == [(EN_FHD, 3)]


def test_only_a_sync_that_changed_titles_works_the_groups_out_again(
    variants: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[str] = []
    monkeypatch.setattr(sync, "refresh_groups", lambda model: refreshed.append(model.__name__))

    sync_catalogue(provider_client())  # nothing changed at the provider
    assert refreshed == []

    variants.provider.add_movie(205, "IT| Dune (2021)", year=2021, tmdb_id=DUNE_TMDB)
    sync_catalogue(provider_client())
    assert refreshed == ["VodStream"]


def test_a_title_page_offers_every_variant_and_the_best_one_by_default(
    variants: Stack, as_member: Client
) -> None:
    page = props(as_member, f"/movies/{EN_SD}")

    assert page["preferredVariantId"] == FR_4K  # no preferences: the best quality
    offered = {v["id"]: (v["label"], v["preferred"]) for v in page["variants"]}
    assert offered == {
        FR_4K: ("4K · FR · MULTI", True),
        EN_FHD: ("FHD · EN", False),
        DE_HD: ("HD · DE", False),
        EN_SD: ("SD · EN", False),
    }
    assert props(as_member, f"/movies/{EN_SD}")["movie"]["id"] == EN_SD  # the page stays put


def test_preferences_pick_the_variant_a_click_downloads(
    variants: Stack, as_member: Client, outsider: User
) -> None:
    response = as_member.put(
        "/profile/versions",
        {"languages": ["EN"], "qualities": ["FHD", "4K"]},
        content_type="application/json",
    )
    assert response.status_code == 303
    assert props(as_member, "/profile")["flash"]["success"] == "Preferred versions saved."

    page = props(as_member, f"/movies/{FR_4K}")
    assert page["preferredVariantId"] == EN_FHD
    assert [v["id"] for v in page["variants"]] == [EN_FHD, EN_SD, FR_4K, DE_HD]
    # The Download button posts the preferred variant; another person keeps their own choice.
    assert props(inertia_client(outsider), f"/movies/{FR_4K}")["preferredVariantId"] == FR_4K
    as_member.post(f"/movies/{page['preferredVariantId']}/download")
    as_member.post(f"/movies/{FR_4K}/download")

    paths = {
        ref.downloadable_id: ref.transfer.output_path
        for ref in MediaDownloadRef.objects.select_related("transfer")
    }
    assert paths == {
        EN_FHD: "Movies/Dune (2021)/Dune (2021) - 1080p EN.mkv",
        FR_4K: "Movies/Dune (2021)/Dune (2021) - 2160p FR MULTI.mkv",
    }


def test_the_preferred_listing_of_a_show_is_picked_and_offered_first(
    variants: Stack, as_member: Client, member: User
) -> None:
    show = Series.objects.get(pk=FR_SHOW)
    assert pick_variant(member, series_variants(show)) == show  # no preference: the first

    as_member.put("/profile/versions", {"languages": ["EN", "FR"]}, content_type="application/json")

    assert pick_variant(member, series_variants(show)) == Series.objects.get(pk=EN_SHOW)
    offered = props(as_member, f"/series/{FR_SHOW}")["variants"]
    assert [(v["id"], v["preferred"]) for v in offered] == [(EN_SHOW, True), (FR_SHOW, False)]


def test_the_profile_shows_and_validates_preferences(variants: Stack, as_member: Client) -> None:
    card = props(as_member, "/profile")["versionPreferences"]
    assert card["languages"] == [] and card["qualities"] == ["4K", "FHD", "HD", "SD"]
    assert {"code": "VO", "label": "Original version (VO)"} in card["languageChoices"]

    for body, field, message in (
        ({"languages": ["ZZ"]}, "languages", "Select a valid choice. ZZ is not one of"),
        ({"qualities": ["4K", "4K"]}, "qualities", "Each quality can be listed once."),
        ({"languages": "EN"}, None, None),
    ):
        as_member.put("/profile/versions", body, content_type="application/json")
        errors = props(as_member, "/profile")["errors"]
        if field is None:
            assert errors == {}
        else:
            assert errors[field].startswith(message)
    # A form post says "EN, VO" and the order is kept.
    as_member.put(
        "/profile/versions", "languages=VO,EN", content_type="application/x-www-form-urlencoded"
    )
    assert props(as_member, "/profile")["versionPreferences"]["languages"] == ["VO", "EN"]

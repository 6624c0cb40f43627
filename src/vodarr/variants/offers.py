"""The variant picker of a title page: each variant, its tags, the person's preferred one."""

from __future__ import annotations

from typing import Any

from vodarr.accounts.models import User
from vodarr.catalog.models import Series, VodStream
from vodarr.downloads.listing import latest_downloads_of
from vodarr.downloads.models import MediaType
from vodarr.variants.grouping import movie_probes, movie_variants, series_variants
from vodarr.variants.picking import Preferences, VariantTags, by_preference, tags_of


def movie_offers(user: User, movie: VodStream | None) -> dict[str, Any]:
    """``variants`` (preferred first; [] for a title with no other version) and
    ``preferredVariantId``: what the Download button takes unless the person picks another."""
    members = movie_variants(movie) if movie is not None else []
    if len(members) < 2:
        return {"variants": [], "preferredVariantId": None}
    probes = movie_probes([m.pk for m in members])
    tags = {m.pk: tags_of(m.name, probes.get(m.pk)) for m in members}
    ordered = by_preference(Preferences.of(user), members, tags=lambda m: tags[m.pk])
    return {
        "variants": [
            {
                **_variant(m.pk, m.name, tags[m.pk], preferred=m is ordered[0]),
                "year": m.year,
                "containerExtension": m.container_extension or None,
                "download": latest_downloads_of(user, MediaType.VOD_STREAM, m.pk).get(None),
            }
            for m in ordered
        ],
        "preferredVariantId": ordered[0].pk,
    }


def series_offers(user: User, show: Series | None) -> list[dict[str, Any]]:
    """The show's other listings (its variants), preferred first; [] when it has none."""
    members = series_variants(show) if show is not None else []
    if len(members) < 2:
        return []
    ordered = by_preference(Preferences.of(user), members)
    return [_variant(s.pk, s.name, tags_of(s.name), preferred=s is ordered[0]) for s in ordered]


def _variant(pk: int, name: str, tags: VariantTags, *, preferred: bool) -> dict[str, Any]:
    return {
        "id": pk,
        "name": name,
        "label": tags.label or name,
        "quality": tags.quality,
        "languages": list(tags.languages),
        "preferred": preferred,
    }

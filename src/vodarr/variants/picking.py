"""Which variant a person wants: tags from the provider's name and the probe, ranked by their
preferences.

Language decides first, then quality: someone who prefers English wants the English HD
version over the French 4K one. A variant in none of the listed languages (or whose language
is unknown) comes after those in one; the same for quality. Ties go to the lower id, so the
choice is stable from one page view to the next.

``pick_variant(user, candidates)`` names the one a person prefers; ``by_preference`` orders
them all (the title pages' picker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from vodarr.integrations.xtream.names import (
    ISO_LANGUAGES,
    QUALITIES,
    parse_name,
    quality_of_height,
)
from vodarr.variants.models import VersionPreference


class Titled(Protocol):
    pk: Any
    name: str


T = TypeVar("T", bound=Titled)


@dataclass(frozen=True)
class Preferences:
    languages: tuple[str, ...] = ()
    qualities: tuple[str, ...] = QUALITIES

    @classmethod
    def of(cls, user: Any) -> Preferences:
        """The person's saved preferences; the best quality in any language when none."""
        if user is None or not getattr(user, "pk", None):
            return cls()
        row = VersionPreference.objects.filter(user_id=user.pk).first()
        if row is None:
            return cls()
        qualities = [q for q in row.qualities if q in QUALITIES]
        qualities += [q for q in QUALITIES if q not in qualities]
        return cls(tuple(row.languages), tuple(qualities))


@dataclass(frozen=True)
class VariantTags:
    quality: str | None = None
    languages: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """ "4K · FR · MULTI"; "" when the provider says nothing about the version."""
        return " · ".join([*([self.quality] if self.quality else []), *self.languages])


def tags_of(name: str, probe: dict[str, Any] | None = None) -> VariantTags:
    """Quality and languages from the provider's name, completed by a probe of the file when
    one was downloaded (its height; its audio tracks' languages)."""
    parsed = parse_name(name)
    quality = parsed.quality
    languages = list(parsed.languages)
    if probe:
        quality = quality or quality_of_height(probe.get("height"))
        for code in probe.get("audio_languages") or []:
            language = ISO_LANGUAGES.get(str(code).lower())
            if language and language not in languages:
                languages.append(language)
    return VariantTags(quality, tuple(languages))


def rank(tags: VariantTags, preferences: Preferences) -> tuple[int, int]:
    """Lower is better: (language rank, quality rank)."""
    listed = preferences.languages
    language = min(
        (listed.index(code) for code in tags.languages if code in listed), default=len(listed)
    )
    qualities = preferences.qualities
    quality = qualities.index(tags.quality) if tags.quality in qualities else len(qualities)
    return language, quality


def pick_variant(
    user: Any,
    candidates: Sequence[T],
    *,
    tags: Callable[[T], VariantTags] | None = None,
) -> T | None:
    """The candidate ``user`` prefers (None when there are none).

    ``candidates`` are the variants of one title (catalogue ``VodStream`` or ``Series`` rows,
    or anything with ``pk`` and ``name``); ``tags`` overrides how a candidate's quality and
    languages are read (by default from its name).
    """
    ordered = by_preference(Preferences.of(user), candidates, tags=tags)
    return ordered[0] if ordered else None


def by_preference(
    preferences: Preferences,
    candidates: Sequence[T],
    *,
    tags: Callable[[T], VariantTags] | None = None,
) -> list[T]:
    """``candidates``, the preferred first."""
    describe = tags or (lambda candidate: tags_of(candidate.name))
    return sorted(candidates, key=lambda c: (rank(describe(c), preferences), c.pk))

"""What a provider's title says besides the title: quality, languages, year.

Panels name the same film many ways: ``FR| The Movie 4K (2019) [MULTI]``, ``EN - The Movie
(2019)``, ``The Movie FHD``. ``parse_name`` splits such a name into the title a media
server should see ("The Movie"), the year, a quality (4K, FHD, HD, SD) and languages
(MULTI, FR, EN…), by a table of the tags panels use, not by guessing:

- a prefix of tags before ``|`` or ``:`` (``FR|``, ``4K-EN |``) is read as tags;
- a bracketed group (``[MULTI]``, ``(4K)``, ``(2019)``) is read when every word in it is a
  tag or it is a year; ``(Director's Cut)`` stays in the title;
- trailing words are read as tags only when written in capitals (``The Movie 4K FR``), and
  never when nothing would be left: "It" and "Up" are films.

``group_key`` names the film whatever the variant: its TMDB id when the provider gives one,
else the normalised title and year.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

QUALITIES = ("4K", "FHD", "HD", "SD")  # best first
_QUALITY_TAGS = {
    "4K": "4K",
    "UHD": "4K",
    "2160P": "4K",
    "FHD": "FHD",
    "FULLHD": "FHD",
    "1080P": "FHD",
    "1080I": "FHD",
    "HD": "HD",
    "720P": "HD",
    "SD": "SD",
    "480P": "SD",
    "576P": "SD",
}
# Resolution words for file names, as Jellyfin lists versions.
RESOLUTIONS = {"4K": "2160p", "FHD": "1080p", "HD": "720p", "SD": "480p"}
LANGUAGE_TAGS = {
    "MULTI": "MULTI",
    "MULTISUB": "MULTI",
    "DUAL": "MULTI",
    "VO": "VO",
    "VOST": "VOST",
    "VOSTFR": "VOSTFR",
    "SUB": "SUB",
    "SUBS": "SUB",
    "FR": "FR",
    "FRE": "FR",
    "FRA": "FR",
    "FRENCH": "FR",
    "TRUEFRENCH": "FR",
    "VF": "FR",
    "VFF": "FR",
    "VFQ": "FR",
    "VFI": "FR",
    "EN": "EN",
    "ENG": "EN",
    "ENGLISH": "EN",
    "UK": "EN",
    "US": "EN",
    "DE": "DE",
    "GER": "DE",
    "GERMAN": "DE",
    "ES": "ES",
    "SPA": "ES",
    "LAT": "ES",
    "IT": "IT",
    "ITA": "IT",
    "NL": "NL",
    "PT": "PT",
    "BR": "PT",
    "PL": "PL",
    "TR": "TR",
    "AR": "AR",
    "RU": "RU",
    "SE": "SV",
    "SV": "SV",
    "NO": "NO",
    "DK": "DA",
    "FI": "FI",
    "GR": "EL",
    "HU": "HU",
    "RO": "RO",
    "CZ": "CS",
    "JP": "JA",
    "KR": "KO",
    "HI": "HI",
}
# What each language tag means, in the order a person picks from.
LANGUAGE_LABELS = {
    "EN": "English",
    "FR": "French",
    "DE": "German",
    "ES": "Spanish",
    "IT": "Italian",
    "NL": "Dutch",
    "PT": "Portuguese",
    "PL": "Polish",
    "TR": "Turkish",
    "AR": "Arabic",
    "RU": "Russian",
    "SV": "Swedish",
    "NO": "Norwegian",
    "DA": "Danish",
    "FI": "Finnish",
    "EL": "Greek",
    "HU": "Hungarian",
    "RO": "Romanian",
    "CS": "Czech",
    "JA": "Japanese",
    "KO": "Korean",
    "HI": "Hindi",
    "MULTI": "Several languages (MULTI)",
    "VO": "Original version (VO)",
    "VOST": "Original, subtitled (VOST)",
    "VOSTFR": "Original, French subtitles (VOSTFR)",
    "SUB": "Subtitled",
}
QUALITY_LABELS = {"4K": "4K (2160p)", "FHD": "Full HD (1080p)", "HD": "HD (720p)", "SD": "SD"}
# Words panels add that say nothing a person chooses by: dropped from the title.
_NOISE_TAGS = frozenset(
    {
        "HEVC",
        "H264",
        "H265",
        "X264",
        "X265",
        "HDR",
        "HDR10",
        "DV",
        "10BIT",
        "AAC",
        "AC3",
        "DTS",
        "ATMOS",
        "WEB",
        "WEBDL",
        "WEB-DL",
        "WEBRIP",
        "BLURAY",
        "BDRIP",
        "REMUX",
        "VOD",
        "NEW",
    }
)
# ISO 639-2 codes (what ffprobe reports for audio tracks) to the tags above.
ISO_LANGUAGES = {
    "eng": "EN",
    "fre": "FR",
    "fra": "FR",
    "ger": "DE",
    "deu": "DE",
    "spa": "ES",
    "ita": "IT",
    "dut": "NL",
    "nld": "NL",
    "por": "PT",
    "pol": "PL",
    "tur": "TR",
    "ara": "AR",
    "rus": "RU",
    "swe": "SV",
    "nor": "NO",
    "dan": "DA",
    "fin": "FI",
    "gre": "EL",
    "ell": "EL",
    "hun": "HU",
    "rum": "RO",
    "ron": "RO",
    "cze": "CS",
    "ces": "CS",
    "jpn": "JA",
    "kor": "KO",
    "hin": "HI",
}
_PREFIX = re.compile(r"^\s*[\[|]?\s*([A-Za-z0-9][A-Za-z0-9 .+/-]{0,24}?)\s*([|\]]|:|\s-)\s*(?=\S)")
# Tags that are also words a title may start with ("IT: Chapter Two", "US - The Story"):
# read as tags only before "|" or in brackets, never before ":" or " - ".
_AMBIGUOUS = frozenset({"IT", "NO", "US", "HI"})
_GROUP = re.compile(r"[\[(]([^\[\]()]{1,40})[\])]")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_DASH_YEAR = re.compile(r"\s[-\u2013]\s*((?:19|20)\d{2})\s*$")
_WORD_SPLIT = re.compile(r"[\s/+,._-]+")
# Where a tag can be: a separator of a prefix, a bracket, a dash before a year.
_NOT_WORD = re.compile(r"[^\w]+")
_MARKERS = re.compile(r"[|:\[\]()\u2013]|\s-")
_RESOLUTION_WORD = re.compile(r"\d{3,4}[pPiI]|4[kK]")  # "1080p", "4k": tags in any case


@dataclass(frozen=True)
class ParsedName:
    title: str
    year: int | None = None
    quality: str | None = None  # one of QUALITIES
    languages: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """How a media server tells this version from others: "2160p MULTI", "FR", ""."""
        words = [RESOLUTIONS[self.quality]] if self.quality else []
        return " ".join([*words, *self.languages])


class _Tags:
    def __init__(self) -> None:
        self.quality: str | None = None
        self.languages: list[str] = []
        self.year: int | None = None

    def take(self, word: str) -> bool:
        """Record ``word`` if it is a tag; False if it is not one."""
        key = word.upper().replace(".", "")
        if key in _QUALITY_TAGS:
            quality = _QUALITY_TAGS[key]
            if self.quality is None or QUALITIES.index(quality) < QUALITIES.index(self.quality):
                self.quality = quality
            return True
        if key in LANGUAGE_TAGS:
            language = LANGUAGE_TAGS[key]
            if language not in self.languages:
                self.languages.append(language)
            return True
        return key in _NOISE_TAGS

    def take_all(self, text: str) -> bool:
        """Record every word of ``text`` if all are tags (or a year); else record nothing."""
        words = [w for w in _WORD_SPLIT.split(text.strip()) if w]
        if len(words) == 1 and _YEAR.match(words[0]):
            self.year = self.year or int(words[0])
            return True
        probe = _Tags()
        if not words or not all(probe.take(w) for w in words):
            return False
        for word in words:
            self.take(word)
        return True


def parse_name(name: str) -> ParsedName:
    """Split a provider's title into the title itself and the tags around it."""
    text = " ".join((name or "").split())
    if not _MARKERS.search(text) and not _tag_word(text.rpartition(" ")[2]):
        return ParsedName(text)  # most names carry no tag at all: a sync reads 50,000 of them
    tags = _Tags()
    prefix = _PREFIX.match(text)
    if prefix and _prefix_is_tags(prefix) and tags.take_all(prefix.group(1)):
        text = text[prefix.end() :]

    def group(match: re.Match[str]) -> str:
        return " " if tags.take_all(match.group(1)) else match.group(0)

    text = _GROUP.sub(group, text)
    dash_year = _DASH_YEAR.search(text)
    if dash_year:
        tags.year = tags.year or int(dash_year.group(1))
        text = text[: dash_year.start()]
    words = text.split()
    while len(words) > 1 and _tag_word(words[-1]) and tags.take(words[-1].strip("-|:")):
        words.pop()
    title = " ".join(words).strip(" -|:\u2013")
    if not title:  # the name was nothing but tags: keep it as it was rather than lose it
        title = " ".join((name or "").split())
    return ParsedName(title, tags.year, tags.quality, tuple(tags.languages))


def _prefix_is_tags(prefix: re.Match[str]) -> bool:
    words, separator = prefix.group(1), prefix.group(2).strip()
    if separator in ("|", "]"):
        return True
    return words == words.upper() and words.strip().upper() not in _AMBIGUOUS


def _tag_word(word: str) -> bool:
    """A trailing word counts as a tag only when written like one: "FHD", "1080p", "VF"."""
    bare = word.strip("-|:")
    return bool(bare) and (bare.isupper() or _RESOLUTION_WORD.fullmatch(bare) is not None)


def fold_title(title: str) -> str:
    """Lower case, no accents, no punctuation: "Amélie: Le Film" → "amelie le film"."""
    plain = title.casefold()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def group_key(name: str, year: int | None, tmdb_id: str | None) -> str:
    """One key for every variant of one title: ``tmdb:603`` or ``name:the matrix:1999``."""
    tmdb = (tmdb_id or "").strip()
    if tmdb.isdigit() and int(tmdb) > 0:
        return f"tmdb:{int(tmdb)}"
    parsed = parse_name(name)
    return f"name:{fold_title(parsed.title)}:{year or parsed.year or ''}"[:160]


def quality_of_height(height: int | None) -> str | None:
    """The quality a probed video's height means (a 1920x800 scope film is still FHD)."""
    if not height:
        return None
    if height >= 1600:
        return "4K"
    if height >= 800:
        return "FHD"
    if height >= 600:
        return "HD"
    return "SD"

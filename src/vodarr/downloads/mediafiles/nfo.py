"""``.nfo`` documents in the element names Jellyfin and Kodi document.

Movie: ``<movie>`` with title, originaltitle, year, premiered, runtime (minutes), plot,
rating (and Kodi's ``ratings``), genre, director, actor/name, tmdbid and
``uniqueid type="tmdb"``. Show: ``<tvshow>`` likewise. Episode: ``<episodedetails>`` with
title, showtitle, season, episode, plot, aired, runtime.

Every document we write starts with a comment holding the SHA-256 of the XML after it. A
file whose comment is missing or whose hash no longer matches was written or edited by a
person: ``is_ours_unedited`` says so, and Vodarr leaves it alone.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from vodarr.integrations.xtream.models import Episode, SeriesInfo, VodInfo

MARKER = "Written by Vodarr"
_DECLARATION = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'
_MARKER_LINE = re.compile(rb"<!-- " + MARKER.encode() + rb" \(sha256:([0-9a-f]{64})\)[^>]*-->\n")
# Characters XML 1.0 cannot carry at all, even escaped: a provider's text may hold them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def movie_nfo(info: VodInfo, *, title: str) -> bytes:
    root = ET.Element("movie")
    _text(root, "title", title)
    if info.original_name and info.original_name != title:
        _text(root, "originaltitle", info.original_name)
    _common(root, info.year, info.release_date, info.duration_secs, info.plot, info.rating)
    _people(root, genre=info.genre, director=info.director, cast=info.cast)
    _tmdb(root, info.tmdb_id)
    return _document(root)


def tvshow_nfo(info: SeriesInfo, *, title: str) -> bytes:
    root = ET.Element("tvshow")
    _text(root, "title", title)
    _common(root, info.year, None, info.episode_run_time_secs, info.plot, info.rating)
    _people(root, genre=info.genre, director=info.director, cast=info.cast)
    _tmdb(root, info.tmdb_id)
    return _document(root)


def episode_nfo(show: SeriesInfo, episode: Episode, *, title: str, show_title: str) -> bytes:
    root = ET.Element("episodedetails")
    _text(root, "title", title or f"Episode {episode.episode_num}")
    _text(root, "showtitle", show_title)
    _text(root, "season", str(episode.season))
    _text(root, "episode", str(episode.episode_num))
    _text(root, "plot", episode.plot)
    _text(root, "aired", episode.air_date)
    if episode.duration_secs:
        _text(root, "runtime", str(round(episode.duration_secs / 60)))
    if episode.rating is not None:
        _text(root, "rating", f"{episode.rating:g}")
    return _document(root)


def is_ours_unedited(content: bytes) -> bool:
    """Whether ``content`` is a document we wrote, unchanged since."""
    if not content.startswith(_DECLARATION.encode()):
        return False
    rest = content[len(_DECLARATION) :]
    marker = _MARKER_LINE.match(rest)
    if marker is None:
        return False
    body = rest[marker.end() :]
    return hashlib.sha256(body).hexdigest() == marker.group(1).decode()


# -- pieces ------------------------------------------------------------------------------------


def _document(root: ET.Element) -> bytes:
    ET.indent(root)
    body = (ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    marker = f"<!-- {MARKER} (sha256:{digest}). Edit freely: an edited file is left alone. -->\n"
    return (_DECLARATION + marker).encode("utf-8") + body


def _text(parent: ET.Element, tag: str, value: str | None) -> ET.Element | None:
    value = _NOT_XML.sub("", value or "").strip()
    if not value:
        return None
    element = ET.SubElement(parent, tag)
    element.text = value
    return element


def _common(
    root: ET.Element,
    year: int | None,
    premiered: str | None,
    duration_secs: int | None,
    plot: str,
    rating: float | None,
) -> None:
    if year:
        _text(root, "year", str(year))
    if premiered and re.fullmatch(r"\d{4}-\d{2}-\d{2}", premiered):
        _text(root, "premiered", premiered)
    if duration_secs:
        _text(root, "runtime", str(round(duration_secs / 60)))
    _text(root, "plot", plot)
    if rating is not None:
        _text(root, "rating", f"{rating:g}")
        ratings = ET.SubElement(root, "ratings")
        entry = ET.SubElement(
            ratings, "rating", {"name": "default", "max": "10", "default": "true"}
        )
        _text(entry, "value", f"{rating:g}")


def _people(root: ET.Element, *, genre: str, director: str, cast: str) -> None:
    for name in _names(genre, r"[,/|]"):
        _text(root, "genre", name)
    for name in _names(director, r"[,|]"):
        _text(root, "director", name)
    for order, name in enumerate(_names(cast, r"[,|]")):
        actor = ET.SubElement(root, "actor")
        _text(actor, "name", name)
        _text(actor, "order", str(order))


def _tmdb(root: ET.Element, tmdb_id: str | None) -> None:
    tmdb = (tmdb_id or "").strip()
    if tmdb.isdigit():
        _text(root, "tmdbid", tmdb)
        unique = _text(root, "uniqueid", tmdb)
        if unique is not None:
            unique.set("type", "tmdb")
            unique.set("default", "true")


def _names(text: str, separators: str) -> Iterable[str]:
    seen: list[str] = []
    for part in re.split(separators, text or ""):
        name = part.strip()
        if name and name not in seen:
            seen.append(name)
    return seen[:50]  # a cast list of hundreds is a provider's mistake, not a credit roll

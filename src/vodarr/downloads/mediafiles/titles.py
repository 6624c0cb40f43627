"""What to write beside one finished movie or episode, from the provider's details.

``write_media_files`` runs in the media-files writer's thread (``worker.mediafiles``): it
asks the provider (its client caches, with timeouts) and fetches pictures through the one
door for them (``integrations.fetch``), then writes into the title's folders:

- a movie: ``movie.nfo``, ``poster.*`` and ``fanart.*`` in ``Movies/Name (Year)/``;
- an episode: ``tvshow.nfo``, ``poster.*``, ``fanart.*`` and ``seasonNN-poster.*`` in
  ``Shows/Name (Year)/``, and ``<episode file>.nfo`` and ``<episode file>-thumb.*`` beside
  the episode in its season folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from vodarr.downloads.mediafiles.nfo import episode_nfo, movie_nfo, tvshow_nfo
from vodarr.downloads.mediafiles.writing import Outcome, TitleFolder
from vodarr.downloads.paths import plain_episode_title
from vodarr.integrations.fetch import FetchError, Image, fetch_image
from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.names import parse_name

logger = logging.getLogger("vodarr.worker")


@dataclass(frozen=True)
class MediaFilesJob:
    """One finished file, as plain data (built where the database is)."""

    output_path: str  # relative to DOWNLOAD_ROOT
    media_id: int
    episode_id: str | None = None  # None: a movie

    @property
    def is_episode(self) -> bool:
        return self.episode_id is not None


@dataclass
class Written:
    """What one job did, file name → outcome, for logs and tests."""

    files: dict[str, Outcome] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    retry: bool = False  # the provider could not answer now: try again later


def write_media_files(job: MediaFilesJob, xtream: XtreamClient, *, user_agent: str) -> Written:
    """Write the job's documents and pictures; provider or fetch failures are noted, not raised
    (``XtreamError`` for the details is raised: without them there is nothing to write)."""
    written = Written()
    parts = PurePosixPath(job.output_path).parts

    def fetch(url: str) -> Callable[[], Image]:
        return lambda: fetch_image(url, user_agent=user_agent)

    if not job.is_episode:
        if len(parts) < 3 or parts[0] != "Movies":
            raise ValueError(f"Not a movie's path: {job.output_path!r}")
        info = xtream.vod_info(job.media_id)
        folder = TitleFolder(str(PurePosixPath(*parts[:-1])))
        title = parse_name(info.name).title
        _document(written, folder, "movie.nfo", movie_nfo(info, title=title))
        _picture(written, folder, "poster", info.poster, fetch)
        _picture(written, folder, "fanart", info.backdrop, fetch)
        return written
    if len(parts) < 4 or parts[0] != "Shows":
        raise ValueError(f"Not an episode's path: {job.output_path!r}")
    show = xtream.series_info(job.media_id)
    episode = show.episode_by_id(job.episode_id or "")
    show_folder = TitleFolder(str(PurePosixPath(*parts[:-2])))
    season_folder = TitleFolder(str(PurePosixPath(*parts[:-1])))
    show_title = parse_name(show.name).title
    _document(written, show_folder, "tvshow.nfo", tvshow_nfo(show, title=show_title))
    _picture(written, show_folder, "poster", show.poster, fetch)
    _picture(written, show_folder, "fanart", show.backdrop, fetch)
    if episode is None:
        written.problems.append("the provider no longer lists this episode")
        return written
    season = next((s for s in show.seasons if s.season_number == episode.season), None)
    cover = season.cover if season is not None else None
    _picture(written, show_folder, f"season{episode.season:02d}-poster", cover, fetch)
    stem = PurePosixPath(parts[-1]).stem
    title = plain_episode_title(show.name, episode.season, episode.episode_num, episode.title)
    document = episode_nfo(show, episode, title=title, show_title=show_title)
    _document(written, season_folder, f"{stem}.nfo", document)
    _picture(written, season_folder, f"{stem}-thumb", episode.image, fetch)
    return written


def _document(written: Written, folder: TitleFolder, name: str, content: bytes) -> None:
    written.files[name] = folder.write_document(name, content)


def _picture(
    written: Written,
    folder: TitleFolder,
    stem: str,
    url: str | None,
    fetch: Callable[[str], Callable[[], Image]],
) -> None:
    if not url:
        return
    try:
        written.files[stem] = folder.save_picture(stem, fetch(url))
    except FetchError as error:
        written.problems.append(f"{stem}: {error.message}")

"""Building a request and its transfer for a movie or an episode (the spec's factory methods).

``from_vod_stream`` and ``from_series_and_episode`` return an unsaved ``Planned``: the
person's request and the transfer that would write the file if nobody else is already
writing it (``starting`` decides whether to join an existing transfer instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, MediaType, Transfer, media_identity, new_gid
from vodarr.downloads.paths import episode_output_path, movie_output_path, plain_episode_title
from vodarr.integrations.xtream.models import Episode, SeriesInfo, VodInfo
from vodarr.integrations.xtream.names import parse_name


@dataclass
class Planned:
    """One person's request for one media and the transfer it would need (both unsaved)."""

    request: MediaDownloadRef
    transfer: Transfer

    @property
    def identity(self) -> str:
        t = self.transfer
        return media_identity(t.downloadable_type, t.downloadable_id, t.episode_id)


def from_vod_stream(movie: VodInfo, user: User, *, extension: str) -> Planned:
    """A request and transfer for ``movie``, with its media-server path.

    The path carries the title without the provider's tags ("FR| Film 4K" is "Film"), and the
    version the tags name ("Film (2019) - 2160p FR.mkv"), so variants share a folder.
    """
    name = parse_name(movie.name)
    transfer = Transfer(
        gid=new_gid(),
        downloadable_type=MediaType.VOD_STREAM,
        downloadable_id=movie.stream_id,
        container_extension=extension,
        output_path=movie_output_path(
            name.title, movie.year or name.year, extension, version=name.version
        ),
        expected_duration_secs=movie.duration_secs,
    )
    request = MediaDownloadRef(
        user=user,
        downloadable_type=MediaType.VOD_STREAM,
        downloadable_id=movie.stream_id,
        title=movie.name,
        poster=movie.poster or "",
        year=movie.year,
    )
    request.dedupe_key = request.media_key()
    return Planned(request, transfer)


def from_series_and_episode(series: SeriesInfo, episode: Episode, user: User) -> Planned:
    """A request and transfer for one episode of ``series``, with its media-server path."""
    extension = episode.container_extension or "mp4"
    transfer = Transfer(
        gid=new_gid(),
        downloadable_type=MediaType.SERIES,
        downloadable_id=series.series_id,
        episode_id=episode.id,
        container_extension=extension,
        output_path=episode_output_path(
            parse_name(series.name).title,
            series.year,
            episode.season,
            episode.episode_num,
            plain_episode_title(series.name, episode.season, episode.episode_num, episode.title),
            extension,
        ),
        expected_duration_secs=episode.duration_secs,
    )
    request = MediaDownloadRef(
        user=user,
        downloadable_type=MediaType.SERIES,
        downloadable_id=series.series_id,
        episode_id=episode.id,
        season=episode.season,
        episode=episode.episode_num,
        title=series.name,
        episode_title=plain_episode_title(
            series.name, episode.season, episode.episode_num, episode.title
        ),
        poster=episode.image or series.poster or "",
        year=series.year,
    )
    request.dedupe_key = request.media_key()
    return Planned(request, transfer)

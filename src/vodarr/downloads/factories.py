"""Building MediaDownloadRef rows for a movie or an episode (the spec's factory methods)."""

from __future__ import annotations

from vodarr.accounts.models import User
from vodarr.downloads.models import MediaDownloadRef, MediaType, media_key
from vodarr.downloads.paths import episode_output_path, movie_output_path, plain_episode_title
from vodarr.integrations.xtream.models import Episode, SeriesInfo, VodInfo


def from_vod_stream(gid: str, movie: VodInfo, user: User, *, extension: str) -> MediaDownloadRef:
    """An unsaved ref for ``movie``, with its media-server path."""
    return MediaDownloadRef(
        gid=gid,
        user=user,
        downloadable_type=MediaType.VOD_STREAM,
        downloadable_id=movie.stream_id,
        dedupe_key=media_key(user.pk, MediaType.VOD_STREAM, movie.stream_id, None),
        title=movie.name,
        poster=movie.poster or "",
        year=movie.year,
        container_extension=extension,
        output_path=movie_output_path(movie.name, movie.year, extension),
    )


def from_series_and_episode(
    gid: str, series: SeriesInfo, episode: Episode, user: User
) -> MediaDownloadRef:
    """An unsaved ref for one episode of ``series``, with its media-server path."""
    extension = episode.container_extension or "mp4"
    return MediaDownloadRef(
        gid=gid,
        user=user,
        downloadable_type=MediaType.SERIES,
        downloadable_id=series.series_id,
        episode_id=episode.id,
        season=episode.season,
        episode=episode.episode_num,
        dedupe_key=media_key(user.pk, MediaType.SERIES, series.series_id, episode.id),
        title=series.name,
        episode_title=plain_episode_title(
            series.name, episode.season, episode.episode_num, episode.title
        ),
        poster=episode.image or series.poster or "",
        year=series.year,
        container_extension=extension,
        output_path=episode_output_path(
            series.name, series.year, episode.season, episode.episode_num, episode.title, extension
        ),
    )

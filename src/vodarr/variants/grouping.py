"""The variants of one catalogue title: every row sharing its ``group_key``."""

from __future__ import annotations

from typing import Any

from vodarr.catalog.models import Series, VodStream
from vodarr.downloads.models import MediaType, Status, Transfer, media_identity

MAX_VARIANTS = 30  # a group this large is a provider listing one title in every category


def movie_variants(movie: VodStream) -> list[VodStream]:
    """The movie and its variants, by id; just the movie when it has none."""
    if not movie.group_key:
        return [movie]
    return list(
        VodStream.objects.filter(group_key=movie.group_key).order_by("stream_id")[:MAX_VARIANTS]
    )


def series_variants(show: Series) -> list[Series]:
    """The show and its variants (other listings of it), by id."""
    if not show.group_key:
        return [show]
    return list(
        Series.objects.filter(group_key=show.group_key).order_by("series_id")[:MAX_VARIANTS]
    )


def movie_probes(stream_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What was found inside each movie's downloaded file, for those downloaded and checked."""
    keys = {media_identity(MediaType.VOD_STREAM, sid, None): sid for sid in stream_ids}
    rows = Transfer.objects.filter(media_key__in=list(keys), status=Status.COMPLETE).values_list(
        "media_key", "probe"
    )
    return {keys[key]: probe for key, probe in rows if key in keys and probe}

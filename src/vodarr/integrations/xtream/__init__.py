"""Xtream Codes client (no Django imports): lenient typed parsing and media URL building.

Import from here: ``from vodarr.integrations.xtream import XtreamClient, XtreamError``.
"""

from vodarr.integrations.xtream.client import XtreamClient
from vodarr.integrations.xtream.errors import (
    XtreamAuthError,
    XtreamError,
    XtreamInvalidURL,
    XtreamNotFound,
    XtreamUnreachable,
)
from vodarr.integrations.xtream.models import (
    AccountInfo,
    Category,
    Episode,
    MovieData,
    Season,
    SeriesInfo,
    SeriesSummary,
    ServerInfo,
    UserInfo,
    VodInfo,
    VodStream,
)
from vodarr.integrations.xtream.urls import (
    clean_extension,
    episode_url,
    movie_url,
    normalize_base_url,
)

__all__ = [
    "AccountInfo",
    "Category",
    "Episode",
    "MovieData",
    "Season",
    "SeriesInfo",
    "SeriesSummary",
    "ServerInfo",
    "UserInfo",
    "VodInfo",
    "VodStream",
    "XtreamAuthError",
    "XtreamClient",
    "XtreamError",
    "XtreamInvalidURL",
    "XtreamNotFound",
    "XtreamUnreachable",
    "clean_extension",
    "episode_url",
    "movie_url",
    "normalize_base_url",
]

"""The API's shapes of the catalogue: cards, search, categories and title details."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

from vodarr.api.schemas.downloads import DownloadItem


class DownloadBadge(Schema):
    """What the server has of a title, whoever asked for it."""

    state: Literal["downloaded", "downloading", "queued", "paused", "failed"]
    percent: float | None
    done: int
    files: int


class Card(Schema):
    id: int
    name: str
    poster: str | None
    year: int | None
    rating: float | None
    kind: Literal["movie", "series"]
    versions: int
    download: DownloadBadge | None = None


class SearchOut(Schema):
    q: str
    movies: list[Card]
    series: list[Card]


class Category(Schema):
    id: int
    name: str


class MenuCategory(Category):
    pinned: bool | None = None


class CategoriesOut(Schema):
    movies: list[MenuCategory]
    series: list[MenuCategory]


class TechnicalDetails(Schema):
    """What the provider's own probe says about a file; every field may be missing."""

    width: int | None
    height: int | None
    videoCodec: str | None
    videoProfile: str | None
    frameRate: float | None
    hdr: str | None
    audioCodec: str | None
    audioChannels: int | None
    audioLayout: str | None
    audioLanguage: str | None
    bitrateKbps: float | None


class TitleDetail(Schema):
    """What a movie's and a series' pages both say about the title."""

    id: int
    name: str
    poster: str | None
    backdrop: str | None
    plot: str | None
    year: int | None
    rating: float | None
    genre: str | None
    cast: str | None
    director: str | None
    trailer: str | None = Field(..., description="A link to the trailer, or null.")


class MovieDetail(TitleDetail):
    durationSecs: int | None
    releaseDate: str | None
    containerExtension: str | None
    category: Category | None
    technical: TechnicalDetails | None


class Variant(Schema):
    id: int
    name: str
    label: str
    quality: str | None
    languages: list[str]
    preferred: bool


class MovieVariant(Variant):
    year: int | None
    containerExtension: str | None
    download: DownloadItem | None


class MovieOut(Schema):
    movie: MovieDetail
    download: DownloadItem | None
    variants: list[MovieVariant]
    preferredVariantId: int | None
    badge: DownloadBadge | None = Field(..., description="The file on the server, whoever asked.")
    providerError: str | None


class SeriesDetail(TitleDetail):
    pass


class Episode(Schema):
    id: str
    season: int
    episode: int
    title: str | None
    durationSecs: int | None
    plot: str | None
    image: str | None
    technical: TechnicalDetails | None
    download: DownloadItem | None = Field(..., description="Your own download of it.")
    badge: DownloadBadge | None = Field(..., description="The file on the server.")


class Season(Schema):
    number: int
    name: str | None
    episodes: list[Episode]


class SeriesOut(Schema):
    series: SeriesDetail
    seasons: list[Season]
    variants: list[Variant]
    providerError: str | None
    monitor: dict[str, Any] | None = Field(None, description="Your monitor of this series.")

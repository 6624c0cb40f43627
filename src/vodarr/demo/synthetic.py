"""A big, deterministic catalogue, the size of a large real provider, for benchmarks.

Large providers list 150,000+ films and 30,000+ series; ``big_catalogue()`` builds one of
any size from a fixed seed, with varied names (common and rare words, accents, numbers) so
searching it is as realistic as syncing it. Each show gets one or two short episodes: enough
for a detail page and a ``last_modified``, cheap enough for 40,000 shows.
"""

from __future__ import annotations

import random

from vodarr.demo.catalogue import (
    Catalogue,
    FakeCategory,
    FakeEpisode,
    FakeMovie,
    FakeSeries,
    episode_id_for,
)

ADJECTIVES = (
    "Dark", "Silent", "Last", "Lost", "Broken", "Golden", "Hidden", "Crimson", "Frozen",
    "Wild", "Eternal", "Secret", "Burning", "Electric", "Hollow", "Iron", "Little", "Long",
    "Midnight", "Northern", "Quiet", "Red", "Shattered", "Twisted", "Velvet", "White",
)  # fmt: skip
NOUNS = (
    "Night", "Star", "River", "Dead", "Love", "Ghost", "City", "Kingdom", "Shadow", "Storm",
    "Garden", "Empire", "Horizon", "Harbour", "Mountain", "Promise", "Road", "Secret", "Sky",
    "Summer", "Train", "Wolf", "Heart", "Island", "Station", "Mirror", "Hunter", "Dream",
)  # fmt: skip
NAMES = (
    "Amélie", "José", "Zoë", "Björn", "Anna", "Marcus", "Léa", "Tomás", "Ingrid", "Chloé",
    "Dmitri", "Yusuf", "Hana", "Øystein", "Renée", "François", "Noah", "Saoirse",
)  # fmt: skip
PATTERNS = (
    "The {adj} {noun}",
    "{noun} of the {noun2}",
    "{name}'s {noun}",
    "{adj} {noun} {n}",
    "A {noun} in {place}",
    "{noun}: {adj} {noun2}",
    "The {noun} ({year})",
    "{adj} {noun2}",
)
# "Zanzibar" is the rare word: about one title in a hundred has it.
PLACES = ("Paris", "Tokyo", "Zanzibar", "Berlin", "Lagos", "Lima", "Oslo", "Seoul", "Cairo")
GENRES = ("Drama", "Comedy", "Thriller", "Horror", "Documentary", "Animation", "Romance")
_ADDED_BASE = 1_500_000_000
_SERIES_ID_BASE = 1_000_000
_SEED = 42  # the same catalogue on every run, so figures compare across runs


def synthetic_title(rng: random.Random) -> str:
    """One plausible title; common words repeat thousands of times in a big catalogue."""
    place = rng.choice(PLACES) if rng.random() < 0.02 else rng.choice(PLACES[:2] + PLACES[3:])
    return rng.choice(PATTERNS).format(
        adj=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS),
        name=rng.choice(NAMES),
        n=rng.randint(2, 9),
        place=place,
        year=rng.randint(1950, 2024),
    )


def big_catalogue(movies: int = 200_000, series: int = 40_000, categories: int = 60) -> Catalogue:
    """``movies`` films and ``series`` shows spread over ``categories`` of each kind.

    Movie ids run 1…movies; series ids start at 1,000,001 so the two never look alike.
    """
    rng = random.Random(_SEED)  # noqa: S311 - names for a benchmark, not secrets
    catalogue = Catalogue()
    for n in range(1, categories + 1):
        catalogue.movie_categories[str(n)] = FakeCategory(str(n), f"{GENRES[n % 7]} {n}")
        catalogue.series_categories[str(n)] = FakeCategory(str(n), f"{GENRES[n % 7]} Series {n}")
    for stream_id in range(1, movies + 1):
        catalogue.movies[stream_id] = FakeMovie(
            stream_id=stream_id,
            name=synthetic_title(rng),
            category_id=str(rng.randint(1, categories)),
            ext="mkv" if stream_id % 5 == 0 else "mp4",
            year=rng.randint(1950, 2024),
            rating=round(rng.uniform(1, 10), 1),
            genre=GENRES[stream_id % 7],
            added=_ADDED_BASE + stream_id * 60,
        )
    for n in range(1, series + 1):
        series_id = _SERIES_ID_BASE + n
        name = synthetic_title(rng)
        show = FakeSeries(
            series_id,
            name,
            str(rng.randint(1, categories)),
            year=rng.randint(1990, 2024),
            rating=round(rng.uniform(1, 10), 1),
            plot=f"{name}: a synthetic show for benchmarks.",
            genre=GENRES[n % 7],
        )
        for episode_num in range(1, 1 + n % 2 + 1):
            show.episodes.append(
                FakeEpisode(
                    id=episode_id_for(series_id, 1, episode_num),
                    season=1,
                    episode_num=episode_num,
                    title=f"Episode {episode_num}",
                    added=_ADDED_BASE + n * 60 + episode_num,
                )
            )
        catalogue.series[series_id] = show
    return catalogue

"""The fake provider's in-memory library, and the deterministic demo catalogue.

``Catalogue`` is what ``FakeProvider`` serves; tests usually start from an empty one and add
items through the provider's control methods. ``demo_catalogue()`` builds the library people
see when they try Vodarr without a subscription: public-domain films, a few invented shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KIB = 1024
MIB = 1024 * KIB
DEFAULT_MEDIA_SIZE = 256 * KIB
DEMO_BYTES_PER_SEC = 2 * MIB
# A fixed epoch keeps "added" dates identical on every run.
_ADDED_BASE = 1_700_000_000


@dataclass
class FakeCategory:
    id: str
    name: str


@dataclass
class FakeMovie:
    stream_id: int
    name: str
    category_id: str
    size: int = DEFAULT_MEDIA_SIZE
    ext: str = "mp4"
    year: int | None = None
    rating: float | None = None
    plot: str = ""
    genre: str = ""
    cast: str = ""
    director: str = ""
    duration_secs: int | None = None
    added: int = _ADDED_BASE
    bytes_per_sec: int | None = None
    tmdb_id: str | None = None
    trailer: str = ""  # youtube_trailer: a video id or a URL
    # What the panel's probe says (info.video, info.audio, info.bitrate), as real panels send it.
    probe: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeEpisode:
    id: int
    season: int
    episode_num: int
    title: str
    size: int = DEFAULT_MEDIA_SIZE
    ext: str = "mp4"
    plot: str = ""
    duration_secs: int | None = None
    added: int = _ADDED_BASE
    bytes_per_sec: int | None = None
    probe: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeSeries:
    series_id: int
    name: str
    category_id: str
    year: int | None = None
    rating: float | None = None
    plot: str = ""
    genre: str = ""
    cast: str = ""
    director: str = ""
    episodes: list[FakeEpisode] = field(default_factory=list)
    tmdb_id: str | None = None
    trailer: str = ""

    def seasons(self) -> dict[int, list[FakeEpisode]]:
        grouped: dict[int, list[FakeEpisode]] = {}
        for episode in sorted(self.episodes, key=lambda e: (e.season, e.episode_num)):
            grouped.setdefault(episode.season, []).append(episode)
        return grouped


@dataclass
class Catalogue:
    movie_categories: dict[str, FakeCategory] = field(default_factory=dict)
    series_categories: dict[str, FakeCategory] = field(default_factory=dict)
    movies: dict[int, FakeMovie] = field(default_factory=dict)
    series: dict[int, FakeSeries] = field(default_factory=dict)

    def find_episode(self, episode_id: int) -> tuple[FakeSeries, FakeEpisode] | None:
        for show in self.series.values():
            for episode in show.episodes:
                if episode.id == episode_id:
                    return show, episode
        return None

    def media(self, kind: str, media_id: int) -> FakeMovie | FakeEpisode | None:
        if kind == "movie":
            return self.movies.get(media_id)
        found = self.find_episode(media_id)
        return found[1] if found else None


def episode_id_for(series_id: int, season: int, episode_num: int) -> int:
    """The default episode id: readable in logs (series 7, S02E05 → 7205)."""
    return series_id * 1000 + season * 100 + episode_num


# name, year, rating, genre, director, cast, minutes, plot
_MovieRow = tuple[str, int, float, str, str, str, int, str]

_MOVIES: dict[str, tuple[str, list[_MovieRow]]] = {
    "1": ("Silent Classics", [
        ("Nosferatu", 1922, 7.8, "Horror, Fantasy", "F. W. Murnau", "Max Schreck, Gustav von Wangenheim, Greta Schröder", 94, "An estate agent travels to Transylvania to sell a house to the mysterious Count Orlok, who follows him home with a plague of rats."),  # noqa: E501
        ("Metropolis", 1927, 8.3, "Drama, Science Fiction", "Fritz Lang", "Brigitte Helm, Alfred Abel, Gustav Fröhlich", 153, "In a towering city of the future, the son of the city's ruler falls for a prophet of the underground workers."),  # noqa: E501
        ("The General", 1926, 8.1, "Comedy, Action", "Buster Keaton, Clyde Bruckman", "Buster Keaton, Marion Mack", 78, "A Southern railroad engineer chases the spies who stole his beloved locomotive, with his sweetheart aboard."),  # noqa: E501
        ("Sherlock Jr.", 1924, 8.2, "Comedy", "Buster Keaton", "Buster Keaton, Kathryn McGuire", 45, "A projectionist who dreams of being a detective walks straight into the film he is showing."),  # noqa: E501
        ("The Gold Rush", 1925, 8.1, "Comedy, Adventure", "Charlie Chaplin", "Charlie Chaplin, Mack Swain, Georgia Hale", 95, "The Little Tramp braves the Klondike in search of gold and finds hunger, a blizzard and love."),  # noqa: E501
        ("Safety Last!", 1923, 8.1, "Comedy", "Fred C. Newmeyer, Sam Taylor", "Harold Lloyd, Mildred Davis", 73, "A small-town boy trying to impress his girl ends up climbing the outside of a department store."),  # noqa: E501
        ("The Cabinet of Dr. Caligari", 1920, 8.0, "Horror, Mystery", "Robert Wiene", "Werner Krauss, Conrad Veidt", 76, "A sinister showman and his sleepwalker arrive at a town fair, and a string of murders follows."),  # noqa: E501
        ("The Phantom of the Opera", 1925, 7.5, "Horror, Romance", "Rupert Julian", "Lon Chaney, Mary Philbin", 93, "A disfigured genius haunting the Paris Opera House schemes to make a young soprano a star."),  # noqa: E501
    ]),
    "2": ("Film Noir", [
        ("Detour", 1945, 7.2, "Crime, Film-Noir", "Edgar G. Ulmer", "Tom Neal, Ann Savage", 68, "A nightclub pianist hitchhiking to Los Angeles makes one bad decision after another."),  # noqa: E501
        ("D.O.A.", 1950, 7.2, "Crime, Film-Noir", "Rudolph Maté", "Edmond O'Brien, Pamela Britton", 83, "A poisoned accountant has a few days left to find out who murdered him, and why."),  # noqa: E501
        ("Scarlet Street", 1945, 7.7, "Crime, Drama", "Fritz Lang", "Edward G. Robinson, Joan Bennett, Dan Duryea", 102, "A meek cashier and Sunday painter is drawn into a con by a woman and her cruel boyfriend."),  # noqa: E501
        ("The Stranger", 1946, 7.3, "Film-Noir, Thriller", "Orson Welles", "Edward G. Robinson, Loretta Young, Orson Welles", 95, "A war-crimes investigator tracks a fugitive to a quiet Connecticut town."),  # noqa: E501
        ("Kansas City Confidential", 1952, 7.2, "Crime, Film-Noir", "Phil Karlson", "John Payne, Coleen Gray, Preston Foster", 99, "A delivery driver framed for an armored-car robbery hunts down the masked men who did it."),  # noqa: E501
        ("The Hitch-Hiker", 1953, 7.0, "Crime, Thriller", "Ida Lupino", "Edmond O'Brien, Frank Lovejoy, William Talman", 71, "Two friends on a fishing trip pick up a hitchhiker who turns out to be a killer on the run."),  # noqa: E501
        ("Quicksand", 1950, 6.6, "Crime, Film-Noir", "Irving Pichel", "Mickey Rooney, Jeanne Cagney, Peter Lorre", 79, "A mechanic borrows twenty dollars from the till, and every cover-up drags him deeper."),  # noqa: E501
        ("Too Late for Tears", 1949, 7.1, "Crime, Film-Noir", "Byron Haskin", "Lizabeth Scott, Don DeFore, Dan Duryea", 99, "A bag of blackmail money lands in a couple's car, and the wife decides to keep it."),  # noqa: E501
    ]),
    "3": ("Horror & Sci-Fi", [
        ("Night of the Living Dead", 1968, 7.8, "Horror", "George A. Romero", "Duane Jones, Judith O'Dea", 96, "Strangers barricade themselves in a farmhouse as the recently dead rise and besiege it."),  # noqa: E501
        ("Carnival of Souls", 1962, 7.0, "Horror, Mystery", "Herk Harvey", "Candace Hilligoss, Sidney Berger", 78, "After surviving a car accident, a church organist is drawn to an abandoned lakeside pavilion."),  # noqa: E501
        ("House on Haunted Hill", 1959, 6.8, "Horror, Mystery", "William Castle", "Vincent Price, Carol Ohmart", 75, "An eccentric millionaire offers five guests a fortune each to survive a night in a haunted house."),  # noqa: E501
        ("The Last Man on Earth", 1964, 6.8, "Horror, Science Fiction", "Ubaldo Ragona, Sidney Salkow", "Vincent Price, Franca Bettoia", 86, "The lone survivor of a plague hunts the undead by day and is besieged by them at night."),  # noqa: E501
        ("The Little Shop of Horrors", 1960, 6.2, "Comedy, Horror", "Roger Corman", "Jonathan Haze, Jackie Joseph, Mel Welles", 72, "A clumsy florist's assistant cultivates a plant with a taste for human blood."),  # noqa: E501
        ("Plan 9 from Outer Space", 1957, 3.9, "Horror, Science Fiction", "Edward D. Wood Jr.", "Gregory Walcott, Mona McKinnon, Tor Johnson", 79, "Aliens resurrect the dead to stop humanity from building a doomsday weapon."),  # noqa: E501
        ("A Trip to the Moon", 1902, 8.1, "Adventure, Science Fiction", "Georges Méliès", "Georges Méliès, Bleuette Bernon", 13, "A group of astronomers fires a capsule at the Moon and meets its inhabitants."),  # noqa: E501
        ("The Brain That Wouldn't Die", 1962, 4.6, "Horror, Science Fiction", "Joseph Green", "Jason Evers, Virginia Leith", 82, "A surgeon keeps his fiancée's head alive while he searches for a new body."),  # noqa: E501
    ]),
}  # fmt: skip

# series id, name, category, year, rating, plot, episodes per season, episode titles
_SeriesRow = tuple[int, str, str, int, float, str, tuple[int, ...], list[str]]

_SERIES_CATEGORIES = {"11": "Drama", "12": "Comedy", "13": "Documentary"}
_SERIES: list[_SeriesRow] = [
    (101, "The Lighthouse Keepers", "11", 2019, 7.9, "Three generations of one family keep the last manned lighthouse on a stormy northern coast.", (3, 3, 2), ["Pilot", "Fog Signal", "The Relief Boat", "Low Tide", "Wreckers", "The Inspector", "Winter Light", "Last Watch"]),  # noqa: E501
    (102, "Northbound", "11", 2021, 7.4, "A night train crew carries secrets, smugglers and runaways between the capital and the Arctic.", (3, 3), ["Departure", "Sleeper Car", "The Border", "Snowbound", "Dining Car", "Terminus"]),  # noqa: E501
    (103, "Kitchen Table", "12", 2018, 7.1, "A family restaurant survives one chaotic dinner service at a time.", (4, 3), ["Soft Opening", "The Critic", "Staff Meal", "Double Booking", "Brunch", "The Inspection", "Closing Time"]),  # noqa: E501
    (104, "Office Hours", "12", 2020, 6.9, "The least popular professor at a small college runs the most popular office hours.", (3, 2, 3), ["Syllabus", "Plagiarism", "Tenure", "Field Trip", "Midterms", "Sabbatical", "Faculty Meeting", "Commencement"]),  # noqa: E501
    (105, "Rivers of Europe", "13", 2017, 8.2, "From glacier to delta, the great rivers of Europe and the people who live along them.", (3, 3), ["The Rhine", "The Danube", "The Loire", "The Vistula", "The Douro", "The Volga"]),  # noqa: E501
    (106, "Night Sky Notes", "13", 2022, 8.0, "Short, patient lessons in finding your way around the night sky without a telescope.", (4, 4), ["The Pole Star", "Orion", "The Moon", "Planets", "Meteor Showers", "The Milky Way", "Eclipses", "Comets"]),  # noqa: E501
]  # fmt: skip


def demo_probe(seed: int, seconds: int) -> dict[str, Any]:
    """Made-up but plausible probe details, so the demo's title pages show some."""
    wide = seed % 2 == 0
    return {
        "video": {
            "codec_name": "hevc" if wide else "h264",
            "profile": "Main" if wide else "High",
            "width": 1920 if wide else 1280,
            "height": 800 if wide else 720,
            "avg_frame_rate": "24000/1001",
        },
        "audio": {
            "codec_name": "eac3" if wide else "aac",
            "channels": 6 if wide else 2,
            "tags": {"language": "eng"},
        },
        "bitrate": 2400 + (seed * 137) % 3000 if seconds else None,
    }


def demo_catalogue() -> Catalogue:
    """The demo library: 24 films in 3 categories, 6 shows of 2 or 3 seasons; a few MiB each."""
    catalogue = Catalogue()
    stream_id = 0
    for category_id, (category_name, rows) in _MOVIES.items():
        catalogue.movie_categories[category_id] = FakeCategory(category_id, category_name)
        for name, year, rating, genre, director, cast, minutes, plot in rows:
            stream_id += 1
            catalogue.movies[stream_id] = FakeMovie(
                stream_id=stream_id,
                name=name,
                category_id=category_id,
                # Uneven sizes so progress bars and resumes do not line up on round numbers.
                size=(3 + stream_id % 4) * MIB + (stream_id * 7919) % (64 * KIB),
                ext="mkv" if stream_id % 5 == 0 else "mp4",
                year=year,
                rating=rating,
                plot=plot,
                genre=genre,
                cast=cast,
                director=director,
                duration_secs=minutes * 60,
                added=_ADDED_BASE + stream_id * 86_400,
                bytes_per_sec=DEMO_BYTES_PER_SEC,
                probe=demo_probe(stream_id, minutes * 60),
            )
    for category_id, category_name in _SERIES_CATEGORIES.items():
        catalogue.series_categories[category_id] = FakeCategory(category_id, category_name)
    for series_id, name, category_id, year, rating, plot, per_season, titles in _SERIES:
        show = FakeSeries(
            series_id, name, category_id, year, rating, plot, genre=_SERIES_CATEGORIES[category_id]
        )
        position = 0
        for season, count in enumerate(per_season, start=1):
            for episode_num in range(1, count + 1):
                episode_id = episode_id_for(series_id, season, episode_num)
                show.episodes.append(
                    FakeEpisode(
                        id=episode_id,
                        season=season,
                        episode_num=episode_num,
                        title=titles[position % len(titles)],
                        size=2 * MIB + (episode_id * 7919) % (512 * KIB),
                        ext="mkv" if series_id % 2 else "mp4",
                        plot=f"{name}, season {season}, episode {episode_num}.",
                        duration_secs=(22 if category_id == "12" else 45) * 60,
                        added=_ADDED_BASE + episode_id * 60,
                        bytes_per_sec=DEMO_BYTES_PER_SEC,
                        probe=demo_probe(series_id, (22 if category_id == "12" else 45) * 60),
                    )
                )
                position += 1
        catalogue.series[series_id] = show
    return catalogue

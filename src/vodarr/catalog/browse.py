"""Read-side queries for the browse, discover and search pages, and the card serializers.

Every listing orders by its sort key and then by primary key, so a title never appears on
two pages (or on none) while people page through. Sorts map onto the indexes declared in
``models.py``. On SQLite, search first asks the trigram index of names (migration 0002)
whether a word is rare, and then reads only the titles it names. Variants of one title
(same ``group_key``) are one card: a listing shows the group's lead (``groups.py`` keeps
it), search the variant whose name matched best, and each card says how many versions exist.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import F, Max, Q, QuerySet

from vodarr.catalog.models import Kind, ProviderSettings, Series, VodStream, fold

SORTS = ("latest", "rating", "name")
DEFAULT_SORT = "latest"
MAX_PER_PAGE = 100
MAX_SEARCH_RESULTS = 100
_MAX_CHAR = "\U0010ffff"  # sorts after any character: prefix <= name < prefix + _MAX_CHAR
# Past this many titles holding the words, walking the name index finds a page of them
# sooner than reading them all by key (measured at 240,000 titles: bench_catalog).
_RARE_MATCHES = 500
_TRIGRAM = 3  # the trigram index knows nothing of shorter words
_KEPT_SECONDS = 24 * 3600  # a listing's count, until the next sync (or a day unread)
Titles = TypeVar("Titles", VodStream, Series)


@dataclass(frozen=True)
class BrowsePage:
    """One page of cards and what a pager needs."""

    items: list[dict[str, Any]]
    page: int
    per_page: int
    total: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    def as_props(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "page": self.page,
            "perPage": self.per_page,
            "total": self.total,
            "numPages": self.num_pages,
            "hasNext": self.has_next,
            "hasPrevious": self.page > 1,
        }


# --- cards ------------------------------------------------------------------------------------


def movie_card(movie: VodStream, versions: int = 1) -> dict[str, Any]:
    return {
        "id": movie.stream_id,
        "name": movie.name,
        "poster": movie.poster or None,
        "year": movie.year,
        "rating": movie.rating,
        "kind": Kind.MOVIE.value,
        "versions": versions,
    }


def series_card(show: Series, versions: int = 1) -> dict[str, Any]:
    return {
        "id": show.series_id,
        "name": show.name,
        "poster": show.poster or None,
        "year": show.year,
        "rating": show.rating,
        "kind": Kind.SERIES.value,
        "versions": versions,
    }


def cards(rows: list[Any]) -> list[dict[str, Any]]:
    """Cards for catalogue rows (movies, series or both), each with its number of versions."""
    return [
        (movie_card if isinstance(row, VodStream) else series_card)(row, row.group_size)
        for row in rows
    ]


def _one_per_group(queryset: QuerySet[Any], category_id: int | None = None) -> QuerySet[Any]:
    """One card per title: the group's lead, in its category when listing one (groups.py)."""
    return queryset.filter(**{_lead(category_id): True})


def _count_per_group(queryset: QuerySet[Any], category_id: int | None = None) -> int:
    """How many cards ``_one_per_group(queryset)`` lists: all rows but the few that are not
    leads, counted from indexes only (a partial index holds those of all titles; a
    category's sort indexes end with its lead flag)."""
    return queryset.count() - queryset.filter(**{_lead(category_id): False}).count()


def _lead(category_id: int | None) -> str:
    return "group_lead" if category_id is None else "category_lead"


_MOVIE_CARD_FIELDS = ("stream_id", "name", "poster", "year", "rating", "group_key", "group_size")
_SERIES_CARD_FIELDS = ("series_id", "name", "poster", "year", "rating", "group_key", "group_size")
# Search merges and ranks by name in Python: loading it up front avoids a query per row.
_MOVIE_SEARCH_FIELDS = (*_MOVIE_CARD_FIELDS, "search_name")
_SERIES_SEARCH_FIELDS = (*_SERIES_CARD_FIELDS, "search_name")


# --- listings ---------------------------------------------------------------------------------


def recent_movies(limit: int = 20, *, hidden: Collection[int] = ()) -> list[dict[str, Any]]:
    """The most recently added movies (the discover page's first row).

    ``hidden``: category ids whose titles the person does not see (``preferences``).
    """
    movies = _one_per_group(_visible(VodStream.objects.only(*_MOVIE_CARD_FIELDS), hidden))
    return cards(list(_movie_order(movies, "latest")[: _clamp(limit, MAX_PER_PAGE)]))


def recent_series(limit: int = 20, *, hidden: Collection[int] = ()) -> list[dict[str, Any]]:
    """The most recently updated series."""
    shows = _one_per_group(_visible(Series.objects.only(*_SERIES_CARD_FIELDS), hidden))
    return cards(list(_series_order(shows, "latest")[: _clamp(limit, MAX_PER_PAGE)]))


def newest_in_category(kind: str, category_id: int, limit: int = 12) -> list[dict[str, Any]]:
    """The newest titles of one category (a pinned category's row on Discover): one query
    that reads the (category, date) index and stops after ``limit``."""
    if kind == Kind.MOVIE:
        movies = VodStream.objects.only(*_MOVIE_CARD_FIELDS).filter(category_id=category_id)
        movies = _movie_order(_one_per_group(movies, category_id), "latest")
        return cards(list(movies[: _clamp(limit, 50)]))
    shows = Series.objects.only(*_SERIES_CARD_FIELDS).filter(category_id=category_id)
    shows = _series_order(_one_per_group(shows, category_id), "latest")
    return cards(list(shows[: _clamp(limit, 50)]))


def browse_movies(
    category_id: int | None = None,
    sort: str = DEFAULT_SORT,
    page: int = 1,
    per_page: int = 20,
    *,
    as_of: datetime | None = None,
    hidden: Collection[int] = (),
) -> BrowsePage:
    """One page of movies, optionally in one category (``Category.pk``).

    ``sort`` is "latest", "rating" or "name"; an unknown sort falls back to "latest" and a
    page past the end is empty (with the right total), so a stale link never errors.
    ``as_of`` leaves out movies added after it (undated ones count as old), so the pages
    of one listing stay put while a sync adds titles. Usually nothing is newer: then the
    filter is left out, as it would keep every row but cost counting and paging a scan.
    Without a ``category_id``, titles of ``hidden`` categories are left out (the person
    picks a category from a menu that has no hidden ones).
    """
    movies = VodStream.objects.only(*_MOVIE_CARD_FIELDS)
    if category_id is not None:
        movies, hidden = movies.filter(category_id=category_id), ()
    dated = as_of is not None and VodStream.objects.filter(added__gt=as_of).exists()
    if dated:
        movies = movies.filter(Q(added__lte=as_of) | Q(added__isnull=True))
    total = _count_cards(movies, category_id, hidden, kept=not dated)
    shown = _one_per_group(_visible(movies, hidden), category_id)
    return _page(_movie_order(shown, sort), page, per_page, total)


def browse_series(
    category_id: int | None = None,
    sort: str = DEFAULT_SORT,
    page: int = 1,
    per_page: int = 20,
    *,
    as_of: datetime | None = None,
    hidden: Collection[int] = (),
) -> BrowsePage:
    """One page of series; same rules as ``browse_movies`` ("latest" is last modified)."""
    shows = Series.objects.only(*_SERIES_CARD_FIELDS)
    if category_id is not None:
        shows, hidden = shows.filter(category_id=category_id), ()
    dated = as_of is not None and Series.objects.filter(last_modified__gt=as_of).exists()
    if dated:
        shows = shows.filter(Q(last_modified__lte=as_of) | Q(last_modified__isnull=True))
    total = _count_cards(shows, category_id, hidden, kept=not dated)
    shown = _one_per_group(_visible(shows, hidden), category_id)
    return _page(_series_order(shown, sort), page, per_page, total)


def newest_movie_added() -> datetime | None:
    """When the newest movie was added (None when no movie has a date): a listing's ``as_of``."""
    newest: datetime | None = VodStream.objects.aggregate(newest=Max("added"))["newest"]
    return newest


def newest_series_modified() -> datetime | None:
    newest: datetime | None = Series.objects.aggregate(newest=Max("last_modified"))["newest"]
    return newest


def search_titles(q: str, limit: int = 20, *, hidden: Collection[int] = ()) -> list[dict[str, Any]]:
    """Movies and series whose name holds every word of ``q`` (case and accents ignored).

    Names that start with the query come first, then the rest alphabetically; titles in
    ``hidden`` categories are left out.
    """
    words = fold(q).split()
    if not words:
        return []
    limit = _clamp(limit, MAX_SEARCH_RESULTS)
    prefix = " ".join(words)
    movies = _search(
        _visible(VodStream.objects.only(*_MOVIE_SEARCH_FIELDS), hidden), words, prefix, limit
    )
    shows = _search(
        _visible(Series.objects.only(*_SERIES_SEARCH_FIELDS), hidden), words, prefix, limit
    )
    ranked = [(m.rank, m.search_name, 0, m.pk, m) for m in movies]
    ranked += [(s.rank, s.search_name, 1, s.pk, s) for s in shows]
    ranked.sort(key=lambda row: row[:4])
    return cards(_first_of_groups([row[4] for row in ranked])[:limit])


def search_movies(q: str, limit: int = 20, *, hidden: Collection[int] = ()) -> list[dict[str, Any]]:
    """Movie cards only, ranked like ``search_titles`` (the search page lists the two apart)."""
    words = fold(q).split()
    if not words:
        return []
    queryset = _visible(VodStream.objects.only(*_MOVIE_SEARCH_FIELDS), hidden)
    movies = _search(queryset, words, " ".join(words), _clamp(limit, MAX_SEARCH_RESULTS))
    return cards(_first_of_groups(movies))


def search_series(q: str, limit: int = 20, *, hidden: Collection[int] = ()) -> list[dict[str, Any]]:
    """Series cards only, ranked like ``search_titles``."""
    words = fold(q).split()
    if not words:
        return []
    queryset = _visible(Series.objects.only(*_SERIES_SEARCH_FIELDS), hidden)
    shows = _search(queryset, words, " ".join(words), _clamp(limit, MAX_SEARCH_RESULTS))
    return cards(_first_of_groups(shows))


# --- helpers ----------------------------------------------------------------------------------


def _visible(titles: QuerySet[Titles], hidden: Collection[int]) -> QuerySet[Titles]:
    """Without the titles of ``hidden`` categories (uncategorised titles stay). The sort
    indexes end with the category, so this filter costs no row reads (models.py)."""
    return titles.exclude(category_id__in=list(hidden)) if hidden else titles


def _count_cards(
    titles: QuerySet[Any], category_id: int | None, hidden: Collection[int], *, kept: bool
) -> int:
    """How many cards a listing of ``titles`` shows: one per group, less those in ``hidden``
    categories. Counts that indexes answer, where ``NOT IN`` would test every title (36 ms at
    200,000).

    Still, those counts walk indexes (at 200,000 movies: all of them ~1.3 ms, a dozen hidden
    categories ~2 ms more, of a page's ~8 to 16 ms), and only a sync changes them: ``kept``
    (``titles`` is a whole listing, not one cut off at a date) keeps them under the
    catalogue's version until a sync moves it.
    """

    def count() -> int:
        total = _count_per_group(titles, category_id)
        if not hidden:
            return total
        leads = titles.filter(category_id__in=list(hidden), **{_lead(category_id): True})
        return total - leads.count()

    if not kept:
        return count()
    version = (
        ProviderSettings.objects.filter(pk=ProviderSettings.SINGLETON_PK)
        .values_list("catalogue_version", flat=True)
        .first()
    )
    if version is None:  # no sync has run: nothing moves the version yet
        return count()
    which = json.dumps([titles.model._meta.label, category_id, sorted(hidden)])
    key = f"catalogue-cards:{version}:{hashlib.sha256(which.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = count()
        cache.set(key, found, _KEPT_SECONDS)
    return int(found)


def _movie_order(movies: QuerySet[VodStream], sort: str) -> QuerySet[VodStream]:
    if sort == "rating":
        return movies.order_by(F("rating").desc(nulls_last=True), "-stream_id")
    if sort == "name":
        return movies.order_by("search_name", "stream_id")
    return movies.order_by(F("added").desc(nulls_last=True), "-stream_id")


def _series_order(shows: QuerySet[Series], sort: str) -> QuerySet[Series]:
    if sort == "rating":
        return shows.order_by(F("rating").desc(nulls_last=True), "-series_id")
    if sort == "name":
        return shows.order_by("search_name", "series_id")
    return shows.order_by(F("last_modified").desc(nulls_last=True), "-series_id")


def _page(queryset: QuerySet[Any], page: int, per_page: int, total: int) -> BrowsePage:
    per_page = _clamp(per_page, MAX_PER_PAGE)
    page = max(1, _as_int(page, 1))
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page]) if start < total else []
    return BrowsePage(cards(rows), page, per_page, total)


def _first_of_groups(rows: list[Any]) -> list[Any]:
    """Search results keep the best-ranked variant of each title: the name that matched."""
    seen: set[tuple[type, str]] = set()
    kept = []
    for row in rows:
        key = (type(row), row.group_key or f"#{row.pk}")
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _search(queryset: QuerySet[Any], words: list[str], prefix: str, limit: int) -> list[Any]:
    """Titles holding every word: those starting with ``prefix`` first, each group by name.

    Two index-ordered queries instead of one ranked sort: the first reads only the range of
    the name index that starts with the prefix; the second walks the name index in order
    and stops once it has enough, so a common word costs a few index pages, not a sort of
    every match. Only a rare or absent word reads the whole (name) index.
    """
    condition = Q()
    for word in words:
        condition &= Q(search_name__contains=word)
    rare = _rare_matches(queryset.model, words)
    if rare is not None:
        condition &= Q(pk__in=rare)
    starts = Q(search_name__gte=prefix, search_name__lt=prefix + _MAX_CHAR)
    by_name = ("search_name", "pk")
    first = list(queryset.filter(starts & condition).order_by(*by_name)[:limit])
    rest: list[Any] = []
    if len(first) < limit:
        rest = list(
            queryset.filter(condition).exclude(starts).order_by(*by_name)[: limit - len(first)]
        )
    for rank, rows in ((0, first), (1, rest)):
        for row in rows:
            row.rank = rank
    return first + rest


def _rare_matches(model: type[Any], words: list[str]) -> list[int] | None:
    """The primary keys of the titles holding every word, when the trigram index says there
    are few of them; None when it cannot tell or there are many."""
    terms = [word for word in words if len(word) >= _TRIGRAM]
    if connection.vendor != "sqlite" or not terms:
        return None
    index = connection.ops.quote_name(f"{model._meta.db_table}_search")
    # Each word a quoted FTS5 string: it matches as a substring, whatever it holds.
    match = " AND ".join('"' + word.replace('"', '""') + '"' for word in terms)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {index} WHERE {index} MATCH %s LIMIT %s",  # noqa: S608
            [match, _RARE_MATCHES + 1],
        )
        keys = [row[0] for row in cursor.fetchall()]
    return keys if len(keys) <= _RARE_MATCHES else None


def _clamp(value: int, upper: int) -> int:
    return min(max(1, _as_int(value, 1)), upper)


def _as_int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default

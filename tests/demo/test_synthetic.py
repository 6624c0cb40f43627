"""The synthetic big catalogue the benchmarks sync, at a size a test can afford."""

from __future__ import annotations

from vodarr.demo import FakeProvider
from vodarr.demo.synthetic import big_catalogue
from vodarr.integrations.xtream import XtreamClient


def test_it_is_the_same_catalogue_on_every_run() -> None:
    assert big_catalogue(movies=30, series=5) == big_catalogue(movies=30, series=5)


def test_it_reads_through_the_client_as_a_real_provider_would() -> None:
    provider = FakeProvider(catalogue=big_catalogue(movies=300, series=40, categories=6))
    with provider, XtreamClient(provider.base_url, provider.username, provider.password) as c:
        movies = c.vod_streams()
        shows = c.series()
        assert [m.stream_id for m in movies] == list(range(1, 301))
        assert all(m.name and m.year and m.rating and m.category_id for m in movies)
        assert {m.category_id for m in movies} <= {str(n) for n in range(1, 7)}
        assert len({m.name for m in movies}) > 200  # varied names, for realistic searches
        assert [s.series_id for s in shows] == list(range(1_000_001, 1_000_041))
        assert all(s.last_modified is not None for s in shows)
        assert c.series_info(shows[0].series_id).episodes

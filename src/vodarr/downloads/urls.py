from django.urls import path

from vodarr.downloads import views
from vodarr.live.views import live_stream

urlpatterns = [
    path("downloads", views.downloads_index, name="downloads"),
    # Before downloads/<str:pk>, which would otherwise take these for ids.
    path("downloads/bulk", views.downloads_bulk, name="downloads.bulk"),
    # The old per-page stream's address: the same live channel (``ids`` are not needed).
    path("downloads/stream", live_stream, name="downloads.stream"),
    path("downloads/<str:pk>", views.download_detail, name="downloads.edit"),
    path("movies/<str:stream_id>/download", views.start_movie, name="movies.download"),
    path("series/<str:series_id>/download", views.start_batch, name="series.download.batch"),
    path(
        "series/<str:series_id>/<str:season>/<str:episode>/download",
        views.start_episode,
        name="series.download",
    ),
]

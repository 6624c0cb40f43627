from django.urls import path
from django.views.generic import RedirectView

from vodarr.downloads import views
from vodarr.live.props import LIVE_URL

urlpatterns = [
    path("downloads", views.downloads_index, name="downloads"),
    # Before downloads/<str:pk>, which would otherwise take these for ids.
    path("downloads/bulk", views.downloads_bulk, name="downloads.bulk"),
    # The old per-page stream's address leads to the live channel (EventSource follows).
    path("downloads/stream", RedirectView.as_view(url=LIVE_URL), name="downloads.stream"),
    path("downloads/<str:pk>", views.download_detail, name="downloads.edit"),
    path("movies/<str:stream_id>/download", views.start_movie, name="movies.download"),
    path("series/<str:series_id>/download", views.start_batch, name="series.download.batch"),
    path(
        "series/<str:series_id>/<str:season>/<str:episode>/download",
        views.start_episode,
        name="series.download",
    ),
]

"""Routes of the links app: getting a link, the Links page, and opening a link (/dl/…)."""

from django.urls import path

from vodarr.links import open_views, views

urlpatterns = [
    path("movies/<str:stream_id>/link", views.movie_link, name="movies.link"),
    path("series/<str:series_id>/link", views.episodes_link, name="series.link.batch"),
    path(
        "series/<str:series_id>/<str:season>/<str:episode>/link",
        views.episode_link,
        name="series.link",
    ),
    path("downloads/<str:pk>/link", views.download_link, name="downloads.link"),
    path("links", views.links_index, name="links"),
    path("links/<str:pk>", views.link_detail, name="links.revoke"),
    path("dl/<str:token>", open_views.open_link, name="dl"),
    path("dl/<str:token>/<int:position>/<str:name>", open_views.open_item, name="dl.item"),
    path("dl/<str:token>/<str:name>", open_views.open_link, name="dl.named"),
]

"""Routes of the catalogue app (included at the site root)."""

from django.urls import path

from vodarr.catalog import category_views, discover, settings_views, title_extras, views

urlpatterns = [
    path("discover", discover.discover, name="discover"),
    path("settings", settings_views.settings_page, name="settings"),
    path("settings/provider", settings_views.update_provider, name="settings.provider"),
    path("settings/provider/test", settings_views.test_provider, name="settings.provider.test"),
    path("settings/sync", settings_views.sync_catalogue_view, name="settings.sync"),
    path("settings/aria2/test", settings_views.test_aria2, name="settings.aria2.test"),
    path("settings/server", settings_views.update_server, name="settings.server"),
    path("movies", views.movies_index, name="movies"),
    path("movies/<str:stream_id>", views.movie_detail, name="movies.show"),
    path("movies/<str:stream_id>/refresh", title_extras.refresh_movie, name="movies.refresh"),
    path("series", views.series_index, name="series"),
    path("series/<str:series_id>", views.series_detail, name="series.show"),
    path("series/<str:series_id>/refresh", title_extras.refresh_series, name="series.refresh"),
    path("search", views.search, name="search"),
    path("search/suggest", views.search_suggest, name="search.suggest"),
    path("categories", category_views.categories_page, name="categories"),
    path("categories/<str:kind>", category_views.save_categories, name="categories.save"),
    path(
        "categories/<str:kind>/everyone",
        category_views.hide_for_everyone,
        name="categories.everyone",
    ),
]

from django.urls import path

from vodarr.watchlist import views

urlpatterns = [
    path("watchlist", views.watchlist, name="watchlist"),
    path("watchlist/<str:kind>/<str:media_id>", views.watchlist_entry, name="watchlist.entry"),
]

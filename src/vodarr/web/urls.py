from django.urls import path

from vodarr.web import pages

urlpatterns = [
    path("discover", pages.discover, name="discover"),
]

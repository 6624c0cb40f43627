"""Routes of the variants app (included at the site root)."""

from django.urls import path

from vodarr.variants import views

urlpatterns = [
    path("profile/versions", views.update_preferences, name="profile.versions"),
]

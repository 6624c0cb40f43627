from django.urls import path

from vodarr.live.views import live_stream

urlpatterns = [path("live", live_stream, name="live")]

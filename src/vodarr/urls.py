"""URL map: each app's routes, plus the home redirect and the error handlers."""

from django.urls import include, path

from vodarr.metrics import views as metrics_views
from vodarr.ops import views as ops_views
from vodarr.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", ops_views.healthz, name="healthz"),
    path("metrics", metrics_views.metrics, name="metrics"),
    path("", include("vodarr.accounts.urls")),
    path("", include("vodarr.catalog.urls")),
    path("", include("vodarr.downloads.urls")),
    path("", include("vodarr.watchlist.urls")),
    path("", include("vodarr.monitoring.urls")),
    path("", include("vodarr.notifications.urls")),
    path("", include("vodarr.variants.urls")),
    path("", include("vodarr.live.urls")),
    path("", include("vodarr.links.urls")),
    path("", include("vodarr.api.urls")),
    path("", include("vodarr.mediaservers.urls")),
    path("", include("vodarr.webhooks.urls")),
]

handler400 = "vodarr.web.views.bad_request"
handler403 = "vodarr.web.views.permission_denied"
handler404 = "vodarr.web.views.page_not_found"
handler500 = "vodarr.web.views.server_error"

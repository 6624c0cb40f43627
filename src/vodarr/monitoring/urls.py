from django.urls import path

from vodarr.monitoring import views

urlpatterns = [
    path("series/<str:series_id>/monitoring", views.series_monitoring, name="series.monitoring"),
    path(
        "series/<str:series_id>/monitoring/run-now",
        views.series_run_now,
        name="series.monitoring.run",
    ),
    path("schedules", views.schedules, name="schedules"),
    path("schedules/settings", views.monitoring_settings, name="schedules.settings"),
    path("monitors/<str:pk>", views.monitor_detail, name="monitors.detail"),
    path("monitors/<str:pk>/run-now", views.monitor_run_now, name="monitors.run"),
]

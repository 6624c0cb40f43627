from django.urls import path

from vodarr.notifications import views

urlpatterns = [
    path("notifications", views.notifications_index, name="notifications"),
    path("notifications/read-all", views.mark_all_read, name="notifications.read_all"),
    path("notifications/<str:pk>", views.notification_detail, name="notifications.detail"),
    path("profile/notifications", views.targets, name="profile.notifications"),
    path(
        "profile/notifications/<str:pk>", views.target_detail, name="profile.notifications.detail"
    ),
    path(
        "profile/notifications/<str:pk>/test",
        views.test_target,
        name="profile.notifications.test",
    ),
]

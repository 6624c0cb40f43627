from django.urls import path

from vodarr.webhooks import views

urlpatterns = [
    path("profile/webhooks", views.add_hook, name="profile.webhooks"),
    path("profile/webhooks/<str:pk>", views.hook_detail, name="profile.webhooks.edit"),
    path("profile/webhooks/<str:pk>/test", views.test_hook, name="profile.webhooks.test"),
]

from django.urls import path

from vodarr.accounts import admin_views, profile_views, views

urlpatterns = [
    path("login", views.login_view, name="login"),
    path("logout", views.logout_view, name="logout"),
    path("register", views.register_view, name="register"),
    path("forgot-password", views.forgot_password_view, name="password.request"),
    path("reset-password", views.reset_password_view, name="password.update"),
    path(
        "reset-password/<str:uid>/<str:token>",
        views.reset_password_form_view,
        name="password.reset",
    ),
    path("email/verify", views.verify_notice_view, name="verification.notice"),
    path("email/verify/<str:token>", views.verify_email_view, name="verification.verify"),
    path(
        "email/verification-notification", views.resend_verification_view, name="verification.send"
    ),
    path("profile", profile_views.profile_view, name="profile"),
    path("profile/password", profile_views.password_view, name="profile.password"),
    path("users", admin_views.users_index, name="users"),
    path("users/<str:pk>", admin_views.user_detail, name="users.edit"),
]

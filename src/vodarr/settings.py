"""Django settings for Vodarr, all driven by environment variables (see config.py)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from vodarr import config

config.load_environment()

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()
DOWNLOAD_ROOT = config.download_root()

SECRET_KEY = config.secret_key()
DEBUG = config.env_bool("DEBUG", False)
HOST = config.env_str("HOST", "127.0.0.1")
PORT = config.env_int("PORT", 8000)
ALLOWED_HOSTS = [h for h in config.env_str("ALLOWED_HOSTS", "*").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in config.env_str("CSRF_TRUSTED_ORIGINS").split(",") if o]

# aria2: unset URL means `vodarr serve` starts an embedded aria2c and fills these in.
ARIA2_RPC_URL = config.env_str("ARIA2_RPC_URL")
ARIA2_RPC_SECRET = config.env_str("ARIA2_RPC_SECRET")

# Xtream Codes provider: unset base URL means the built-in demo catalogue.
XTREAM_BASE_URL = config.env_str("XTREAM_BASE_URL")
XTREAM_USERNAME = config.env_str("XTREAM_USERNAME")
XTREAM_PASSWORD = config.env_str("XTREAM_PASSWORD")
XTREAM_USER_AGENT = config.env_str("XTREAM_USER_AGENT", "Vodarr/0.1")
# Set by `vodarr serve` when it runs the built-in demo provider instead of a real one.
VODARR_DEMO_MODE = config.env_bool("VODARR_DEMO_MODE", False)

REGISTRATION_OPEN = config.env_bool("REGISTRATION_OPEN", True)
MAX_USERS = config.env_int("MAX_USERS")
LOGIN_MAX_ATTEMPTS = 5
LOGIN_LOCKOUT_SECONDS = 60
EMAIL_VERIFICATION_MAX_AGE = 60 * 60 * 24

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_vite",
    "inertia",
    "vodarr.accounts",
    "vodarr.catalog",
    "vodarr.downloads",
    "vodarr.live",
    "vodarr.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inertia.middleware.InertiaMiddleware",
    "vodarr.web.middleware.AccessMiddleware",
    "vodarr.web.middleware.SharedPropsMiddleware",
    "vodarr.web.middleware.BadInputMiddleware",
]

# Props shared by every page, provided by the feature apps (web/middleware.py serves them).
VODARR_SHARED_PROPS = {
    "auth": "vodarr.accounts.props.auth_props",
    "app": "vodarr.accounts.props.app_props",
    "live": "vodarr.live.props.live_props",
}

# What each person's live channel carries (live/topics.py): topic → its payload class.
VODARR_LIVE_TOPICS = {"downloads": "vodarr.downloads.live.DownloadsTopic"}

ROOT_URLCONF = "vodarr.urls"
ASGI_APPLICATION = "vodarr.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        config.env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'vodarr.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web and worker processes read while the other writes; IMMEDIATE
    # transactions plus a busy timeout make writers queue instead of failing "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
    # Tests use a file too: in-memory shared-cache SQLite answers concurrent writers with
    # "table is locked" instead of waiting, unlike the real thing the app runs on.
    # One file per process, so two test runs in one checkout never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-vodarr-{os.getpid()}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
# The Inertia client (axios) reads this cookie and echoes it in X-XSRF-TOKEN, as
# inertia-django documents; the cookie must therefore be readable from JavaScript.
CSRF_COOKIE_NAME = "XSRF-TOKEN"
CSRF_HEADER_NAME = "HTTP_X_XSRF_TOKEN"
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "vodarr.web.views.csrf_failure"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Serve the Vite build straight from the package: no collectstatic step for `make run`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

VITE_DEV = config.env_bool("VITE_DEV", False)
DJANGO_VITE = {
    "default": {
        "dev_mode": VITE_DEV,
        "manifest_path": PACKAGE_DIR / "web" / "static" / "dist" / "manifest.json",
        "static_url_prefix": "dist",
    }
}

INERTIA_LAYOUT = "base.html"
INERTIA_VERSION = "1"

_email = config.env_str("EMAIL_URL")
if _email:
    from vodarr.web.email import email_settings_from_url

    globals().update(email_settings_from_url(_email))
else:
    EMAIL_BACKEND = "vodarr.web.email.LogEmailBackend"
DEFAULT_FROM_EMAIL = config.env_str("DEFAULT_FROM_EMAIL", "Vodarr <vodarr@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "vodarr.web.logging.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": config.env_str("LOG_LEVEL", "INFO")},
    "loggers": {"httpx": {"level": "WARNING"}, "httpcore": {"level": "WARNING"}},
}

"""Django settings for Vodarr, all driven by environment variables (see config.py)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from vodarr import config

config.load_environment()

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()
DOWNLOAD_ROOT = config.download_root()
DOWNLOAD_UMASK = config.download_umask()

SECRET_KEY = config.secret_key()
DEBUG = config.env_bool("DEBUG", False)
HOST = config.env_str("HOST", "127.0.0.1")
PORT = config.env_int("PORT", 8000)
BASE_URL = config.base_url()
ALLOWED_HOSTS = config.allowed_hosts(HOST, BASE_URL)
# Reverse proxies (addresses or networks) whose X-Forwarded-For/-Proto headers are believed.
TRUSTED_PROXIES = config.env_list("TRUSTED_PROXIES")
# A browser on https://BASE_URL sends that Origin; behind a TLS proxy Django must accept it.
CSRF_TRUSTED_ORIGINS = config.env_list("CSRF_TRUSTED_ORIGINS") or ([BASE_URL] if BASE_URL else [])

# aria2: unset URL means `vodarr serve` starts an embedded aria2c and fills these in.
ARIA2_RPC_URL = config.env_str("ARIA2_RPC_URL")
ARIA2_RPC_SECRET = config.env_str("ARIA2_RPC_SECRET")

# Xtream Codes provider: unset base URL means the built-in demo catalogue.
XTREAM_BASE_URL = config.env_str("XTREAM_BASE_URL")
XTREAM_USERNAME = config.env_str("XTREAM_USERNAME")
XTREAM_PASSWORD = config.env_str("XTREAM_PASSWORD")
XTREAM_USER_AGENT = config.env_str("XTREAM_USER_AGENT", "Vodarr/0.1")
# .nfo files and artwork beside each verified movie/episode, for Jellyfin, Kodi and Emby.
VODARR_MEDIA_METADATA = config.env_bool("MEDIA_METADATA", True)
# Set by `vodarr serve` when it runs the built-in demo provider instead of a real one.
VODARR_DEMO_MODE = config.env_bool("VODARR_DEMO_MODE", False)

# Settings an admin may also change on the Settings page; set here, they win there (and the
# page says so). Unset: the page's value, else the default (no limit, as many downloads as
# the provider account allows, a sync every 6 hours, links that work for 4 hours).
ARIA2_MAX_DOWNLOAD_SPEED = config.env_speed("ARIA2_MAX_DOWNLOAD_SPEED")
ARIA2_MAX_CONCURRENT_DOWNLOADS = config.env_positive_int("ARIA2_MAX_CONCURRENT_DOWNLOADS")
VODARR_SYNC_INTERVAL_SECONDS = config.env_hours_as_seconds("SYNC_INTERVAL_HOURS")
LINK_LIFETIME_HOURS = config.env_positive_int("LINK_LIFETIME_HOURS")

REGISTRATION_OPEN = config.env_bool("REGISTRATION_OPEN", True)
MAX_USERS = config.env_int("MAX_USERS")
EMAIL_VERIFICATION_MAX_AGE = 60 * 60 * 24

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_vite",
    "inertia",
    "csp",
    "vodarr.accounts",
    "vodarr.catalog",
    "vodarr.downloads",
    "vodarr.watchlist",
    "vodarr.monitoring",
    "vodarr.notifications",
    "vodarr.variants",
    "vodarr.live",
    "vodarr.site_settings",
    "vodarr.links",
    "vodarr.web",
    "vodarr.ops",
    "vodarr.api",
    "vodarr.metrics",
    "vodarr.mediaservers",
    "vodarr.webhooks",
    # Swagger UI's files and page template for /api/v1/docs, served from here (CSP: self only).
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
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
    "watchlist": "vodarr.watchlist.props.watchlist_props",
    "notifications": "vodarr.notifications.props.notification_props",
    "live": "vodarr.live.props.live_props",
    "newLink": "vodarr.links.props.new_link",
}
# Cards other apps add to the profile page: prop name → function of the request.
VODARR_PROFILE_PROPS = {
    "notificationTargets": "vodarr.notifications.props.notification_targets",
    "versionPreferences": "vodarr.variants.props.version_preferences",
    "apiKeys": "vodarr.api.props.api_keys",
    "webhooks": "vodarr.webhooks.props.webhooks",
}
# Cards other apps add to the admin Settings page: prop name → function of nothing.
VODARR_SETTINGS_PROPS = {
    "mediaServers": "vodarr.mediaservers.props.media_servers",
}

# HTTPS behind a reverse proxy: an https BASE_URL turns on secure cookies, HSTS and the
# redirect to HTTPS; the proxy's X-Forwarded-Proto tells which requests were HTTPS, and is
# believed only from TRUSTED_PROXIES (see ops/serving.py). /healthz stays reachable over
# plain HTTP on loopback for monitors.
HTTPS = BASE_URL.startswith("https://")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = config.env_bool("SECURE_COOKIES", HTTPS)
SECURE_SSL_REDIRECT = config.env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = config.env_int("HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The HSTS preload list is a registration the domain's owner makes at browsers' makers, not
# a setting an app can decide for a self-hosted host name.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# A strict Content-Security-Policy: scripts and styles only from this site (the Vite build),
# the one inline script (the theme, before first paint) by nonce; the page data is a JSON
# <script type="application/json"> tag, which is not executed. Posters come from wherever
# the provider keeps them, hence any http(s) image.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https:", "http:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Background jobs the worker runs beside reconciliation, each in its own thread
# (downloads/worker/jobs.py), provided by the feature apps.
VODARR_WORKER_JOBS = {
    "monitors": "vodarr.monitoring.jobs.due_monitors",
    "transfer-notifications": "vodarr.notifications.jobs.transfer_notifications",
    "notification-deliveries": "vodarr.notifications.jobs.outside_deliveries",
    "ended-links": "vodarr.links.jobs.forget_ended_links",
    "metrics-probes": "vodarr.metrics.probes.probes",
    "media-server-scans": "vodarr.mediaservers.jobs.media_server_scans",
    "webhooks": "vodarr.webhooks.jobs.webhooks",
}
# Series monitoring: how often the worker looks for due monitors, and how many episodes
# one scan may start (the rest wait for the next run).
MONITOR_POLL_SECONDS = config.env_float("MONITOR_POLL_SECONDS", 60.0)
MONITOR_EPISODES_PER_RUN = config.env_int("MONITOR_EPISODES_PER_RUN", 25)
# Outside notifications (Apprise): seconds per network wait, tries before giving up.
NOTIFY_TIMEOUT_SECONDS = config.env_float("NOTIFY_TIMEOUT_SECONDS", 10.0)
NOTIFY_MAX_ATTEMPTS = config.env_int("NOTIFY_MAX_ATTEMPTS", 5)

# What each person's live channel carries (live/topics.py): topic → its payload class.
VODARR_LIVE_TOPICS = {
    "downloads": "vodarr.downloads.live.DownloadsTopic",
    "notifications": "vodarr.notifications.live.NotificationsTopic",
}
# The API: requests per minute per key (the atomic counters of web/throttle.py).
API_RATE_LIMIT = config.env_int("API_RATE_LIMIT", 300)
# /metrics is off (404) unless a token is set; then it wants Authorization: Bearer <token>.
METRICS_TOKEN = config.env_str("METRICS_TOKEN")

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
    # Each page thread keeps its connection (ops/serving.py): opening SQLite and running the
    # PRAGMAs above was a fifth of a page's time. In-process connections hold no server slot.
    DATABASES["default"]["CONN_MAX_AGE"] = None
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
# Django's database sessions, read with one written query (accounts/sessions.py).
SESSION_ENGINE = "vodarr.accounts.sessions"
# ModelBackend, loading the signed-in user with one written query (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["vodarr.accounts.backends.UserBackend"]
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
if VITE_DEV:
    # Vite's dev server injects inline scripts and serves from another port: no CSP there.
    MIDDLEWARE.remove("csp.middleware.CSPMiddleware")
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

# Paths whose rest is a secret (the links mailed for password resets and verification, the
# links to people's own devices):
# every log line, the web server's access log included, shows them as `…/***`.
LOG_REDACTED_PATH_PREFIXES = ["/reset-password/", "/email/verify/", "/dl/"]
# Secrets recognisable by their shape, redacted wherever they turn up in a log line: API keys
# (vodarr/api/keys.py), e.g. pasted into a query string by mistake, and webhook secrets.
LOG_REDACTED_PATTERNS = [r"vdr_[A-Za-z0-9_-]{20,}", r"whsec_[A-Za-z0-9_-]{20,}"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact": {"()": "vodarr.web.logging.RedactingFilter"},
        "cut_short": {"()": "vodarr.web.logging.CutShortFilter"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": config.env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        "uvicorn.error": {"filters": ["cut_short"]},
    },
}

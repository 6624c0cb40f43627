"""ASGI entry point, served by uvicorn (`vodarr serve`)."""

import os

from django.core.asgi import get_asgi_application

from vodarr.ops.serving import die_with_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
django_application = get_asgi_application()  # sets Django up: app modules import after it

from vodarr.live.asgi import streams_share_one_thread  # noqa: E402
from vodarr.live.props import LIVE_URL  # noqa: E402

application = streams_share_one_thread(django_application, {LIVE_URL})
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()

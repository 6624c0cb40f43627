"""ASGI entry point, served by uvicorn (`vodarr serve`): Django, with links opened beside it
and the live channel's streams sharing one thread."""

import os

from django.core.asgi import get_asgi_application

from vodarr.ops.serving import die_with_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
django_application = get_asgi_application()  # sets Django up: app modules import after it

# Imported once Django is set up: these apps' views use the ORM.
from vodarr.links.asgi import LinkServer  # noqa: E402
from vodarr.live.asgi import streams_share_one_thread  # noqa: E402
from vodarr.live.props import LIVE_URL  # noqa: E402

# /dl/… is served without Django's per-request thread, so a viewer holds none (links/asgi.py);
# /live streams go through Django, their sync parts on one shared thread (live/asgi.py).
application = LinkServer(streams_share_one_thread(django_application, {LIVE_URL}))
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()

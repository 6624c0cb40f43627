"""ASGI entry point, served by uvicorn (`vodarr serve`): Django, with links opened beside it."""

import os

from django.core.asgi import get_asgi_application

from vodarr.ops.serving import die_with_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")

django_application = get_asgi_application()

# Imported once Django is set up: the links app's views use the ORM.
from vodarr.links.asgi import LinkServer  # noqa: E402

# /dl/… is served without Django's per-request thread, so a viewer holds none (links/asgi.py).
application = LinkServer(django_application)
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()

"""ASGI entry point, served by uvicorn (`vodarr serve`)."""

import os

from django.core.asgi import get_asgi_application

from vodarr.ops.serving import die_with_serve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")

application = get_asgi_application()
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()

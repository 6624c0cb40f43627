"""ASGI entry point, served by uvicorn (`vodarr serve`): pages on threads, streams async, links
opened beside Django (see ``ops.serving``)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
django.setup(set_prefix=False)

from vodarr.ops.serving import WebApplication, die_with_serve  # noqa: E402

application = WebApplication()
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()

"""ASGI entry point, served by uvicorn (`vodarr serve`)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")

application = get_asgi_application()

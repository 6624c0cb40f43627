"""ASGI entry point, served by uvicorn (`vodarr serve`): pages on threads, streams async, links
opened beside Django (see ``ops.serving``)."""

import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
django.setup(set_prefix=False)

from django.urls import get_resolver  # noqa: E402

from vodarr.ops.serving import WebApplication, die_with_serve  # noqa: E402

application = WebApplication()
# uvicorn's worker processes (WEB_WORKERS > 1) must not outlive `vodarr serve`.
die_with_serve()
# Django imports the URL conf on the first request, and with it every view and the API's
# ~280 schemas: ~310 ms of CPU that the first page of each web process waited for, and the
# pages queued behind it (the p99 tail of some 16-client runs: 190-430 ms, stop 23). Loaded
# here, before the freeze below, it is paid at start and kept out of the collector's walks.
get_resolver().reverse_dict  # noqa: B018 (the property imports and indexes the URL conf)
# Everything loaded so far (Django, every app, their modules) lives as long as the process:
# out of the garbage collector's sight, a full collection no longer walks it. Measured under
# 16 clients on the Downloads page: 55-66 ms a full collection, every page in the process
# stopped meanwhile, against 12-17 ms frozen.
gc.freeze()

"""The demo Xtream Codes provider: a fake panel for tests and for trying Vodarr without one.

``python -m vodarr.demo`` serves the demo catalogue; tests use ``FakeProvider`` directly.
"""

from vodarr.demo.catalogue import Catalogue, FakeEpisode, FakeMovie, FakeSeries, demo_catalogue
from vodarr.demo.media import media_bytes
from vodarr.demo.panel import FakeAccount, Quirks
from vodarr.demo.provider import FakeProvider, demo_provider

__all__ = [
    "Catalogue",
    "FakeAccount",
    "FakeEpisode",
    "FakeMovie",
    "FakeProvider",
    "FakeSeries",
    "Quirks",
    "demo_catalogue",
    "demo_provider",
    "media_bytes",
]

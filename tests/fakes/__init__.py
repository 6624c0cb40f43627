"""Test doubles for the outside world. The fake provider is a real HTTP server."""

from vodarr.demo.catalogue import Catalogue
from vodarr.demo.provider import FakeProvider

__all__ = ["Catalogue", "FakeProvider"]

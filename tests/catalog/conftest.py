"""Catalogue test settings: every test here starts with no provider configured."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _start_without_provider(no_configured_provider: None) -> None:
    """Tests here configure the provider themselves (`provider_in_env`) when they need one."""

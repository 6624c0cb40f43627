"""Shared fixtures: users, real aria2c and the fake provider, for every test directory."""

pytest_plugins = [
    "tests.fixtures.users",
    "tests.fixtures.aria2",
    "tests.fixtures.provider",
    "tests.fixtures.catalog",
    "tests.fixtures.server",
    "tests.fixtures.browser",
]

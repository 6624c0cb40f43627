"""Shared fixtures: every test directory can use the real aria2c and the fake provider."""

pytest_plugins = ["tests.fixtures.aria2", "tests.fixtures.provider"]

"""Tests for the fake/demo Xtream Codes provider."""

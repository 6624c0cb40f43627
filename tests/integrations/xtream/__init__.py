"""Tests for the Xtream Codes client, its parsing and URL building."""

"""Vodarr: a self-hosted download manager for IPTV libraries."""

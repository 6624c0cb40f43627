"""Clients for the outside world (aria2, Xtream Codes). No Django imports below this package."""

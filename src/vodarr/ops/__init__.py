"""Running Vodarr: `vodarr serve` and its supervisor, health, file permissions, `vodarr doctor`."""

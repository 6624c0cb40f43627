"""Links to a person's own device: expiring URLs that serve a file without signing in."""

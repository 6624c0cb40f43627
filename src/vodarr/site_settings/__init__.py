"""Server-wide settings admins change in the UI: aria2's speed and concurrency, the sync
schedule, link lifetime, whether new members may download to the server."""

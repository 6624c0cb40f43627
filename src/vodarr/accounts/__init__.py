"""Users, roles, sign-in and verification, and the download-operations permission."""

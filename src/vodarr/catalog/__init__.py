"""The provider's catalogue: categories, movies (VodStream) and series, and their sync."""

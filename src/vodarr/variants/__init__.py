"""Variants: the same title listed several times by the provider (4K, FHD, FR, MULTI…).

Titles with the same TMDB id, or the same normalised name and year (``catalog`` keeps the
``group_key``), are one card; a title page offers its variants, and each person's preferred
versions ("English, then original; FHD, then 4K") decide which one a Download click takes
(``picking.py``). A series monitor follows the listing it was set up on.
"""

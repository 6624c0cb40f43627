"""Files a media server reads beside each finished movie and episode: ``.nfo`` and artwork.

Jellyfin, Kodi, Emby and Plex (with its local-media agent) guess a title from its file name;
provider names are messy, so guesses go wrong. The provider already knows the TMDB id, plot,
cast and rating, and has the poster and backdrop: written beside the file, in the layout
those servers document, they make every title land right.

- ``nfo``: the XML documents (``movie.nfo``, ``tvshow.nfo``, ``<episode file>.nfo``), built
  with ElementTree so escaping is the library's, each carrying a marker with its own hash;
- ``writing``: putting files in a title's folder and nowhere else, leaving alone whatever a
  person wrote or edited there, fetching each picture once;
- ``titles``: what to write for a finished transfer, from the provider's details.
"""

"""aria2's ``on-download-complete`` hook: open a finished download up to the media server.

The embedded aria2c runs with the umask 077, because the session file it rewrites every few
seconds lists media URLs with the provider password in them. Its downloads are therefore
private while they run; once one finishes, this hook gives the file (and the folders
between it and DOWNLOAD_ROOT) the modes ``DOWNLOAD_UMASK`` asks for, so Jellyfin or Plex
running as another user can read it. Nothing outside DOWNLOAD_ROOT is ever touched.

aria2 runs it as ``HOOK GID FILE_COUNT PATH``; the script ``EmbeddedAria2`` writes puts
the download root and the umask in front: ``python -m … ROOT UMASK GID FILE_COUNT PATH``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def share_finished_file(root: Path, path: Path, umask: int) -> bool:
    """chmod ``path`` and its folders below ``root``; False when it is not inside ``root``."""
    root = root.resolve()
    target = path.resolve()
    if root not in target.parents or not target.is_file():
        return False
    target.chmod(0o666 & ~umask)
    for folder in target.parents:
        if folder == root:
            break
        folder.chmod(0o777 & ~umask)
    return True


def main(argv: list[str]) -> int:
    if len(argv) < 5:
        return 2
    root, umask, path = argv[0], argv[1], argv[4]
    if path:
        share_finished_file(Path(root), Path(path), int(umask, 8))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

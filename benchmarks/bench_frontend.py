"""Benchmark: the JavaScript a browser fetches to show the Downloads page on a first visit.

Read from Vite's manifest of the built front end (``make setup`` builds it): the entry
(``src/main.tsx``), the page's chunk, and every chunk they import statically, each gzipped
at level 9 (as whitenoise serves them). Chunks only imported dynamically (the other pages)
are not part of it. Prints the figure against the aim of issue #14; asserts nothing.

    .venv/bin/python -m benchmarks.bench_frontend
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from benchmarks.aims import print_aim

DIST = Path(__file__).resolve().parent.parent / "src/vodarr/web/static/dist"
ENTRY = "src/main.tsx"
PAGE = "src/pages/downloads.tsx"
AIM_KB = 150.0


def first_load(manifest: dict[str, dict[str, object]], *keys: str) -> list[str]:
    """The manifest keys a first load of ``keys`` fetches: them and their static imports."""
    seen: list[str] = []
    todo = list(keys)
    while todo:
        key = todo.pop(0)
        if key in seen:
            continue
        seen.append(key)
        imports = manifest[key].get("imports", [])
        assert isinstance(imports, list)
        todo.extend(imports)
    return seen


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def main() -> None:
    manifest = json.loads((DIST / "manifest.json").read_text())
    chunks = first_load(manifest, ENTRY, PAGE)
    total = 0
    for key in sorted(chunks, key=lambda k: -gzipped(DIST / str(manifest[k]["file"]))):
        file = DIST / str(manifest[key]["file"])
        size = gzipped(file)
        total += size
        print(f"  {file.name:<36} {file.stat().st_size / 1000:8.1f} kB  gzip {size / 1000:6.1f} kB")
    lazy = len([k for k, v in manifest.items() if v.get("isDynamicEntry")])
    print_aim(
        f"Downloads page first load: {len(chunks)} JS files gzipped",
        total / 1000,
        AIM_KB,
        "kB",
        note=f"({lazy} pages load on demand)",
    )


if __name__ == "__main__":
    main()

"""The built front end: a first visit loads the app shell and its own page, nothing more.

Read from Vite's manifest (``make test`` builds the front end first). How big that first
load is, is a figure for ``make bench`` (benchmarks/bench_frontend.py), not a test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.bench_frontend import DIST, ENTRY, first_load

MANIFEST = DIST / "manifest.json"
FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
# Parts of the app shell loaded only when needed (the dialog of a link just made).
ON_DEMAND_PARTS = ["src/components/NewLinkDialog.tsx"]
pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="the front end is not built")


def manifest() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(MANIFEST.read_text())
    return data


def pages() -> list[str]:
    return sorted(str(p.relative_to(FRONTEND)) for p in (FRONTEND / "src/pages").rglob("*.tsx"))


def test_every_page_is_loaded_on_demand() -> None:
    built = manifest()
    assert pages(), "no pages found"
    assert all(built[page].get("isDynamicEntry") for page in pages())
    imports = sorted(built[ENTRY]["dynamicImports"])  # type: ignore[arg-type]
    assert imports == sorted([*pages(), *ON_DEMAND_PARTS])


@pytest.mark.parametrize("page", ["src/pages/downloads.tsx", "src/pages/auth/login.tsx"])
def test_a_first_visit_loads_no_other_page(page: str) -> None:
    loaded = first_load(manifest(), ENTRY, page)

    assert [key for key in loaded if key in pages()] == [page]


def test_the_stand_ins_replace_their_packages_in_the_bundle() -> None:
    shared = [DIST / str(manifest()[key]["file"]) for key in first_load(manifest(), ENTRY)]
    text = "".join(path.read_text() for path in shared)

    assert "Django has no such endpoint" in text  # src/shims/precognition.ts
    assert "Side channel does not contain the given key" in text  # src/shims/side-channel.cjs
    assert "maxStringLength" not in text  # object-inspect, which the real side-channel pulls in

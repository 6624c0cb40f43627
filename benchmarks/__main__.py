"""Run every benchmark, each in its own process (each sets up its own Django and data)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    names = sys.argv[1:] or sorted(p.stem for p in HERE.glob("bench_*.py"))
    failed = []
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        # As modules from the repository root, so they share benchmarks/aims.py and measure.py.
        result = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{name}"], cwd=HERE.parent, check=False
        )
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nBenchmarks that did not finish: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: one batched ``tell_statuses`` versus one ``tell_status`` per GID.

The Downloads page asks aria2 for the live status of the rows on screen; this shows what
batching them into one ``system.multicall`` round trip saves. Prints figures, asserts nothing.

    python benchmarks/bench_aria2.py
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import timed
from vodarr.integrations.aria2 import Aria2Client, EmbeddedAria2

DOWNLOADS = 10
ROUNDS = 200


def _timings(action: Callable[[], object], rounds: int) -> list[float]:
    action()  # warm the keep-alive connection
    return timed(action, rounds)


def _report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    median = statistics.median(ordered) * 1000
    p90 = ordered[int(len(ordered) * 0.9) - 1] * 1000
    print(f"{label:<34} median {median:7.3f} ms   p90 {p90:7.3f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        daemon = EmbeddedAria2(root / "downloads", root / "session.txt")
        with daemon, Aria2Client(daemon.rpc_url, daemon.secret) as client:
            gids = [
                client.add_uri(
                    [f"http://127.0.0.1:9/movie/user/pass/{n}.mp4"],
                    {"pause": "true", "out": f"{n}.mp4"},
                )
                for n in range(DOWNLOADS)
            ]
            batched = _timings(lambda: client.tell_statuses(gids), ROUNDS)
            separate = _timings(lambda: [client.tell_status(g) for g in gids], ROUNDS)
    print(f"aria2 status of {DOWNLOADS} paused downloads, {ROUNDS} rounds each")
    _report("tell_statuses (1 multicall)", batched)
    _report(f"tell_status x {DOWNLOADS} (separate calls)", separate)
    ratio = statistics.median(separate) / statistics.median(batched)
    print(f"batched is {ratio:.1f}x faster at the median")


if __name__ == "__main__":
    main()

"""Benchmark: checking finished files, as the worker's verifier does (in its own threads).

Sparse 4 GiB files carry a real container header (the fake provider's), so the figures show
what a check costs on a film-sized file: the signature, the declared length, and ffprobe
reading the headers. A real 10-minute MP4 whose index sits at the end (ffmpeg's default)
makes ffprobe seek. Prints medians; asserts nothing.

    .venv/bin/python benchmarks/bench_verify.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROUNDS = 7
GIB = 1024**3


def _median_ms(action: Callable[[], object]) -> float:
    action()
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def _sparse(path: Path, prefix: bytes, size: int) -> Path:
    with path.open("wb") as file:
        file.write(prefix)
        file.truncate(size)  # the filler is a hole: no 4 GiB written to disk
    return path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vodarr.settings")
    tmp = Path(tempfile.mkdtemp(prefix="vodarr-bench-verify-"))
    os.environ["VODARR_DATA_DIR"] = str(tmp)
    import django

    django.setup()
    from vodarr.demo.container import container_prefix
    from vodarr.downloads.verify import FileCheck, check_file
    from vodarr.integrations.media import ffprobe_path

    ffprobe = ffprobe_path()
    print(f"ffprobe: {ffprobe or 'not installed'}; files in {tmp}")
    cases: list[tuple[str, Path, int | None]] = []
    # The fake provider's Matroska padding is one Void element: ffprobe skips one below 2 GiB.
    for ext, gib in (("mkv", 1.9), ("mp4", 4)):
        size = int(gib * GIB)
        path = _sparse(tmp / f"film.{ext}", container_prefix(ext, size, 5640), size)
        cases.append((f"{gib:g} GiB {ext.upper()} (fake header + hole)", path, 5640))
    raw = tmp / "raw.mkv"
    source = "testsrc2=size=640x360:rate=25:duration=124"  # ~1 GiB of raw frames
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", source, "-c:v", "rawvideo", str(raw)],
        check=True,
    )
    cases.append((f"real MKV of {raw.stat().st_size // 1024**2} MiB (raw video)", raw, 124))
    real = tmp / "real.mp4"
    source = "testsrc2=size=640x360:rate=25:duration=600"
    encode = ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "40"]
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", source, *encode, str(real)],
        check=True,
    )
    megabytes = real.stat().st_size // 1024**2
    cases.append((f"real 10-min MP4, index at the end ({megabytes} MiB)", real, 600))
    text = tmp / "reply.mp4"
    text.write_bytes(b'{"user_info":{"auth":1},"message":"max connections reached"}')
    cases.append((f"{text.stat().st_size}-byte JSON reply", text, 5640))

    for label, path, duration in cases:
        check = FileCheck(path, path.stat().st_size, duration)
        verdict = check_file(check, ffprobe=ffprobe)
        with_probe = _median_ms(partial(check_file, check, ffprobe=ffprobe))
        without = _median_ms(partial(check_file, check, ffprobe=None))
        outcome = "passed" if verdict.passed else f"refused: {verdict.reason[:90]}"
        print(
            f"{label:<48} {with_probe:7.1f} ms with ffprobe, {without:6.2f} ms without  ({outcome})"
        )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

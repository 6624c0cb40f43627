"""Benchmark: the memory ``vodarr serve`` holds, all its processes together.

``vodarr serve`` runs here as ``make run`` does: a fresh SQLite database, the embedded
aria2c, the demo provider and the worker. Once ``/healthz`` answers and the processes have
gone quiet (their CPU time stops growing), the RSS and peak RSS (``VmHWM``) of every process
in its tree are added up. ``serving()`` and ``print_tree_memory()`` are meant for reuse: a
load benchmark can print the same figures while its clients run.

    .venv/bin/python -m benchmarks.bench_serve
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from benchmarks.measure import MIB, process_tree, tree_memory

READY_TIMEOUT_S = 60.0
QUIET_TIMEOUT_S = 60.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(data_dir: Path, port: int, web_workers: int = 1) -> Iterator[subprocess.Popen[bytes]]:
    """``vodarr serve`` on ``port`` with its data in ``data_dir``, ready; stopped after."""
    vodarr = str(Path(sys.executable).with_name("vodarr"))
    env = {
        **os.environ,
        "VODARR_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / 'vodarr.sqlite3'}",
        "LOG_LEVEL": "WARNING",
        "WEB_WORKERS": str(web_workers),
    }
    for name in ("XTREAM_BASE_URL", "XTREAM_USERNAME", "XTREAM_PASSWORD", "ARIA2_RPC_URL"):
        env.pop(name, None)  # the embedded defaults, as a newcomer gets them
    subprocess.run([vodarr, "migrate", "--noinput", "-v0"], env=env, check=True)
    log = (data_dir / "serve.log").open("wb")
    process = subprocess.Popen(
        [vodarr, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        _wait_until_ready(process, f"http://127.0.0.1:{port}/healthz", data_dir / "serve.log")
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def print_tree_memory(pid: int, label: str) -> tuple[int, int]:
    """Print (and return) the tree's current RSS and the sum of its processes' peaks."""
    members = tree_memory(pid)
    rss = sum(m.rss for m in members)
    peak = sum(m.peak for m in members)
    print(
        f"{label:<52} {rss / MIB:7.0f} MiB now, peaks summed {peak / MIB:4.0f} MiB "
        f"({len(members)} processes; no aim in #14: printed)",
        flush=True,
    )
    for member in members:
        now, most = member.rss / MIB, member.peak / MIB
        print(f"  {member.command[:48]:<50} {now:7.0f} MiB now, peak {most:4.0f} MiB")
    return rss, peak


def wait_until_quiet(pid: int, timeout: float = QUIET_TIMEOUT_S) -> float:
    """Wait until the tree uses under 2% of a core over a second; returns seconds waited."""
    started = time.monotonic()
    before = tree_cpu_seconds(pid)
    while time.monotonic() - started < timeout:
        time.sleep(1.0)
        now = tree_cpu_seconds(pid)
        if now - before < 0.02:
            break
        before = now
    return time.monotonic() - started


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"vodarr serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"vodarr serve did not answer {url} in {READY_TIMEOUT_S:.0f} s")


def tree_cpu_seconds(pid: int) -> float:
    return sum(tree_cpu_by_process(pid).values())


def tree_cpu_by_process(pid: int) -> dict[str, float]:
    """CPU seconds (user + system) so far of each process in the tree, by "pid command"."""
    seconds: dict[str, float] = {}
    for member in process_tree(pid):
        try:
            stat = Path(f"/proc/{member}/stat").read_text()
            command = Path(f"/proc/{member}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        # utime, stime (fields 14 and 15)
        seconds[f"{member} {command.strip()}"] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return seconds


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="vodarr-bench-serve-"))
    with serving(data_dir, free_port()) as process:
        waited = wait_until_quiet(process.pid)
        print(f"vodarr serve ready and quiet after {waited:.0f} s more; data in {data_dir}")
        print_tree_memory(process.pid, "vodarr serve at idle (web, worker, aria2c)")
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

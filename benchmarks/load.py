"""Load on a running `vodarr serve`: wrk's clients, a signed-in session, memory while it runs.

The clients are wrk (C, epoll: a Debian package ``make bench`` installs), not Python threads:
16 httpx clients cost ~1.5 ms of CPU per request themselves, on the same 2 cores as the
server, and measured their own GIL as much as the server. wrk prints latency percentiles
(``--latency``) and requests/s; a Lua script adds nothing here, headers are enough.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import tree_memory

INERTIA = {"X-Inertia": "true", "X-Inertia-Version": "1", "Accept": "application/json"}
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    failed: int  # non-2xx answers and socket errors


def wrk_missing() -> bool:
    return shutil.which("wrk") is None


def run_wrk(url: str, cookies: dict[str, str], clients: int, seconds: int) -> Load:
    """``clients`` connections asking for ``url`` back to back for ``seconds``."""
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    headers = [f"Cookie: {cookie}", *(f"{name}: {value}" for name, value in INERTIA.items())]
    command = ["wrk", "--latency", "-t", str(min(2, clients)), "-c", str(clients)]
    command += ["-d", f"{seconds}s", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    return _parse(output)


def _parse(output: str) -> Load:
    def duration(label: str) -> float:
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if match is None:
            raise ValueError(f"wrk printed no {label} latency:\n{output}")
        return float(match[1]) * _UNITS[match[2]]

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if rate is None or total is None:
        raise ValueError(f"wrk printed no request rate:\n{output}")
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        failed += sum(int(n) for n in errors.groups())
    return Load(float(rate[1]), duration("50%"), duration("99%"), int(total[1]), failed)


@contextmanager
def sampling_memory(pid: int, every: float = 0.25) -> Iterator[list[int]]:
    """While inside: the RSS of ``pid``'s tree, summed, every ``every`` seconds (bytes)."""
    samples: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            samples.append(sum(member.rss for member in tree_memory(pid)))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


def connections_by_process(port: int) -> list[int]:
    """How many established connections to ``port`` each process holds, most first (``ss``,
    from iproute2; empty when it is missing). Each web process listens on a socket of its own
    and the kernel spreads new connections over them by their addresses, so wrk's clients,
    all connected at once and kept alive, may be split unevenly: the busier process's clients
    wait longer.
    """
    if shutil.which("ss") is None:
        return []
    listed = subprocess.run(
        ["ss", "-Htnp", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    counts: dict[str, int] = {}
    for pid in re.findall(r"pid=(\d+)", listed):
        counts[pid] = counts.get(pid, 0) + 1
    return sorted(counts.values(), reverse=True)


def embedded_aria2(data_dir: Path, log: Path) -> tuple[str, str]:
    """The RPC URL and secret of the aria2c that `vodarr serve` started for ``data_dir``."""
    found = re.search(r"Started the embedded aria2 at (\S+)", log.read_text())
    if found is None:
        raise SystemExit(f"vodarr serve did not start its own aria2c:\n{log.read_text()}")
    conf = (data_dir / "aria2.session.rpc.conf").read_text()
    return found[1], conf.strip().removeprefix("rpc-secret=")

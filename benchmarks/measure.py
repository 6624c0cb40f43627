"""Measuring helpers the benchmarks share: peak memory of a child command or process tree.

Peak RSS ("high-water mark") is what decides whether a small box runs out of memory, so it
is read from the kernel rather than sampled: ``wait4`` returns the finished child's own
``ru_maxrss``, and ``/proc/PID/status`` holds ``VmHWM`` for a process still running.

One trap: Linux carries a process's ``ru_maxrss`` across ``fork`` and ``exec``, so a command
started straight from a benchmark that holds a 240,000-title fake provider would report the
benchmark's own size. ``run_measured`` therefore starts a small launcher interpreter, which
forks the command and reports the command's own figures.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024


@dataclass(frozen=True)
class ChildRun:
    returncode: int
    seconds: float
    cpu_seconds: float  # user + system: less moved than wall time by other work on the box
    peak_rss: int  # bytes
    output: str


# Run by a fresh (small) interpreter: its child inherits only the launcher's tiny peak.
_LAUNCHER = """
import os, sys
report, command = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(command: Sequence[str], env: Mapping[str, str] | None = None) -> ChildRun:
    """Run ``command`` to the end; its wall time, CPU time and peak RSS (its own)."""
    with tempfile.TemporaryDirectory(prefix="vodarr-measure-") as scratch:
        report = Path(scratch) / "rusage"
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(report), *command],
            env=dict(env) if env is not None else None,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        maxrss_kib, cpu = report.read_text().split()
    return ChildRun(result.returncode, seconds, float(cpu), int(maxrss_kib) * 1024, result.stdout)


def process_tree(pid: int) -> list[int]:
    """``pid`` and every live descendant of it (read from ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended while we looked
        # The command name may hold spaces and parentheses: the fields follow the last ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


@dataclass(frozen=True)
class ProcessMemory:
    pid: int
    command: str
    rss: int  # bytes, now
    peak: int  # bytes, the high-water mark since the process started


def tree_memory(pid: int) -> list[ProcessMemory]:
    """The memory of ``pid`` and each live descendant, read from ``/proc``.

    The sum of the peaks is an upper bound of the tree's peak: the processes need not have
    peaked at the same moment.
    """
    members = []
    for member in process_tree(pid):
        fields = _status_fields(member)
        if fields:
            command = _command(member)
            members.append(
                ProcessMemory(member, command, fields.get("VmRSS", 0), fields.get("VmHWM", 0))
            )
    return members


def _command(pid: int) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    words = [Path(argv[0].decode()).name] + [a.decode() for a in argv[1:4] if a]
    return " ".join(words)


def _status_fields(pid: int) -> dict[str, int]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    values = {}
    for line in lines:
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) * 1024  # the kernel reports kB
    return values


def timed(action: Callable[[], object], rounds: int) -> list[float]:
    """Seconds each of ``rounds`` calls of ``action`` took."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return timings

"""Is a finished download really the film? The checks the worker runs before "complete".

IPTV panels often answer a media URL with HTTP 200 and something else: a short JSON or HTML
error ("max connections reached"), a few-second "limit reached" clip, or a body cut short.
aria2 reports each of those complete. ``check_file`` looks at what was written, cheapest
check first:

1. the file is there, with the length aria2 reported;
2. its first bytes carry a media container's signature (``integrations.media.containers``);
   if they read as text instead, the person is shown the reply's first line (redacted);
3. a container that states its own length (Matroska, MP4, AVI) is not shorter than that;
4. where ffprobe is installed, the container opens, holds video, and runs at least half
   the provider's duration when the provider gives one.

A refusal says in one sentence what arrived instead, and whether fetching again may help
(``transient``): a connection limit, a temporary refusal, a short clip or a cut body pass;
a file that is simply not video does not. Everything here is plain file and process work, no
database, so the worker runs it in a thread (``worker.verifying``).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from vodarr.downloads.disk import format_size
from vodarr.integrations.aria2.codes import mentions_connection_limit
from vodarr.integrations.media import (
    Container,
    Probe,
    ProbeFailed,
    declared_length,
    probe_file,
    sniff,
)
from vodarr.integrations.media.containers import HEAD_BYTES
from vodarr.integrations.redact import redact_text

# Providers round runtimes, count credits or not, run PAL 4% fast, and some list a wrong
# runtime outright: only a file far shorter than announced (a notice clip, a stream cut
# early) is refused, never one a little short. Longer is fine.
DURATION_SHORTFALL = 0.5
MIN_CHECKED_DURATION_SECS = 60  # below this a provider's duration is too rough to judge by
SHOWN_TEXT_CHARS = 120
_TEMPORARY = re.compile(
    r"try (?:again|later)|temporar|unavailable|busy|overload|maintenance|limit (?:reached|"
    r"exceeded)|rate[ _-]?limit|too many (?:requests|users|connections|streams)|slow down"
    r"|\b(?:429|503)\b",
    re.IGNORECASE,
)
_MESSAGE_KEYS = ("message", "error", "msg", "reason", "detail", "status")


@dataclass(frozen=True)
class FileCheck:
    """What to check, as plain data (built where the database is, run where it is not)."""

    path: Path
    expected_length: int
    expected_duration_secs: int | None = None
    what: str = "film"  # how the person calls it: "film" or "episode"
    secrets: tuple[str, ...] = ()  # provider credentials a text reply might echo


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reason: str = ""  # a sentence for people when refused
    transient: bool = False  # fetching the same URL again may bring the real file
    probe: Probe | None = None
    note: str = ""  # for the log: what ffprobe said, when it refused or could not run


def check_file(check: FileCheck, *, ffprobe: str | None, timeout: float = 60.0) -> Verdict:
    """Run every check on ``check.path``; the first one that fails decides."""
    path, what = check.path, check.what
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except FileNotFoundError:
        return _refused("The downloaded file is no longer in the download folder.", True)
    except OSError as error:
        return _refused(f"The downloaded file cannot be read: {error.strerror or error}.", True)
    if size == 0:
        return _refused(f"The provider sent an empty reply instead of the {what}.", True)
    if check.expected_length and size != check.expected_length:
        return _refused(
            f"The file on disk is {format_size(size)}, not the "
            f"{format_size(check.expected_length)} the provider sent.",
            True,
        )
    container = sniff(head)
    if container is None:
        return _not_media(head, size, check)
    declared = declared_length(path, container)
    if declared is not None and declared > size:
        return _refused(
            f"The provider's file is cut short: {format_size(size)} of the "
            f"{format_size(declared)} its {container.value} header announces.",
            True,
        )
    if ffprobe is None:
        return Verdict(True, probe=Probe(container.value, None, None, None, None))
    return _probed(check, container, ffprobe, timeout)


def _probed(check: FileCheck, container: Container, ffprobe: str, timeout: float) -> Verdict:
    what = check.what
    try:
        probe = probe_file(check.path, container, ffprobe=ffprobe, timeout=timeout)
    except ProbeFailed as failure:
        if failure.timed_out:
            # A slow disk is no evidence against the file: it passes on its signature.
            return Verdict(
                True, probe=Probe(container.value, None, None, None, None), note=failure.message
            )
        return _refused(
            f"The provider's file starts like {_article(container.value)} {container.value} "
            "video but does not open: it is damaged or incomplete.",
            False,
            note=failure.message,
        )
    if probe.video_codec is None:
        return _refused(f"The provider sent a file with no video in it instead of the {what}.")
    expected = check.expected_duration_secs
    if (
        expected
        and expected >= MIN_CHECKED_DURATION_SECS
        and probe.duration_secs is not None
        and probe.duration_secs < expected * (1 - DURATION_SHORTFALL)
    ):
        # Panels answer with a short "connection limit reached" video: worth fetching again.
        return _refused(
            f"The provider sent a {_length(probe.duration_secs)} clip instead of the "
            f"{_length(expected)} {what}.",
            True,
        )
    return Verdict(True, probe=probe)


def _not_media(head: bytes, size: int, check: FileCheck) -> Verdict:
    text = _as_text(head)
    if text is None:
        return _refused(
            f"The provider sent {format_size(size)} that is not video: no Matroska, MP4, "
            "MPEG-TS or AVI header.",
        )
    shown = redact_text(_first_line(text), secrets=check.secrets)
    amount = f"{size}-byte" if size < 1024 else format_size(size)
    reason = f"The provider sent a {amount} text reply instead of the {check.what}"
    reason += f': "{shown}"' if shown else "."
    return _refused(reason, mentions_connection_limit(text) or bool(_TEMPORARY.search(text)))


def _refused(reason: str, transient: bool = False, *, note: str = "") -> Verdict:
    return Verdict(False, reason=reason, transient=transient, note=note)


def _as_text(head: bytes) -> str | None:
    """``head`` decoded, if it reads as text (an error page, JSON) rather than binary."""
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", errors="replace")
    readable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return text if readable >= 0.95 * len(text) else None


def _first_line(text: str) -> str:
    """What a person would read first: a JSON message, an HTML page's title or text."""
    stripped = text.strip()
    try:
        data = json.loads(stripped)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in _MESSAGE_KEYS:
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return _cap(value)
    if stripped.startswith("<"):
        title = re.search(r"<title[^>]*>(.*?)</title>", stripped, re.IGNORECASE | re.DOTALL)
        if title and title.group(1).strip():
            return _cap(html.unescape(title.group(1)))
        stripped = re.sub(
            r"<(script|style)\b.*?</\1>", " ", stripped, flags=re.IGNORECASE | re.DOTALL
        )
        stripped = html.unescape(re.sub(r"<[^>]+>", "\n", stripped))
    lines = [line.strip() for line in stripped.splitlines() if line.strip()]
    return _cap(lines[0]) if lines else ""


def _cap(line: str) -> str:
    line = " ".join(line.split()).replace('"', "'")
    return line if len(line) <= SHOWN_TEXT_CHARS else line[: SHOWN_TEXT_CHARS - 1] + "…"


def _length(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))}-second"
    return f"{round(seconds / 60)}-minute"


def _article(container: str) -> str:
    return "a" if container == "Matroska" else "an"  # an MP4, an MPEG-TS, an AVI

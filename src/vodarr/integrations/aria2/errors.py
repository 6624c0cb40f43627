"""The one error family for everything that goes wrong talking to aria2.

Callers catch ``Aria2Error`` and read two things: ``message`` (a sentence a person can act on,
already redacted, and without the internal RPC URL so any signed-in person may see it) and
``permanent`` (would retrying the same call help?). ``detail`` adds where aria2 was asked,
for administrators and the log. The subclasses
exist so code can react to the few cases that need different handling: aria2 is down, the
secret is wrong, the GID is gone, the binary is missing.
"""

from __future__ import annotations

from vodarr.integrations.redact import redact_text


class Aria2Error(Exception):
    """aria2 refused a call or could not be reached.

    ``message`` never contains a media URL, the RPC URL or the RPC secret: it is built
    through ``redact_text`` here, in the one constructor every subclass goes through, and
    callers name the RPC URL in ``detail`` only.
    """

    default_permanent = True

    def __init__(
        self,
        message: str,
        *,
        permanent: bool | None = None,
        code: int | None = None,
        secrets: tuple[str, ...] = (),
        detail: str | None = None,
    ) -> None:
        self.message = redact_text(message, secrets)
        self.detail = redact_text(detail, secrets) if detail else self.message
        self.permanent = self.default_permanent if permanent is None else permanent
        self.code = code
        super().__init__(self.message)

    @classmethod
    def refused(
        cls, aria2_message: str, *, code: int | None, secrets: tuple[str, ...] = ()
    ) -> Aria2Error:
        """An error answer from aria2 that has no more specific meaning."""
        return cls(f"aria2 refused: {aria2_message}", code=code, secrets=secrets)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, permanent={self.permanent}, code={self.code})"
        )


class Aria2Unreachable(Aria2Error):
    """Nothing answered at the RPC URL (refused, timed out, DNS): aria2 may come back."""

    default_permanent = False


class Aria2AuthError(Aria2Error):
    """aria2 answered ``Unauthorized``: the configured RPC secret is wrong."""

    def __init__(self, *, code: int | None = 1) -> None:
        super().__init__("aria2 rejected the RPC secret (Unauthorized).", code=code)


class Aria2GidNotFound(Aria2Error):
    """aria2 does not know the GID: never added, or its result was already purged."""

    def __init__(self, gid: str, *, code: int | None = 1) -> None:
        self.gid = gid
        super().__init__(f"aria2 has no download with GID {gid}.", code=code)


class Aria2NotInstalled(Aria2Error):
    """The ``aria2c`` binary is not on PATH, so the embedded daemon cannot start."""

    def __init__(self) -> None:
        super().__init__(
            "aria2c was not found on PATH. "
            "Install it with: sudo apt-get install aria2 (Debian/Ubuntu)"
        )


class Aria2DaemonError(Aria2Error):
    """The embedded aria2c exited early or never answered RPC."""

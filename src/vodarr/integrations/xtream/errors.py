"""The one error type for everything that goes wrong talking to an Xtream Codes provider.

Each error carries a human-readable ``message`` (safe to show on any page: it never holds the
password, a URL with credentials, or even the provider's address), ``detail`` (the same
naming the provider by host, for administrators and the log) and ``permanent``, which says
whether retrying the same call later could help. Callers decide on retries from ``permanent`` alone.
"""

from __future__ import annotations


class XtreamError(Exception):
    """A provider call failed; ``permanent`` is False when a later retry could succeed."""

    default_permanent: bool = False

    def __init__(
        self, message: str, *, permanent: bool | None = None, detail: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message
        self.permanent = self.default_permanent if permanent is None else permanent

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, permanent={self.permanent})"


class XtreamAuthError(XtreamError):
    """The provider rejected the credentials (``auth: 0``, HTTP 401 or 403)."""

    default_permanent = True

    def __init__(
        self,
        message: str = "The provider rejected the username or password.",
        *,
        permanent: bool | None = None,
    ) -> None:
        super().__init__(message, permanent=permanent)


class XtreamUnreachable(XtreamError):
    """The provider could not be reached: refused, unknown host, timeout, dropped connection."""

    default_permanent = False


class XtreamNotFound(XtreamError):
    """The provider does not know the requested movie or series."""

    default_permanent = True


class XtreamInvalidURL(XtreamError, ValueError):
    """A provider URL or media URL part makes no sense (bad scheme, no host, bad extension)."""

    default_permanent = True

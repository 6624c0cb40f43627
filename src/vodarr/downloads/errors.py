"""The ways a download operation says no: a start that started nothing (or was not allowed),
a refused action.

Both carry sentences shown to the person as they are (flash or ``errors.action``).
"""

from __future__ import annotations


class StartError(Exception):
    """Nothing was started; ``messages`` say why, one sentence each."""

    def __init__(self, *messages: str) -> None:
        super().__init__(" ".join(messages))
        self.messages = list(messages)


class StartNotAllowed(StartError):
    """The person may not download to the server (the per-user permission is off)."""


class ActionError(Exception):
    """The action was refused or failed; ``message`` is shown to the user as `errors.action`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

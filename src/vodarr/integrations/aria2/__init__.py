"""aria2 integration: JSON-RPC client, typed statuses, error codes, listener, embedded daemon.

No Django imports anywhere in this package: the downloads app builds on it, not the reverse.
"""

from vodarr.integrations.aria2.client import Aria2Client
from vodarr.integrations.aria2.codes import ARIA2_ERROR_CODES, describe_error, is_transient
from vodarr.integrations.aria2.daemon import EmbeddedAria2, find_aria2c
from vodarr.integrations.aria2.errors import (
    Aria2AuthError,
    Aria2DaemonError,
    Aria2Error,
    Aria2GidNotFound,
    Aria2NotInstalled,
    Aria2Unreachable,
)
from vodarr.integrations.aria2.listener import Aria2Listener
from vodarr.integrations.aria2.types import (
    STATUS_KEYS,
    Aria2Event,
    Aria2Status,
    DownloadStatus,
    FileEntry,
    GlobalStat,
)

__all__ = [
    "ARIA2_ERROR_CODES",
    "STATUS_KEYS",
    "Aria2AuthError",
    "Aria2Client",
    "Aria2DaemonError",
    "Aria2Error",
    "Aria2Event",
    "Aria2GidNotFound",
    "Aria2Listener",
    "Aria2NotInstalled",
    "Aria2Status",
    "Aria2Unreachable",
    "DownloadStatus",
    "EmbeddedAria2",
    "FileEntry",
    "GlobalStat",
    "describe_error",
    "find_aria2c",
    "is_transient",
]

"""Configuration read from the environment (and a `.env` file), with the embedded defaults.

Everything Vodarr can be told lives here, so settings.py stays declarative and the CLI can
show people what is in force. Unset means "use the embedded default".
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import load_dotenv

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def load_environment() -> None:
    """Read `.env` from the working directory; real environment variables win."""
    load_dotenv(Path.cwd() / ".env", override=False)


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be one of true/false/1/0/yes/no, not {raw!r}.")


def env_int(name: str, default: int | None = None) -> int | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str) -> list[str]:
    """A comma-separated variable as a list; empty items dropped."""
    return [item.strip() for item in env_str(name).split(",") if item.strip()]


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARD_ADDRESSES = {"", "0.0.0.0", "::"}  # noqa: S104 - names, not a bind


def base_url() -> str:
    """``BASE_URL`` (the address people open, e.g. ``https://vodarr.example.com``) or "".

    Every link in an email is built on it, so a request's Host header never decides where
    a password-reset link points. Vodarr is served from the site's root: no path. What is
    returned is the origin (scheme, host, port), without a trailing slash.
    """
    raw = env_str("BASE_URL")
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"BASE_URL must look like https://vodarr.example.com, not {raw!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"BASE_URL must be the site's root with no path or query, not {raw!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def allowed_hosts(host: str, site_url: str) -> list[str]:
    """``ALLOWED_HOSTS`` when set, else the loopback names, ``HOST`` and BASE_URL's host.

    Never ``*`` by default: with any Host accepted, a forged one lands in mailed links.
    """
    configured = env_list("ALLOWED_HOSTS")
    if configured:
        return configured
    names = list(LOOPBACK_NAMES)
    if host not in WILDCARD_ADDRESSES:
        names.append(f"[{host}]" if ":" in host else host)
    if site_url:
        hostname = urlsplit(site_url).hostname or ""
        names.append(f"[{hostname}]" if ":" in hostname else hostname)
    return list(dict.fromkeys(names))


def env_float(name: str, default: float) -> float:
    """A positive number of seconds (fractions allowed, so tests can poll quickly)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}.") from None
    if not value > 0 or value == float("inf"):
        raise ValueError(f"{name} must be a positive number, not {raw!r}.")
    return value


_SPEED_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def env_speed(name: str) -> int | None:
    """A speed in bytes per second, written as aria2 does ("0", "800K", "2.5M"); None if unset.

    0 means no limit.
    """
    raw = env_str(name)
    if not raw:
        return None
    unit = raw[-1].upper() if raw[-1].isalpha() else ""
    number = raw[:-1] if unit else raw
    wrong = f"{name} must be bytes per second such as 0, 800K or 2.5M, not {raw!r}."
    if unit not in _SPEED_UNITS:
        raise ValueError(wrong)
    try:
        value = float(number) * _SPEED_UNITS[unit]
    except ValueError:
        raise ValueError(wrong) from None
    if not 0 <= value < 1024**4:
        raise ValueError(wrong)
    return int(value)


def env_positive_int(name: str) -> int | None:
    """A whole number of at least 1; None when unset."""
    value = env_int(name)
    if value is not None and value < 1:
        raise ValueError(f"{name} must be 1 or more, not {value}.")
    return value


def env_hours_as_seconds(name: str) -> float | None:
    """A whole number of hours (0 allowed), in seconds; None when unset."""
    hours = env_int(name)
    if hours is None:
        return None
    if hours < 0:
        raise ValueError(f"{name} must be 0 or more hours, not {hours}.")
    return hours * 3600.0


def data_dir() -> Path:
    """Where Vodarr keeps its database, secret key and aria2 session (default `./data`).

    Created private (0700) whatever the umask: everything in it is secret.
    """
    path = Path(env_str("VODARR_DATA_DIR") or (Path.cwd() / "data")).resolve()
    if not path.exists():
        path.mkdir(parents=True)
        path.chmod(0o700)
    return path


def download_umask() -> int:
    """``DOWNLOAD_UMASK`` (octal, default 022): which permissions finished downloads lack.

    022 leaves them readable by a media server running as another user; 002 lets a shared
    group write too; 077 keeps them private.
    """
    raw = env_str("DOWNLOAD_UMASK", "022")
    try:
        value = int(raw, 8)
    except ValueError:
        value = -1
    if not 0 <= value <= 0o777:
        raise ValueError(f"DOWNLOAD_UMASK must be an octal umask such as 022, not {raw!r}.")
    return value


def download_root() -> Path:
    """Where downloads are written (default `./data/downloads`), created shareable when new."""
    path = Path(env_str("DOWNLOAD_ROOT") or (data_dir() / "downloads")).resolve()
    if not path.exists():
        path.mkdir(parents=True)
        path.chmod(0o777 & ~download_umask())
    return path


def secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept under the data dir."""
    configured = env_str("SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir() / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(50)
    # Written with 0600 from the start, whatever the umask: the key signs sessions and
    # password-reset links, and decrypts the stored provider password.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key

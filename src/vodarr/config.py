"""Configuration read from the environment (and a `.env` file), with the embedded defaults.

Everything Vodarr can be told lives here, so settings.py stays declarative and the CLI can
show people what is in force. Unset means "use the embedded default".
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

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


def data_dir() -> Path:
    """Where Vodarr keeps its database, secret key and aria2 session (default `./data`)."""
    path = Path(env_str("VODARR_DATA_DIR") or (Path.cwd() / "data")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def download_root() -> Path:
    path = Path(env_str("DOWNLOAD_ROOT") or (data_dir() / "downloads")).resolve()
    path.mkdir(parents=True, exist_ok=True)
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
    # Written with 0600 from the start: the key signs sessions and password-reset links.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key

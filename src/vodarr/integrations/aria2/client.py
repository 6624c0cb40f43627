"""A thin, typed JSON-RPC 2.0 client for aria2c over HTTP.

Sync on purpose: Django views and the worker loop are synchronous, and one keep-alive
``httpx.Client`` per process is all the concurrency we need; the WebSocket listener runs in
its own thread (see ``listener.py``).

Methods mirror aria2's RPC one to one in snake_case and return typed values (integers, not
aria2's strings). ``token:SECRET`` goes first in every call's params, including every call
inside ``system.multicall`` (multicall itself takes no token). Every failure is an
``Aria2Error`` whose message is redacted: media URLs carry the provider's password.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import httpx

from vodarr.integrations.aria2.errors import (
    Aria2AuthError,
    Aria2Error,
    Aria2GidNotFound,
    Aria2Unreachable,
)
from vodarr.integrations.aria2.types import STATUS_KEYS, DownloadStatus, GlobalStat
from vodarr.integrations.connecting import connect_reason
from vodarr.integrations.redact import redact_url

_GID_NOT_FOUND = re.compile(r"GID (\S+) is not found")


class Aria2Client:
    """One aria2 daemon's JSON-RPC endpoint. Thread-safe; reuse one per process."""

    def __init__(
        self,
        rpc_url: str,
        secret: str | None,
        *,
        timeout: float = 10.0,
        connect_timeout: float = 3.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.rpc_url = rpc_url
        self._secret = secret or None
        self._timeout = timeout
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers={"User-Agent": "vodarr-aria2-client"},
            transport=transport,
        )
        self._ids = itertools.count(1)
        # HTTP round trips made so far: lets tests and benchmarks prove batching.
        self.request_count = 0

    def __enter__(self) -> Aria2Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def __repr__(self) -> str:
        return f"Aria2Client({redact_url(self.rpc_url)!r})"

    # -- low level ---------------------------------------------------------------------------

    def call(self, method: str, params: Sequence[Any] = ()) -> Any:
        """Call one aria2 method and return its ``result``; raise ``Aria2Error`` on failure."""
        answer = self._post(method, self._with_token(params))
        if "error" in answer:
            raise self._error_from(answer["error"])
        return answer.get("result")

    def multicall(self, calls: list[tuple[str, list[Any]]]) -> list[Any | Aria2Error]:
        """Run many calls in ONE HTTP request; each slot holds a result or an ``Aria2Error``.

        A wrong secret fails every slot the same way, so it raises instead of being returned.
        """
        if not calls:
            return []
        batch = [{"methodName": m, "params": self._with_token(p)} for m, p in calls]
        answer = self._post("system.multicall", [batch])
        if "error" in answer:
            raise self._error_from(answer["error"])
        results: list[Any | Aria2Error] = []
        for item in answer.get("result") or []:
            # aria2 wraps each success in a one-element array and returns faults bare.
            if isinstance(item, dict) and "code" in item and "message" in item:
                error = self._error_from(item)
                if isinstance(error, Aria2AuthError):
                    raise error
                results.append(error)
            elif isinstance(item, list) and len(item) == 1:
                results.append(item[0])
            else:
                results.append(item)
        if len(results) != len(calls):
            raise Aria2Error(
                f"aria2 answered {len(results)} results to a batch of {len(calls)} calls.",
                permanent=False,
            )
        return results

    def _with_token(self, params: Sequence[Any]) -> list[Any]:
        return [f"token:{self._secret}", *params] if self._secret else list(params)

    def _shown_url(self) -> str:
        return redact_url(self.rpc_url)

    def _post(self, method: str, params: list[Any]) -> dict[str, Any]:
        payload = {"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params}
        self.request_count += 1
        try:
            response = self._http.post(self.rpc_url, json=payload)
        except httpx.ConnectTimeout:
            raise self._unreachable("connection timed out") from None
        except httpx.TimeoutException:
            raise self._unreachable(f"no answer within {self._timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise self._unreachable(_connect_failure(str(exc))) from None
        except httpx.TransportError as exc:
            raise self._unreachable(f"connection failed: {type(exc).__name__}") from None
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            # Not aria2 (a proxy, or another service on the port): a 5xx may pass.
            problem = f"answered HTTP {response.status_code} without a JSON-RPC body."
            raise Aria2Error(
                f"aria2's RPC address {problem}",
                detail=f"{self._shown_url()} {problem} Is this aria2's RPC URL?",
                permanent=response.status_code < 500,
                secrets=self._secrets(),
            )
        return answer

    def _unreachable(self, reason: str) -> Aria2Unreachable:
        return Aria2Unreachable(
            f"aria2 is not reachable ({reason}).",
            detail=f"aria2 is not reachable at {self._shown_url()} ({reason}). Is aria2c running?",
            secrets=self._secrets(),
        )

    def _secrets(self) -> tuple[str, ...]:
        return (self._secret,) if self._secret else ()

    def _error_from(self, fault: Any) -> Aria2Error:
        fault = fault if isinstance(fault, dict) else {"message": str(fault)}
        message = str(fault.get("message") or "unknown error")
        code = fault.get("code") if isinstance(fault.get("code"), int) else None
        if message == "Unauthorized":
            return Aria2AuthError(code=code)
        match = _GID_NOT_FOUND.search(message)
        if match:
            return Aria2GidNotFound(match.group(1), code=code)
        return Aria2Error.refused(message, code=code, secrets=self._secrets())

    # -- adding ------------------------------------------------------------------------------

    def add_uri(
        self,
        uris: list[str],
        options: dict[str, str] | None = None,
        position: int | None = None,
    ) -> str:
        """Queue one download (all ``uris`` point at the same file); return its GID."""
        return str(self.call("aria2.addUri", _add_uri_params(uris, options, position)))

    def add_uris(self, batch: list[tuple[list[str], dict[str, str]]]) -> list[str | Aria2Error]:
        """Queue many downloads in one request; each slot is a GID or why that one failed."""
        results = self.multicall([add_uri_call(u, o) for u, o in batch])
        return [r if isinstance(r, Aria2Error) else str(r) for r in results]

    # -- status ------------------------------------------------------------------------------

    def tell_status(self, gid: str, keys: list[str] | None = None) -> DownloadStatus:
        """One download's status; ``keys`` defaults to ``STATUS_KEYS``."""
        raw = self.call("aria2.tellStatus", [gid, keys or STATUS_KEYS])
        return DownloadStatus.from_rpc(raw or {}, gid=gid)

    def tell_statuses(
        self, gids: list[str], keys: list[str] | None = None
    ) -> dict[str, DownloadStatus | Aria2Error]:
        """Many downloads' status in ONE request, keyed by GID; no request for no GIDs."""
        wanted = list(dict.fromkeys(gids))
        results = self.multicall([("aria2.tellStatus", [g, keys or STATUS_KEYS]) for g in wanted])
        return {
            gid: r if isinstance(r, Aria2Error) else DownloadStatus.from_rpc(r or {}, gid=gid)
            for gid, r in zip(wanted, results, strict=True)
        }

    def tell_active(self, keys: list[str] | None = None) -> list[DownloadStatus]:
        return _statuses(self.call("aria2.tellActive", [keys or STATUS_KEYS]))

    def tell_waiting(
        self, offset: int, num: int, keys: list[str] | None = None
    ) -> list[DownloadStatus]:
        return _statuses(self.call("aria2.tellWaiting", [offset, num, keys or STATUS_KEYS]))

    def tell_stopped(
        self, offset: int, num: int, keys: list[str] | None = None
    ) -> list[DownloadStatus]:
        return _statuses(self.call("aria2.tellStopped", [offset, num, keys or STATUS_KEYS]))

    # -- control -----------------------------------------------------------------------------

    def pause(self, gid: str) -> str:
        return str(self.call("aria2.pause", [gid]))

    def force_pause(self, gid: str) -> str:
        return str(self.call("aria2.forcePause", [gid]))

    def unpause(self, gid: str) -> str:
        return str(self.call("aria2.unpause", [gid]))

    def remove(self, gid: str) -> str:
        return str(self.call("aria2.remove", [gid]))

    def force_remove(self, gid: str) -> str:
        return str(self.call("aria2.forceRemove", [gid]))

    def remove_download_result(self, gid: str) -> str:
        """Forget a stopped download (complete/error/removed); returns "OK"."""
        return str(self.call("aria2.removeDownloadResult", [gid]))

    def change_option(self, gid: str, options: dict[str, str]) -> None:
        self.call("aria2.changeOption", [gid, _string_values(options)])

    # -- daemon-wide -------------------------------------------------------------------------

    def get_global_option(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in (self.call("aria2.getGlobalOption") or {}).items()}

    def change_global_option(self, options: dict[str, str]) -> None:
        self.call("aria2.changeGlobalOption", [_string_values(options)])

    def get_global_stat(self) -> GlobalStat:
        return GlobalStat.from_rpc(self.call("aria2.getGlobalStat") or {})

    def get_version(self) -> dict[str, Any]:
        return dict(self.call("aria2.getVersion") or {})

    def get_session_info(self) -> str:
        """The session id; it changes whenever aria2c restarts."""
        return str((self.call("aria2.getSessionInfo") or {}).get("sessionId", ""))

    def save_session(self) -> None:
        self.call("aria2.saveSession")


def _connect_failure(detail: str) -> str:
    return connect_reason(detail) or (f"cannot connect: {detail}" if detail else "cannot connect")


def _string_values(options: dict[str, Any]) -> dict[str, str]:
    # aria2 rejects non-string option values ("max-tries": 1) with a vague error.
    return {str(k): str(v) for k, v in options.items()}


def add_uri_call(uris: list[str], options: dict[str, str] | None = None) -> tuple[str, list[Any]]:
    """One ``aria2.addUri`` slot for ``Aria2Client.multicall`` (batches that mix methods)."""
    return ("aria2.addUri", _add_uri_params(uris, options, None))


def _add_uri_params(
    uris: list[str], options: dict[str, str] | None, position: int | None
) -> list[Any]:
    params: list[Any] = [list(uris)]
    if options or position is not None:
        params.append(_string_values(options or {}))
    if position is not None:
        params.append(position)
    return params


def _statuses(raw: Any) -> list[DownloadStatus]:
    items = raw if isinstance(raw, list) else []
    return [DownloadStatus.from_rpc(item) for item in items if isinstance(item, dict)]

"""``PortSocket``: handed to another process, it arrives as a socket of its own on the same
address, which is how each web process gets its own listening socket (SO_REUSEPORT)."""

from __future__ import annotations

import pickle
import socket
from multiprocessing.reduction import ForkingPickler

import pytest

from vodarr.ops.serving import PortSocket, port_socket


def test_a_port_socket_handed_over_is_a_new_socket_on_the_same_address() -> None:
    with port_socket("127.0.0.1", 0) as address:
        port = address.getsockname()[1]
        with (
            handed_over(address) as first,
            handed_over(address) as second,
        ):
            assert isinstance(first, PortSocket)
            assert first.getsockname() == second.getsockname() == ("127.0.0.1", port)
            assert len({address.fileno(), first.fileno(), second.fileno()}) == 3
            first.listen()
            second.listen()
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass  # the address takes connections once its sockets listen


def handed_over(sock: socket.socket) -> socket.socket:
    """As uvicorn hands its sockets to a web process it starts (multiprocessing's pickler)."""
    return pickle.loads(ForkingPickler.dumps(sock))  # noqa: S301 - bytes made just above


def test_an_address_in_use_is_refused_at_once() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            port_socket("127.0.0.1", taken.getsockname()[1])

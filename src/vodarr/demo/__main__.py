"""``python -m vodarr.demo``: run the demo provider until Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import threading

from vodarr.demo.provider import DEMO_PASSWORD, demo_provider


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m vodarr.demo",
        description="Serve a fake Xtream Codes provider with a small public-domain catalogue.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any)")
    parser.add_argument("--username", default="demo")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    parser.add_argument(
        "--no-throttle", action="store_true", help="serve media at full speed (default 2 MiB/s)"
    )
    args = parser.parse_args(argv)
    provider = demo_provider(
        args.host,
        args.port,
        throttle=not args.no_throttle,
        username=args.username,
        password=args.password,
    )
    with provider:
        # These are demo credentials, printed on purpose so people can paste them into Vodarr.
        print(f"Vodarr demo provider running at {provider.base_url}", flush=True)
        print(f"  XTREAM_BASE_URL={provider.base_url}", flush=True)
        print(f"  XTREAM_USERNAME={provider.username}", flush=True)
        print(f"  XTREAM_PASSWORD={provider.password}", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()

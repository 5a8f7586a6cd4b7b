"""Command line: `python -m deepgram.testing serve [--host 127.0.0.1] [--port 8080] [--api-key KEY] ...`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import signal
import sys
from collections.abc import Sequence

from .emulator import DEFAULT_API_KEY, Emulator
from .faults import parse_spec


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(
        prog="python -m deepgram.testing", description="Deepgram Manage API emulator."
    )
    commands = cli.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the emulator until Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    serve.add_argument("--port", type=int, default=8080, help="port (0 = any free port)")
    serve.add_argument(
        "--api-key",
        default=None,
        help=f"the admin key clients authenticate with (default on loopback: {DEFAULT_API_KEY}; "
        "required, and not that one, on any other --host)",
    )
    serve.add_argument("--seed", type=int, default=1, help="seed of the generated data")
    serve.add_argument("--requests", type=int, default=5000, help="size of the main project's request log")
    serve.add_argument(
        "--shapes",
        choices=("current", "legacy"),
        default="current",
        help="response shapes where the API has several versions",
    )
    serve.add_argument(
        "--live-rate",
        type=float,
        default=0.0,
        help="new requests per second arriving in the main log (0 = static log)",
    )
    serve.add_argument("--latency", type=float, default=0.0, help="seconds added to every response")
    serve.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="fault rule, e.g. path=/v1/projects/*/requests,method=GET,status=429,rate=0.1,"
        "retry_after=1 (kinds: status, latency, drop, truncate, garbage)",
    )
    serve.add_argument("--fault-seed", type=int, default=0, help="seed of the fault dice")
    serve.add_argument("--projects", type=int, default=3, help="how many projects (default 3)")
    serve.add_argument("--requests-per-project", type=int, default=None,
                       help="give every project's log this size (default: the main one is --requests)")
    return cli


async def serve(args: argparse.Namespace) -> None:
    """Run until interrupted, then shut down cleanly."""
    emulator = Emulator(
        seed=args.seed,
        requests=args.requests,
        shapes=args.shapes,
        api_key=args.api_key,
        live=args.live_rate > 0,
        live_rate=args.live_rate or 10.0,
        host=args.host,
        port=args.port,
        latency=args.latency,
        fault_seed=args.fault_seed,
        faults=[parse_spec(s) for s in args.fault],
        projects=args.projects,
        requests_per_project=args.requests_per_project,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with emulator:
        print(f"Deepgram Manage API emulator listening on {emulator.url}", flush=True)
        print(f"  api key:    {emulator.api_key}", flush=True)
        print(f"  project id: {emulator.project_id}", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        await stop.wait()


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[] ")).is_loopback
    except ValueError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = parser().parse_args(argv)
    if not is_loopback(args.host) and args.api_key in (None, DEFAULT_API_KEY):
        print(
            f"error: refusing to serve on {args.host} with the well-known default key; "
            "pass --api-key with a key of your own (or bind --host 127.0.0.1)",
            file=sys.stderr,
        )
        return 2
    args.api_key = args.api_key or DEFAULT_API_KEY
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("emulator stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

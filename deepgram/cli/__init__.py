"""The `deepgram` command (also `python -m deepgram`): Manage API tasks from the shell.

Exit codes: 0 ok, 1 API error, 2 usage error (bad arguments, missing key, a checkpoint that does
not match its file), 3 connection or timeout error, 4 file error (a missing directory, no
permission, a read-only file system, a full disk, a file another export or sync is writing),
130 interrupted. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from deepgram.cli.output import Output
from deepgram.cli.parser import build_parser
from deepgram.cli.tree import command_tree, with_default_action
from deepgram.errors import (
    ArchiveLockedError,
    DeepgramApiError,
    DeepgramConnectionError,
    DeepgramError,
    DeepgramFileError,
    DeepgramTypeError,
    MissingCredentialsError,
)

EXIT_OK, EXIT_API, EXIT_USAGE, EXIT_CONNECTION, EXIT_FILE, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

__all__ = ["EXIT_API", "EXIT_CONNECTION", "EXIT_FILE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]


def _fail(message: str, code: int) -> int:
    print(f"deepgram: error: {message}", file=sys.stderr)
    return code


def exit_code(error: BaseException) -> int:
    """The exit code an exception maps to (pure, so scripts can rely on it)."""
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(error, (DeepgramFileError, ArchiveLockedError, OSError)):
        return EXIT_FILE
    if isinstance(error, (DeepgramTypeError, MissingCredentialsError)):
        return EXIT_USAGE
    if isinstance(error, DeepgramConnectionError):
        return EXIT_CONNECTION
    return EXIT_API


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    parser = build_parser()
    words = with_default_action(command_tree(parser), sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "local", None) is not None:  # needs no key and sends no request
        args.local(args, parser)
        return EXIT_OK
    from deepgram.client import DeepgramClient

    out = Output(json=getattr(args, "json", False))
    try:
        api_key = os.environ.get("DEEPGRAM_API_KEY")
        with DeepgramClient(api_key=api_key, url=getattr(args, "url", None)) as client:
            args.handler(args, client, out)
        out.stream.flush()
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:  # `deepgram usage requests | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except DeepgramApiError as exc:
        return _fail(str(exc), EXIT_API)
    except DeepgramError as exc:
        return _fail(str(exc), exit_code(exc))
    except OSError as exc:  # the environment (a file, a directory, the disk), never a traceback
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return _fail(f"{where}{exc.strerror or exc}", EXIT_FILE)
    return EXIT_OK

"""Where the examples send their requests: the real Deepgram API, or an in-process emulator.

With DEEPGRAM_API_KEY set, the examples talk to Deepgram (the project is DEEPGRAM_PROJECT_ID, or
your first project when it is unset). Without it they start the emulator that ships with the SDK
(`deepgram.testing.Emulator`), so they run on any machine with no account and no network.
Every example prints which of the two it used.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO

from deepgram import DeepgramClient


@contextlib.contextmanager
def target(announce: TextIO | None = None) -> Iterator[tuple[str, str, str | None]]:
    """Yield (api_key, project_id, url), after saying which of the two is used on `announce`.

    `url` is None outside the emulator, so the client uses DEEPGRAM_HOST or Deepgram's default host.
    Scripts that print JSON announce on stderr, so their stdout stays valid JSON.
    """
    stream = announce or sys.stdout
    api_key = os.environ.get("DEEPGRAM_API_KEY", "").strip()
    if api_key:
        project_id = os.environ.get("DEEPGRAM_PROJECT_ID", "").strip()
        if not project_id:
            with DeepgramClient(api_key=api_key) as client:
                project_id = client.manage.get_projects().projects[0].project_id
        host = os.environ.get("DEEPGRAM_HOST", "").strip()
        where = f"the Deepgram API at {host} (DEEPGRAM_HOST)" if host else "the real Deepgram API"
        print(f"Using {where} (DEEPGRAM_API_KEY is set), project {project_id}", file=stream)
        yield api_key, project_id, None
        return

    from deepgram.testing import Emulator

    with Emulator() as emu:
        print(f"Using the embedded Manage API emulator at {emu.url} (DEEPGRAM_API_KEY is not set)",
              file=stream)
        yield emu.api_key, emu.project_id, emu.url

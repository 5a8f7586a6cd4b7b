"""The `deepgram` logger: silent by default, DEEPGRAM_LOG turns it on, secrets never printed."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import re
from aioresponses import aioresponses
from deepgram import DeepgramClient
with aioresponses() as mocked, DeepgramClient(api_key="LOGGED-KEY-SHOULD-NOT-SHOW", url="http://dg.test") as dg:
    mocked.get(re.compile(".*"), payload={"projects": []})
    dg.manage.get_projects()
"""


def _run(env_extra: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPGRAM_")} | env_extra
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_silent_by_default() -> None:
    assert _run({}) == ""


def test_deepgram_log_debug_shows_requests_without_the_key() -> None:
    stderr = _run({"DEEPGRAM_LOG": "debug"})
    assert "GET /v1/projects -> 200" in stderr
    assert "LOGGED-KEY-SHOULD-NOT-SHOW" not in stderr

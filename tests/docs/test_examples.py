"""Every script in examples/ runs to completion on a fresh machine: no API key, so on the emulator."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Helpers start with an underscore; every other script is an example a user may run.
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))
TIMEOUT_SECONDS = 30
DEEPGRAM_SETTINGS = (
    "DEEPGRAM_API_KEY",
    "DEEPGRAM_ACCESS_TOKEN",
    "DEEPGRAM_PROJECT_ID",
    "DEEPGRAM_HOST",
    "DEEPGRAM_LOG",
    "DEEPGRAM_ROTATE_KEY_ID",
)


def test_the_seed_flows_each_have_an_example() -> None:
    names = {p.stem for p in SCRIPTS}
    expected = {
        "quickstart",
        "projects",
        "keys",
        "members_and_invites",
        "usage",
        "balances",
        "models",
        "async_concurrent",
        "error_handling",
        "key_rotation",
    }
    assert expected <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_runs_on_the_emulator(script: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in DEEPGRAM_SETTINGS}
    env["PYTHONUNBUFFERED"] = "1"
    # cwd is a scratch directory, so an example that writes files (an export) writes them there.
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )
    assert done.returncode == 0, f"{script.name} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    assert re.search(r"(?i)\bemulator\b", done.stdout), f"{script.name} does not say it used the emulator"
    assert "real Deepgram API" not in done.stdout
    for noise in ("Traceback", "Unclosed", "ResourceWarning", "Task was destroyed"):
        assert noise not in done.stderr, f"{script.name} wrote {noise!r} to stderr:\n{done.stderr[-4000:]}"

"""`examples/objects.py` runs on the embedded emulator when no credentials are set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "objects.py"


def test_the_example_runs_on_the_emulator() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEEPGRAM_")}
    done = subprocess.run(
        [sys.executable, "-W", "error::ResourceWarning", str(EXAMPLE)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert out.startswith("Using the embedded Manage API emulator")
    assert "key=<secret: " in out and "after delete: 404 Not Found" in out
    assert "usage:read key listing keys: 403" in out
    assert "update returns the refreshed project: True" in out
    assert "after close: ClientClosedError" in out

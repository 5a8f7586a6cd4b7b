"""The official Deepgram SDKs (4.8.1 and the newest 7.x) drive the emulator unchanged.

Each SDK runs from its own cached venv (benchmarks/peers.py) in a subprocess and calls every
management method it has. If the venvs cannot be built (no package index), these tests fail.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from benchmarks.peers import peer_python
from deepgram.testing import Emulator

pytestmark = pytest.mark.interop

SCRIPTS = Path(__file__).parent / "peer_scripts"


def run_peer(peer: str, shapes: str, mode: str) -> dict[str, Any]:
    python = peer_python(peer)  # type: ignore[arg-type]
    with Emulator(shapes=shapes) as emu:  # type: ignore[arg-type]
        done = subprocess.run(
            [str(python), str(SCRIPTS / f"{peer}_manage.py"), emu.url, emu.api_key, mode],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-4000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def failures(report: dict[str, Any]) -> dict[str, str]:
    return {name: outcome for name, outcome in report["results"].items() if outcome != "ok"}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_v4_manage_client_every_method(mode: str) -> None:
    report = run_peer("v4", "legacy", mode)
    assert report["sdk"].lstrip("v") == "4.8.1"
    assert report["not_called"] == []
    assert len(report["results"]) == 35
    assert failures(report) == {}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_v7_manage_v1_every_method(mode: str) -> None:
    report = run_peer("v7", "current", mode)
    assert report["sdk"].startswith("7.")
    assert report["not_called"] == []
    assert len(report["results"]) == 45  # manage.v1, then self_hosted, voice_agent and auth.v1.tokens
    assert {"self_hosted.v1.distribution_credentials.create", "voice_agent.variables.update",
            "voice_agent.configurations.update", "auth.v1.tokens.grant"} <= set(report["results"])
    assert failures(report) == {}


def test_v4_against_current_shapes_fails_only_where_the_shapes_differ() -> None:
    """4.8.1 cannot decode the current GET-key and GET-request shapes; everything else still works."""
    report = run_peer("v4", "current", "sync")
    assert set(failures(report)) == {"get_key", "get_usage_request"}

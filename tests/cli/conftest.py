"""Fixtures for the command line: an emulator, and `run(...)` that calls `main` in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from deepgram.cli import main
from deepgram.testing import Emulator


@dataclass
class Result:
    """Exit code and captured output of one command."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def emu(deepgram_emulator_factory: Callable[..., Emulator]) -> Emulator:
    """The shipped fixture's emulator with a 3 000-record log."""
    return deepgram_emulator_factory(requests=3000, seed=7)


@pytest.fixture
def run(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """`run("keys", "list", "-p", pid)` against `emu`, with DEEPGRAM_API_KEY set."""
    monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)
    monkeypatch.delenv("DEEPGRAM_PROJECT_ID", raising=False)

    def invoke(*argv: str) -> Result:
        code = main([*argv, "--url", emu.url])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke

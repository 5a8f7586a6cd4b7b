"""Every code block marked ```python runnable in README.md and docs/ runs against the emulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepgram import DeepgramClient
from deepgram.testing import Emulator

from .runnable import Block, all_blocks, run

BLOCKS = all_blocks()


def test_the_docs_have_runnable_blocks() -> None:
    pages = {block.path.name for block in BLOCKS}
    assert {"README.md", "index.md", "classic-api.md", "errors.md", "configuration.md"} <= pages


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_runnable_block(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a block that writes a file writes it here
    with Emulator(requests=500) as emu:
        monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)
        monkeypatch.setenv("DEEPGRAM_HOST", emu.url)
        monkeypatch.setenv("DEEPGRAM_PROJECT_ID", emu.project_id)
        with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
            namespace = {"__name__": "__docs__", "client": client, "project_id": emu.project_id, "emu": emu}
            try:
                run(block, namespace)
            finally:
                for value in namespace.values():  # clients a block made and did not close
                    if isinstance(value, DeepgramClient) and value is not client:
                        value.close()

"""Find the code blocks of README.md and docs/*.md marked runnable, and run one against an emulator.

A block is runnable when its fence's info string is `python runnable`. It runs on its own, in a
fresh emulator, with `client` (a `DeepgramClient` connected to it), `project_id` (its main project)
and `emu` (the `Emulator`) already defined, and with DEEPGRAM_API_KEY, DEEPGRAM_HOST and
DEEPGRAM_PROJECT_ID pointing at the emulator, so `DeepgramClient()` works as written. A block may
use top-level `await` (as in a notebook or `python -m asyncio`); it then runs in a new event loop.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^(?P<fence>```+|~~~+)[ \t]*(?P<info>[^\n`]*)$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    code: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def documents() -> list[Path]:
    """README.md and every Markdown page of the docs site."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(path: Path) -> Iterator[Block]:
    """Every fenced block of `path` whose info string is `python runnable` (fences at column 0)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, info = match["fence"], match["info"].split()
        body_start = index + 1
        end = body_start
        while end < len(lines) and not lines[end].startswith(fence):
            end += 1
        if info[:2] == ["python", "runnable"]:
            yield Block(path, index + 1, "\n".join(lines[body_start:end]) + "\n")
        index = end + 1


def all_blocks() -> list[Block]:
    return [block for path in documents() for block in blocks(path)]


def run(block: Block, namespace: dict[str, Any]) -> None:
    """Execute one block in `namespace`; top-level `await` runs in a fresh event loop."""
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    code = compile(block.code, block.id, "exec", flags=flags, dont_inherit=True)
    result = eval(code, namespace)  # exec semantics: a module-level code object returns None
    if inspect.iscoroutine(result):
        asyncio.run(result)

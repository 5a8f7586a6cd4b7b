"""MkDocs hook: the CLI reference page and the example outputs of the CLI page, made at build time.

- `cli-reference.md` is generated from the `deepgram` command's argparse parser, so it lists every
  command, option and choice the installed CLI has, and cannot drift from it.
- In `cli.md`, a line `<!-- deepgram-run: keys -p $P -->` is replaced by that command and its real
  output, run against a fresh emulator (`$P` is the emulator's main project).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from collections.abc import Iterator
from typing import Any

from deepgram.cli import main
from deepgram.cli.parser import build_parser
from deepgram.cli.tree import Argument, Command, command_tree

REFERENCE_PAGE = "cli-reference.md"
_RUN_MARKER = re.compile(r"^<!-- deepgram-run: (?P<command>.+?) -->$", re.MULTILINE)
# COLUMNS: argparse wraps usage lines to the terminal; the pages do not depend on the builder's.
_ENV = ("DEEPGRAM_API_KEY", "DEEPGRAM_HOST", "DEEPGRAM_PROJECT_ID", "DEEPGRAM_ACCESS_TOKEN", "COLUMNS")


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Exactly `values` as the DEEPGRAM_* (and COLUMNS) environment while the block runs."""
    saved = {name: os.environ.pop(name, None) for name in _ENV}
    os.environ.update(values)
    try:
        yield
    finally:
        for name in _ENV:
            os.environ.pop(name, None)
            if saved[name] is not None:
                os.environ[name] = saved[name]  # type: ignore[assignment]


# the reference page ------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _value(argument: Argument) -> str:
    if argument.choices:
        return " \\| ".join(f"`{c}`" for c in argument.choices)
    if not argument.takes_value:
        return "flag"
    return f"`{argument.name.upper()}`"


def _notes(argument: Argument) -> str:
    notes = []
    if argument.required:
        notes.append("required")
    if argument.repeatable:
        notes.append("repeatable")
    if argument.default not in (None, False):
        notes.append(f"default `{argument.default}`")
    return ", ".join(notes)


def _arguments_table(command: Command, common: set[tuple[str, ...]]) -> list[str]:
    """The arguments of `command`, except those every command takes (`common`), listed once at the top."""
    shown = [a for a in command.arguments if a.flags != ("-h", "--help") and a.flags not in common]
    if not shown:
        return []
    rows = ["| argument | value | notes | description |", "|---|---|---|---|"]
    for argument in shown:
        names = ", ".join(f"`{f}`" for f in argument.flags) or f"`{argument.name.upper()}`"
        rows.append(f"| {names} | {_value(argument)} | {_notes(argument)} | {_cell(argument.help)} |")
    return [*rows, ""]


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _section(command: Command, common: set[tuple[str, ...]]) -> list[str]:
    level = "#" * min(len(command.path) + 2, 4)
    usage = command.parser.format_usage().removeprefix("usage: ").strip()
    lines = [f"{level} `{command.name}`", "", _sentence(command.help), ""]
    if command.default_action:
        lines += [f"Without an action it runs `{command.name} {command.default_action}`.", ""]
    lines += ["```", usage, "```", ""]
    return lines + _arguments_table(command, set() if not command.path else common)


def reference_markdown() -> str:
    """The whole CLI reference page, from the parser as it is built for a user with no settings."""
    with _environment(COLUMNS="100"):
        return _reference(command_tree(build_parser()))


def _reference(root: Command) -> str:
    common = {option.flags for option in root.options}
    shared = ", ".join(f"`{o.flags[0]}`" for o in root.options if o.flags != ("-h", "--help"))
    lines = [
        "# CLI reference",
        "",
        "Generated from the `deepgram` command's own parser when these docs are built, so it lists",
        "exactly the commands and options of this version. For a guided tour with real output see",
        "[The command line](cli.md). Every command also takes `-h/--help` and the options of",
        f"`deepgram` itself below ({shared}), before or after its name.",
        "",
    ]
    for command in root.walk():
        lines += _section(command, common)
    return "\n".join(lines)


# captured examples -------------------------------------------------------------------------------


def _run(words: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(words)
    if code != 0:
        raise RuntimeError(f"`deepgram {shlex.join(words)}` failed ({code}): {err.getvalue()}")
    return out.getvalue().rstrip()


def render_examples(markdown: str) -> str:
    """Replace each `<!-- deepgram-run: ... -->` line by the command and its output on an emulator."""
    if not _RUN_MARKER.search(markdown):
        return markdown
    from deepgram.testing import Emulator

    with Emulator(requests=200) as emu, \
            _environment(DEEPGRAM_API_KEY=emu.api_key, DEEPGRAM_HOST=emu.url, COLUMNS="100"):
        def replace(match: re.Match[str]) -> str:
            shown = match["command"]
            words = shlex.split(shown.replace("$P", emu.project_id))
            return f"```console\n$ deepgram {shown}\n{_run(words)}\n```"

        return _RUN_MARKER.sub(replace, markdown)


# hooks -------------------------------------------------------------------------------------------


def on_files(files: Any, config: Any, **_: Any) -> Any:
    """Add the generated reference page to the site."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, REFERENCE_PAGE, content=reference_markdown()))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Fill in the captured examples of the CLI page."""
    return render_examples(markdown) if page.file.src_uri == "cli.md" else markdown

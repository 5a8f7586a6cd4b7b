"""A group without an action runs its most common one; `deepgram completion` for bash, zsh and fish."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from deepgram.cli import main
from deepgram.cli.completion import SHELLS
from deepgram.cli.parser import build_parser
from deepgram.cli.tree import command_tree, with_default_action
from deepgram.testing import Emulator

from .test_cli import Run

ROOT = command_tree(build_parser())


def test_every_group_names_a_default_action_that_exists() -> None:
    groups = [c for c in ROOT.children if c.children]
    assert {g.path[-1] for g in groups} >= {"projects", "keys", "members", "invites", "balances", "models"}
    for group in groups:
        assert group.default_action is not None and group.child(group.default_action) is not None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["projects"], ["projects", "list"]),
        (["keys", "-p", "P"], ["keys", "list", "-p", "P"]),
        (["--json", "keys", "-p", "P"], ["--json", "keys", "list", "-p", "P"]),
        (["keys", "-p", "P", "create"], ["keys", "-p", "P", "create"]),  # an action named anywhere wins
        (["keys", "--help"], ["keys", "--help"]),  # group help still lists the actions
        (["usage", "-p", "P"], ["usage", "summary", "-p", "P"]),
        (["completion", "bash"], ["completion", "bash"]),  # a lone command has no actions
        (["--help"], ["--help"]),
    ],
)
def test_default_action_is_inserted_only_when_no_action_is_named(argv: list[str], expected: list[str]) -> None:
    assert with_default_action(ROOT, argv) == expected


def test_resource_commands_without_an_action_list(run: Run, emu: Emulator) -> None:
    assert run("projects").out == run("projects", "list").out
    keys = run("keys", "-p", emu.project_id, "--json")
    assert keys.code == 0 and keys.json() == run("keys", "list", "-p", emu.project_id, "--json").json()
    for group in ("members", "invites", "balances"):
        bare = run(group, "-p", emu.project_id, "--json")
        assert bare.code == 0, bare.err
        assert bare.json() == run(group, "list", "-p", emu.project_id, "--json").json()


def test_every_table_command_takes_json() -> None:
    for command in ROOT.walk():
        if command.children or command.path in {(), ("completion",)}:
            continue
        assert "--json" in [f for o in command.options for f in o.flags], command.name


# completion --------------------------------------------------------------------------------------


def _script(shell: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["completion", shell]) == 0
    return out.getvalue()


def test_completion_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPGRAM_API_KEY", raising=False)
    assert "complete -c deepgram" in _script("fish")


def test_completion_rejects_an_unknown_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "tcsh"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_scripts_name_every_command_option_and_choice(shell: str) -> None:
    script = _script(shell)
    for command in ROOT.walk():
        if command.path:
            assert command.path[-1] in script, (shell, command.name)
        for option in command.options:
            assert all(flag in script or f"-l {flag[2:]}" in script or f"-s {flag[1:]}" in script
                       for flag in option.flags), (shell, option.flags)
            for choice in option.choices:
                assert choice in script, (shell, option.flags, choice)


def _bash_complete(script: Path, *words: str) -> list[str]:
    driver = (
        f"source {script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in ('deepgram', *words))}); COMP_CWORD={len(words)}\n"
        '_deepgram; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "--norc", "-c", driver], capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None and not os.environ.get("CI"), reason="bash is not installed")
def test_bash_parses_the_script_and_completes(tmp_path: Path) -> None:
    script = tmp_path / "deepgram.bash"
    script.write_text(_script("bash"))
    parsed = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, timeout=20)
    assert parsed.returncode == 0, parsed.stderr
    assert "keys" in _bash_complete(script, "")
    assert _bash_complete(script, "ke") == ["keys"]
    assert set(_bash_complete(script, "keys", "")) >= {"list", "create", "delete", "--project", "--status"}
    assert _bash_complete(script, "keys", "list", "--status", "") == ["active", "expired"]
    assert _bash_complete(script, "-p", "P", "keys", "list", "--st") == ["--status"]
    assert _bash_complete(script, "usage", "breakdown", "--grouping", "ta") == ["tag", "tags"]
    assert _bash_complete(script, "completion", "") == ["-h", "--help", "bash", "zsh", "fish"]
    assert _bash_complete(script, "keys", "list", "--project", "") == []  # a free value: no guesses


@pytest.mark.skipif(shutil.which("zsh") is None and not os.environ.get("CI"), reason="zsh is not installed")
def test_zsh_parses_the_script_and_names_candidates(tmp_path: Path) -> None:
    script = tmp_path / "_deepgram"
    script.write_text(_script("zsh"))
    assert script.read_text().startswith("#compdef deepgram")
    driver = f"source {script}; _deepgram_words keys list --status; _deepgram_words usage"
    done = subprocess.run(["zsh", "-f", "-c", driver], capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first.split() == ["active", "expired"]
    assert {"requests", "summary", "breakdown", "export", "--tag"} <= set(second.split())


@pytest.mark.skipif(shutil.which("fish") is None and not os.environ.get("CI"), reason="fish is not installed")
def test_fish_completes_commands_options_and_values(tmp_path: Path) -> None:
    script = tmp_path / "deepgram.fish"
    script.write_text(_script("fish"))

    def complete(line: str) -> list[str]:
        done = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
                              capture_output=True, text=True, timeout=20)
        assert done.returncode == 0, done.stderr
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert complete("deepgram keys ") == ["create", "delete", "list"]
    assert complete("deepgram keys list --status ") == ["active", "expired"]
    assert complete("deepgram completion ") == ["bash", "fish", "zsh"]
    assert "--grouping" in complete("deepgram usage breakdown --")

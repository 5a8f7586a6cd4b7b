"""The command line for credentials, agent configurations and variables, and temporary tokens."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from deepgram.cli import main
from deepgram.redact import SECRETS
from deepgram.testing import Emulator

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def run(emu: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setenv("DEEPGRAM_API_KEY", emu.api_key)

    def invoke(*argv: str) -> tuple[int, str]:
        code = main([*argv, "--url", emu.url])
        return code, capsys.readouterr().out

    return invoke


def test_credentials(run: Run, emu: Emulator) -> None:
    pid = emu.project_id
    code, out = run("credentials", "create", "-p", pid, "--comment", "ci", "--scope", "self-hosted:product:api",
                    "--json")
    assert code == 0
    made = json.loads(out)["distribution_credentials"]
    assert made["scopes"] == ["self-hosted:product:api"] and made["comment"] == "ci"
    code, out = run("credentials", "list", "-p", pid)
    assert code == 0 and made["distribution_credentials_id"] in out and "on-prem cluster" in out
    code, out = run("credentials", "get", "-p", pid, made["distribution_credentials_id"], "--json")
    assert json.loads(out)["distribution_credentials"] == made
    code, out = run("credentials", "delete", "-p", pid, made["distribution_credentials_id"])
    assert code == 0 and "deleted" in out
    assert run("credentials", "get", "-p", pid, made["distribution_credentials_id"])[0] == 1


def test_agents(run: Run, emu: Emulator, tmp_path) -> None:
    pid = emu.project_id
    config = tmp_path / "agent.json"
    config.write_text('{"think": {"provider": {"type": "open_ai"}}}')
    code, out = run("agents", "create", "-p", pid, "--config", f"@{config}", "--label", "env=ci", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["config"] == {"think": {"provider": {"type": "open_ai"}}} and made["metadata"] == {"env": "ci"}
    assert made["agent_id"] in run("agents", "list", "-p", pid)[1]
    assert json.loads(run("agents", "get", "-p", pid, made["agent_id"], "--json")[1])["metadata"] == {"env": "ci"}
    code, out = run("agents", "update", "-p", pid, made["agent_id"], "--label", "env=prod", "--json")
    assert code == 0 and json.loads(out)["metadata"] == {"env": "prod"}
    assert run("agents", "delete", "-p", pid, made["agent_id"])[0] == 0
    assert run("agents", "create", "-p", pid, "--config", "not json")[0] == 2  # refused before sending


def test_variables(run: Run, emu: Emulator) -> None:
    pid = emu.project_id
    code, out = run("variables", "create", "-p", pid, "DG_SPEED", "1.25", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["value"] == 1.25
    code, out = run("variables", "update", "-p", pid, made["variable_id"], "hello there")
    assert code == 0 and '"hello there"' in out
    assert "DG_SPEED" in run("variables", "list", "-p", pid)[1]
    assert json.loads(run("variables", "get", "-p", pid, made["variable_id"], "--json")[1])["value"] == "hello there"
    assert run("variables", "delete", "-p", pid, made["variable_id"])[0] == 0


def test_auth_grant_prints_the_token_once(run: Run) -> None:
    code, out = run("auth", "grant", "--ttl", "45", "--json")
    assert code == 0
    granted = json.loads(out)
    assert granted["expires_in"] == 45 and granted["access_token"].count(".") == 2
    assert SECRETS.scrub(granted["access_token"]) != granted["access_token"]  # registered as a secret
    code, out = run("auth", "grant")
    assert code == 0 and out.startswith("access_token: ey")

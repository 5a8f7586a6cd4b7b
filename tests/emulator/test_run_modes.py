"""Ways to run it: sync `with`, the command line (as a subprocess) and the pytest plugin."""

from __future__ import annotations

import importlib.metadata
import json
import os
import signal
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from deepgram.testing import Emulator

REPO = Path(__file__).resolve().parents[2]


def get(url: str, key: str) -> tuple[int, Any]:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {key}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def env_with_repo() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def test_sync_context_manager_serves_from_a_thread() -> None:
    with Emulator(requests=100) as emu:
        assert emu.url.startswith("http://127.0.0.1:")
        status, body = get(f"{emu.url}/v1/projects/{emu.project_id}/requests?limit=5", emu.api_key)
        assert status == 200 and len(body["requests"]) == 5
        key = emu.create_key(emu.project_id, ["usage:read"])
        assert get(f"{emu.url}/v1/projects", key)[0] == 403
    with pytest.raises(RuntimeError):
        _ = emu.url


def test_command_line_server() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "deepgram.testing",
            "serve",
            "--port",
            "0",
            "--api-key",
            "cli-key",
            "--seed",
            "2",
            "--requests",
            "1000",
            "--shapes",
            "legacy",
            "--fault",
            "path=/v1/models,status=503,retry_after=1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env_with_repo(),
        cwd=REPO,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        url = lines[0].split()[-1]
        assert url.startswith("http://127.0.0.1:")
        assert lines[1].split()[-1] == "cli-key"
        project_id = lines[2].split()[-1]
        status, body = get(f"{url}/v1/projects/{project_id}/requests?limit=1000&page=1", "cli-key")
        assert status == 200 and body["requests"] == []
        assert get(f"{url}/v1/models", "cli-key")[0] == 503
        status, usage = get(f"{url}/v1/projects/{project_id}/usage", "cli-key")
        assert "results" in usage
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "emulator stopped" in out


def test_cli_rejects_bad_fault_spec() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "deepgram.testing", "serve", "--fault", "colour=red"],
        capture_output=True,
        text=True,
        env=env_with_repo(),
        cwd=REPO,
        timeout=30,
        check=False,
    )
    assert done.returncode != 0 and "colour" in done.stderr


def test_fixture_from_this_suite(deepgram_emulator: Emulator) -> None:
    status, body = get(f"{deepgram_emulator.url}/v1/projects", deepgram_emulator.api_key)
    assert status == 200 and len(body["projects"]) >= 3


@pytest.mark.deepgram_emulator(shapes="legacy", requests=50)
def test_fixture_marker_options(deepgram_emulator: Emulator) -> None:
    assert deepgram_emulator.state.shapes == "legacy" and len(deepgram_emulator.log()) == 50


def test_plugin_in_a_users_suite(tmp_path: Path) -> None:
    """What a user gets by installing the package: the fixture, in sync and async tests alike."""
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent("""
        import asyncio, json, urllib.request
        import pytest

        def fetch(emu, path):
            headers = {"Authorization": "Token " + emu.api_key}
            request = urllib.request.Request(emu.url + path, headers=headers)
            with urllib.request.urlopen(request) as response:
                return json.loads(response.read())

        def test_sync(deepgram_emulator):
            assert fetch(deepgram_emulator, "/v1/projects")["projects"]

        @pytest.mark.deepgram_emulator(requests=20)
        def test_marker(deepgram_emulator):
            body = fetch(deepgram_emulator, f"/v1/projects/{deepgram_emulator.project_id}/requests?limit=100")
            assert len(body["requests"]) == 20

        def test_async_code(deepgram_emulator):
            async def main():
                return await asyncio.to_thread(fetch, deepgram_emulator, "/v1/models")
            assert asyncio.run(main())["stt"]

        def test_factory(deepgram_emulator_factory):
            emu = deepgram_emulator_factory(api_key="another")
            assert fetch(emu, "/v1/projects")["projects"]
    """)
    )
    installed = any(
        e.value == "deepgram.testing.pytest_plugin" for e in importlib.metadata.entry_points(group="pytest11")
    )
    load = [] if installed else ["-p", "deepgram.testing.pytest_plugin"]  # as the entry point would
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            *load,
            "-p",
            "no:cacheprovider",
            "-q",
            "-W",
            "error::ResourceWarning",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env_with_repo(),
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "4 passed" in done.stdout


def test_plugin_entry_point_is_declared() -> None:
    text = (REPO / "pyproject.toml").read_text()
    assert "[project.entry-points.pytest11]" in text
    assert 'deepgram = "deepgram.testing.pytest_plugin"' in text


def test_import_is_cheap() -> None:
    code = "import sys, deepgram.testing; assert 'aiohttp' not in sys.modules, 'aiohttp imported eagerly'"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env_with_repo(),
        cwd=REPO,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr

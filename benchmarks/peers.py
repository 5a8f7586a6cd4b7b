"""Cached virtual environments holding the official Deepgram SDKs, for interop tests and benchmarks.

Both official SDK lines install a top-level ``deepgram`` package that would shadow ours, so each
lives in its own venv under ``<repo>/.cache/peers/<name>`` and is driven through a subprocess.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

PeerName = Literal["v4", "v7"]

#: pip requirement installed into each peer environment.
REQUIREMENTS: dict[str, str] = {
    "v4": "deepgram-sdk==4.8.1",
    "v7": "deepgram-sdk>=7,<8",
}

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = REPO_ROOT / ".cache" / "peers"
_MARKER = ".installed"


def peer_python(name: PeerName) -> Path:
    """Return the python executable of the peer venv ``name``, creating it on first use."""
    if name not in REQUIREMENTS:
        raise ValueError(f"unknown peer {name!r}; expected one of {sorted(REQUIREMENTS)}")
    requirement = REQUIREMENTS[name]
    root = CACHE_DIR / name
    python = _python_in(root)
    if _is_ready(root, requirement):
        return python
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with _locked(CACHE_DIR / f"{name}.lock"):
        if not _is_ready(root, requirement):
            _build(root, requirement)
    return python


def peer_version(name: PeerName) -> str:
    """Return the installed ``deepgram-sdk`` version of a ready peer venv."""
    peer_python(name)
    marker = (CACHE_DIR / name / _MARKER).read_text().splitlines()
    return marker[1] if len(marker) > 1 else "unknown"


def _python_in(root: Path) -> Path:
    """Path of the interpreter inside a venv, on POSIX or Windows."""
    if os.name == "nt":
        return root / "Scripts" / "python.exe"
    return root / "bin" / "python"


def _is_ready(root: Path, requirement: str) -> bool:
    """A venv counts as ready only once its marker (written last) names the same requirement."""
    marker = root / _MARKER
    if not marker.is_file() or not _python_in(root).exists():
        return False
    lines = marker.read_text().splitlines()
    return bool(lines) and lines[0] == requirement


def _build(root: Path, requirement: str) -> None:
    """Create the venv from scratch (discarding any half-built one) and install the SDK into it."""
    if root.exists():
        shutil.rmtree(root)
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    python = _python_in(root)
    _run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement])
    version = _run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('deepgram-sdk'))"]
    ).strip()
    tmp = root / (_MARKER + ".tmp")
    tmp.write_text(f"{requirement}\n{version}\n")
    tmp.replace(root / _MARKER)


def _run(cmd: list[str]) -> str:
    """Run a command, raising with its output when it fails (a failed install must be loud)."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"command failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive file lock so parallel test workers build each venv once."""
    with open(path, "a+") as handle:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if sys.platform != "win32":
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


if __name__ == "__main__":
    for peer in sys.argv[1:] or list(REQUIREMENTS):
        print(peer, peer_python(peer), peer_version(peer))  # type: ignore[arg-type]

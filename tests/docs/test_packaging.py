"""Packaging files agree with each other: the licence, the changelog, and the Pythons CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from deepgram import __version__

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on Python 3.10


def test_the_license_file_is_the_license_pyproject_declares() -> None:
    assert re.search(r'^license = "MIT"$', PYPROJECT, re.MULTILINE)
    assert re.search(r'^license-files = \["LICENSE"\]$', PYPROJECT, re.MULTILINE)
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_the_changelog_follows_keep_a_changelog_and_states_what_breaks() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in text and "semver.org" in text
    assert "## What counts as a breaking change" in text
    assert "## [Unreleased]" in text
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.MULTILINE), (
        f"CHANGELOG.md has no dated entry for the current version {__version__}"
    )


def test_ci_runs_the_lowest_and_the_highest_supported_python() -> None:
    requires = re.search(r'^requires-python = ">=(3\.\d+)"$', PYPROJECT, re.MULTILINE)
    assert requires is not None
    lowest = requires.group(1)
    classifiers = re.findall(r'"Programming Language :: Python :: (3\.\d+)"', PYPROJECT)
    highest = max(classifiers, key=lambda v: tuple(map(int, v.split("."))))
    assert lowest in classifiers
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pythons = re.search(r'PYTHONS=\$\{CI_PYTHONS:-"([^"]+)"\}', script)
    assert pythons is not None
    assert set(pythons.group(1).split()) == {lowest, highest}

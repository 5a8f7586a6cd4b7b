"""Beside Deepgram's `deepgram-sdk`: a distribution sharing the `deepgram` package directory is named once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deepgram import __version__, _coexistence

PACKAGE = Path(_coexistence.__file__).resolve().parent
IMPORT_TWICE = (
    "import warnings; warnings.simplefilter('always')\n"
    "import deepgram, importlib\n"
    "from deepgram import _coexistence\n"
    "_coexistence.warn_if_shared(deepgram.__version__)\n"
    "print(deepgram.__file__)\n"
)


def _dist_info(site: Path, name: str, version: str, files: list[str]) -> None:
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir()
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\n")
    record = [f"{f},sha256=x,1" for f in files] + [f"{folder.name}/RECORD,,"]
    (folder / "RECORD").write_text("\n".join(record) + "\n")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site directory with this package installed as a wheel would install it."""
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE, site / "deepgram", ignore=shutil.ignore_patterns("__pycache__"))
    files = sorted(p.relative_to(site).as_posix() for p in (site / "deepgram").rglob("*") if p.is_file())
    _dist_info(site, "deepgram-manage", __version__, files)
    return site


def _install_fake_sdk(site: Path) -> None:
    """What `pip install deepgram-sdk` leaves beside us: its own modules and its RECORD."""
    own = ["deepgram/clients/__init__.py", "deepgram/audio/__init__.py", "deepgram/options.py"]
    for name in own:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("# deepgram-sdk\n")
    _dist_info(site, "deepgram-sdk", "3.8.0", ["deepgram/__init__.py", *own])


def _import(site: Path) -> subprocess.CompletedProcess[str]:
    # -S: no site-packages, so the copy in `site` is the `deepgram` imported (it needs no dependency).
    done = subprocess.run([sys.executable, "-S", "-c", IMPORT_TWICE], env={"PYTHONPATH": str(site)},
                          cwd=site.parent, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(site / "deepgram" / "__init__.py")
    return done


def test_no_warning_when_the_package_is_ours_alone(site: Path) -> None:
    assert _coexistence.sharing_distributions(str(site / "deepgram"), __version__) == []
    assert "SharedPackageWarning" not in _import(site).stderr


def test_warns_once_naming_the_other_distribution(site: Path) -> None:
    _install_fake_sdk(site)
    assert _coexistence.sharing_distributions(str(site / "deepgram"), __version__) == ["deepgram-sdk"]
    stderr = _import(site).stderr
    assert stderr.count("SharedPackageWarning") == 1, stderr
    assert "deepgram-sdk and deepgram-manage both install the `deepgram` package" in stderr
    assert "separate environments" in stderr and "pipx install deepgram-manage" in stderr


def test_stray_files_that_no_distribution_owns_are_not_blamed(site: Path) -> None:
    (site / "deepgram" / "notes.txt").write_text("mine\n")
    _dist_info(site, "requests", "2.32.0", ["requests/__init__.py"])
    assert _coexistence.sharing_distributions(str(site / "deepgram"), __version__) == []
    assert "SharedPackageWarning" not in _import(site).stderr


def test_a_source_checkout_is_never_checked_against_other_metadata(tmp_path: Path) -> None:
    checkout = tmp_path / "repo"
    shutil.copytree(PACKAGE, checkout / "deepgram", ignore=shutil.ignore_patterns("__pycache__"))
    _install_fake_sdk(checkout)  # even with foreign metadata beside it: no RECORD of ours, no claim
    assert _coexistence.sharing_distributions(str(checkout / "deepgram"), __version__) == []

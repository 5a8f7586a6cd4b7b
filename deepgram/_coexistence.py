"""Warn when another distribution (Deepgram's `deepgram-sdk`) has files in this `deepgram` package.

Both distributions install the import name `deepgram`; in one environment they overwrite each
other's files and fail later in confusing ways. The check runs at import and is cheap in the normal
case: it reads this distribution's own RECORD (found by name from the version, without listing
site-packages) and lists the package directory once. Only when that directory holds files our
RECORD does not list does it read the other distributions' metadata, to name the one at fault.
"""

from __future__ import annotations

import os
import warnings

OWN_DISTRIBUTION = "deepgram_manage"
PACKAGE = "deepgram"
_IGNORED = {"__pycache__"}
_warned = False


class SharedPackageWarning(RuntimeWarning):
    """Another installed distribution's files share the `deepgram` package directory."""


def _normalized(dist_info_name: str) -> str:
    """`deepgram_sdk-3.8.0.dist-info` -> `deepgram_sdk`."""
    return dist_info_name.split("-")[0].replace(".", "_").lower()


def _metadata_dirs(site: str) -> list[str]:
    try:
        names = os.listdir(site)
    except OSError:
        return []
    return [n for n in names if n.endswith((".dist-info", ".egg-info"))]


def _read(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().splitlines()
    except OSError:
        return []


def _package_entries(lines: list[str]) -> set[str]:
    """The top-level names inside `deepgram/` that a RECORD lists."""
    prefix = PACKAGE + "/"
    return {line[len(prefix):].split("/")[0].split(",")[0] for line in lines if line.startswith(prefix)}


def _owns_package(dist_dir: str) -> bool:
    top_level = _read(os.path.join(dist_dir, "top_level.txt"))
    if PACKAGE in (line.strip() for line in top_level):
        return True
    record = _read(os.path.join(dist_dir, "RECORD")) or _read(os.path.join(dist_dir, "installed-files.txt"))
    return bool(_package_entries(record))


def _display_name(dist_dir: str, fallback: str) -> str:
    for line in _read(os.path.join(dist_dir, "METADATA")) or _read(os.path.join(dist_dir, "PKG-INFO")):
        if line.startswith("Name:"):
            return line.partition(":")[2].strip()
        if not line:
            break
    return fallback


def sharing_distributions(package_dir: str, version: str) -> list[str]:
    """Names of the other distributions with files in `package_dir`, or [] (the normal case).

    Only an installed copy can be shared: beside a source checkout or an editable install there is
    no RECORD of ours (`deepgram_manage-VERSION.dist-info`), and nothing is reported.
    """
    site = os.path.dirname(package_dir)
    own = f"{OWN_DISTRIBUTION}-{version}.dist-info"
    ours = _package_entries(_read(os.path.join(site, own, "RECORD")))
    if not ours:
        return []
    try:
        present = set(os.listdir(package_dir)) - _IGNORED
    except OSError:
        return []
    if present <= ours:
        return []
    dists = _metadata_dirs(site)
    return [
        _display_name(os.path.join(site, d), _normalized(d))
        for d in sorted(dists)
        if _normalized(d) != OWN_DISTRIBUTION and _owns_package(os.path.join(site, d))
    ]


def warn_if_shared(version: str) -> None:
    """Warn once per process if another distribution's files share the package directory."""
    global _warned
    if _warned:
        return
    package_dir = os.path.dirname(os.path.abspath(__file__))
    others = sharing_distributions(package_dir, version)
    if not others:
        return
    _warned = True
    warnings.warn(
        f"{', '.join(others)} and deepgram-manage both install the `deepgram` package, and both are "
        f"installed in {os.path.dirname(package_dir)}: they overwrite each other's files. Install them "
        "in separate environments (a virtualenv each; the `deepgram` command line through "
        "`pipx install deepgram-manage`).",
        SharedPackageWarning,
        stacklevel=2,
    )

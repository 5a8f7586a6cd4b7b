"""Optional dependencies, imported only when a feature needs them, with an error naming the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from deepgram.errors import MissingExtraError


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import `module`, or raise `MissingExtraError` saying which extra to install for `feature`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{feature} needs the optional package {module.split('.')[0]!r}: "
            f"pip install 'deepgram-manage[{extra}]'"
        ) from None

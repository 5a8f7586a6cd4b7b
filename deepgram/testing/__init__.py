"""`deepgram.testing`: an embedded, stateful emulator of Deepgram's Manage API, for tests and demos.

Importing this package is cheap: the server (and aiohttp) load only when an emulator starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .emulator import DEFAULT_API_KEY, Emulator
    from .faults import FaultRule, Faults

__all__ = ["DEFAULT_API_KEY", "Emulator", "FaultRule", "Faults"]


def __getattr__(name: str) -> Any:
    """Load the public names on first use."""
    if name in ("Emulator", "DEFAULT_API_KEY"):
        from . import emulator

        return getattr(emulator, name)
    if name in ("FaultRule", "Faults"):
        from . import faults

        return getattr(faults, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

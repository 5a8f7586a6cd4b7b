"""pytest plugin (entry point `deepgram`): the `deepgram_emulator` fixture for users' own tests.

Configure it per test with `@pytest.mark.deepgram_emulator(requests=100_000, shapes="legacy")`.
The fixture runs the server on a background thread, so it serves sync and async tests alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .emulator import Emulator


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker so `--strict-markers` suites accept it."""
    config.addinivalue_line(
        "markers",
        "deepgram_emulator(**options): options for the deepgram_emulator fixture "
        "(seed, requests, shapes, api_key, live, live_rate, latency, fault_seed)",
    )


def _options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker("deepgram_emulator")
    return dict(marker.kwargs) if marker else {}


@pytest.fixture
def deepgram_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A running Manage API emulator (`.url`, `.api_key`, `.project_id`, `.faults`, `.state`)."""
    from .emulator import Emulator

    with Emulator(**_options(request)) as emulator:
        yield emulator


@pytest.fixture
def deepgram_emulator_factory() -> Iterator[Callable[..., Emulator]]:
    """Start extra emulators with custom options; all are stopped after the test."""
    from .emulator import Emulator

    started: list[Emulator] = []

    def start(**options: Any) -> Emulator:
        emulator = Emulator(**options).start_background()
        started.append(emulator)
        return emulator

    yield start
    for emulator in reversed(started):
        emulator.stop_background()

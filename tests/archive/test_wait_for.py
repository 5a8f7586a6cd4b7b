"""`project.usage.wait_for`: polls until a fresh request exists and its usage has settled."""

from __future__ import annotations

import asyncio

import pytest

from deepgram import DeepgramClient
from deepgram.errors import DeepgramTimeoutError, DeepgramTypeError, DeepgramValueError
from deepgram.testing import Emulator


def test_waits_until_the_record_appears_and_its_usd_settles(emu: Emulator, client: DeepgramClient) -> None:
    request_id = emu.add_request(appear_after=0.3, settle_after=0.8)
    usage = client.project(emu.project_id).usage
    emu.calls.clear()

    async def move_clock() -> None:  # the emulator's clock is manual: time passes as the test says
        for _ in range(10):
            await asyncio.sleep(0.1)
            emu.advance(0.1)

    async def run() -> None:
        waiter = asyncio.ensure_future(usage.await_for(request_id, timeout=10, interval=0.05))
        await move_clock()
        record = await waiter
        assert record.request_id == request_id and record.response is not None
        assert record.response.details is not None and record.response.details.usd is not None

    asyncio.run(run())
    polls = [path for _, path in emu.calls if request_id in path]
    assert len(polls) >= 3  # 404 first, then present without usd, then settled


def test_sync_twin_returns_a_settled_record_at_once(emu: Emulator, client: DeepgramClient) -> None:
    request_id = emu.add_request()
    record = client.project(emu.project_id).usage.wait_for(request_id, timeout=5)
    assert record.response is not None and record.response.details is not None
    assert record.response.details.usd is not None


def test_gives_up_with_a_timeout_error_saying_why(emu: Emulator, client: DeepgramClient) -> None:
    pending = emu.add_request(settle_after=3600)
    usage = client.project(emu.project_id).usage
    with pytest.raises(DeepgramTimeoutError, match="has no usd yet"):
        usage.wait_for(pending, timeout=0.3, interval=0.05)
    with pytest.raises(DeepgramTimeoutError, match="was not found"):
        usage.wait_for("00000000-0000-4000-8000-00000000beef", timeout=0.2, interval=0.05)


@pytest.mark.parametrize(
    ("request_id", "kwargs", "error"),
    [("", {}, DeepgramValueError), ("x", {"timeout": 0}, DeepgramValueError),
     ("x", {"timeout": "5"}, DeepgramTypeError), ("x", {"interval": -1}, DeepgramValueError)],
)
def test_bad_arguments_fail_before_any_request(
    emu: Emulator, client: DeepgramClient, request_id: str, kwargs: dict[str, object], error: type[Exception]
) -> None:
    emu.calls.clear()
    with pytest.raises(error):
        client.project(emu.project_id).usage.wait_for(request_id, **kwargs)  # type: ignore[arg-type]
    assert emu.calls == []

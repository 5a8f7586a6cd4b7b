"""Every answer of the emulator validates against the API definition, in both response shapes."""

from __future__ import annotations

import aiohttp
import pytest

from deepgram.testing import Emulator
from tests.contract.exercise import every_response
from tests.contract.schema import OBSERVED, definition, operation, validate
from tests.emulator.conftest import Api, api, emu, pid

__all__ = ["api", "emu", "pid"]  # fixtures


@pytest.mark.parametrize("shapes", ["current", "legacy"])
async def test_every_emulator_response_validates(shapes: str) -> None:
    async with Emulator(seed=11, requests=3000, shapes=shapes) as emu, aiohttp.ClientSession() as session:
        answers = await every_response(Api(session, emu.url, emu.api_key), emu)
    problems = []
    for number, body in answers:
        for problem in validate(operation(number)["response"], body, OBSERVED.get(number, frozenset())):
            problems.append(f"op {number}: {problem}")
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert {n for n, _ in answers} == set(range(1, 46))


async def test_error_bodies_validate(api: Api, emu: Emulator, pid: str) -> None:
    """Every error the emulator answers with is one of the definition's `ErrorResponse` shapes."""
    replies = [
        await api.get(f"/v1/projects/{pid}/requests", params={"limit": "0"}),
        await api.get(f"/v1/projects/{pid}/keys/nope"),
        await api.as_key("wrong").get("/v1/projects"),
        await api.call("POST", f"/v1/projects/{pid}/invites", json={"email": "x@example.com", "scope": "god"}),
    ]
    assert [r.status for r in replies] == [400, 404, 401, 400]
    for reply in replies:
        assert validate(definition()["error"], reply.body) == [], reply.body

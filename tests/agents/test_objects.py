"""`project.distribution_credentials`, `project.agent_configurations`, `project.agent_variables`:
every method, sync and async, and the objects' own methods."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from deepgram import DeepgramClient, NotFoundError
from deepgram.testing import Emulator

Call = Callable[..., Awaitable[Any]]


async def test_distribution_credentials(client: DeepgramClient, emu: Emulator, call: Call) -> None:
    credentials = client.project(emu.project_id).distribution_credentials
    made = await call(credentials, "create", "ci pulls", scopes="self-hosted:product:api")
    assert made.distribution_credentials.comment == "ci pulls"
    assert made in await call(credentials, "list")
    fetched = await call(credentials, "get", made.distribution_credentials_id)
    assert fetched == made and fetched.member.member_id == made.member.member_id
    gone = await call(fetched, "delete")  # the object's own method
    assert gone.distribution_credentials_id == made.distribution_credentials_id
    with pytest.raises(NotFoundError):
        await call(credentials, "get", made.distribution_credentials_id)
    assert len(await call(credentials, "list")) == 1  # the seeded set


async def test_agent_configurations(client: DeepgramClient, emu: Emulator, call: Call) -> None:
    configurations = client.project(emu.project_id).agent_configurations
    made = await call(configurations, "create", {"listen": {"model": "nova-3"}}, {"team": "a"})
    assert made.config == {"listen": {"model": "nova-3"}} and made.metadata == {"team": "a"}
    listed = await call(configurations, "list")
    assert made in listed and len(listed) == 2
    fetched = await call(configurations, "get", made.agent_id)
    assert fetched.created_at and fetched.config == made.config
    same = await call(fetched, "update", {"team": "b"})
    assert same is fetched and fetched.metadata == {"team": "b"}
    assert (await call(configurations, "get", made.agent_id)).metadata == {"team": "b"}
    assert (await call(configurations, "update", made.agent_id, {"team": "c"})).metadata == {"team": "c"}
    assert (await call(fetched, "delete")).message
    with pytest.raises(NotFoundError):
        await call(configurations, "delete", made.agent_id)


async def test_agent_variables(client: DeepgramClient, emu: Emulator, call: Call) -> None:
    variables = client.project(emu.project_id).agent_variables
    made = await call(variables, "create", "DG_LIMIT", 3)
    assert (made.key, made.value) == ("DG_LIMIT", 3)
    seeded, mine = await call(variables, "list")
    assert seeded.key == "DG_GREETING" and mine == made
    same = await call(made, "update", {"max": 4.5})
    assert same is made and made.value == {"max": 4.5}
    assert (await call(variables, "get", made.variable_id)).value == {"max": 4.5}
    assert (await call(variables, "update", made.variable_id, False)).value is False
    assert (await call(made, "delete")).message
    with pytest.raises(NotFoundError):
        await call(variables, "get", made.variable_id)

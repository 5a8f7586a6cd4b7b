"""Every new classic method, sync and async: self-hosted credentials, agent configurations and
variables, temporary tokens; their errors, retries and secrets."""

from __future__ import annotations

import pytest

from deepgram import (
    AgentConfiguration,
    AgentVariable,
    BadRequestError,
    DeepgramClient,
    DeepgramTypeError,
    DeepgramValueError,
    DistributionCredentials,
    GrantToken,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from deepgram.testing import Emulator

from .conftest import Classic


async def test_distribution_credentials(classic: Classic, emu: Emulator) -> None:
    pid = emu.project_id
    before = await classic("selfhosted", "list_selfhosted_credentials", pid)
    assert len(before.distribution_credentials) == 1
    made = await classic(
        "selfhosted", "create_selfhosted_credentials", pid,
        {"comment": "ci", "scopes": ["self-hosted:product:api", "self-hosted:product:engine"]},
    )
    assert isinstance(made, DistributionCredentials)
    assert made.distribution_credentials.scopes == ["self-hosted:product:api", "self-hosted:product:engine"]
    assert made.distribution_credentials.comment == "ci" and made.member.email
    one = await classic("selfhosted", "get_selfhosted_credentials", pid, made.distribution_credentials_id)
    assert one == made and one.distribution_credentials.provider == "quay"
    default = await classic("selfhosted", "create_selfhosted_credentials", pid, scopes="self-hosted:products")
    assert default.distribution_credentials.scopes == ["self-hosted:products"]
    gone = await classic("selfhosted", "delete_selfhosted_credentials", pid, made.distribution_credentials_id)
    assert gone.distribution_credentials_id == made.distribution_credentials_id
    with pytest.raises(NotFoundError):
        await classic("selfhosted", "get_selfhosted_credentials", pid, made.distribution_credentials_id)
    # scopes and provider travel in the query (the comment in the body), as the definition says
    posts = [path for method, path in emu.calls if method == "POST"]
    assert posts[0].endswith("?scopes=self-hosted%3Aproduct%3Aapi&scopes=self-hosted%3Aproduct%3Aengine")


async def test_agent_configurations(classic: Classic, emu: Emulator) -> None:
    pid = emu.project_id
    made = await classic(
        "manage", "create_agent_configuration", pid, config={"think": {"model": "x"}}, metadata={"env": "ci"}
    )
    assert isinstance(made, AgentConfiguration) and made.config == {"think": {"model": "x"}}
    text = await classic("manage", "create_agent_configuration", pid, {"config": '{"speak": {}}'})
    assert text.config == {"speak": {}}
    listed = await classic("manage", "get_agent_configurations", pid)
    assert made.agent_id in [a.agent_id for a in listed.agents]
    fetched = await classic("manage", "get_agent_configuration", pid, made.agent_id)
    assert fetched.metadata == {"env": "ci"} and fetched.created_at
    updated = await classic("manage", "update_agent_configuration", pid, made.agent_id, metadata={"env": "prod"})
    assert updated.metadata == {"env": "prod"} and updated.config == made.config
    deleted = await classic("manage", "delete_agent_configuration", pid, made.agent_id)
    assert deleted.message and deleted["message"] == deleted.message
    with pytest.raises(NotFoundError):
        await classic("manage", "get_agent_configuration", pid, made.agent_id)


async def test_agent_variables(classic: Classic, emu: Emulator) -> None:
    pid = emu.project_id
    made = await classic("manage", "create_agent_variable", pid, key="DG_VOICE", value={"speed": 1.5})
    assert isinstance(made, AgentVariable) and made.value == {"speed": 1.5}
    assert [v.key for v in (await classic("manage", "get_agent_variables", pid)).variables][-1] == "DG_VOICE"
    assert (await classic("manage", "get_agent_variable", pid, made.variable_id)).key == "DG_VOICE"
    nulled = await classic("manage", "update_agent_variable", pid, made.variable_id, value=None)
    assert nulled.value is None  # null is a value the definition allows
    patched = await classic("manage", "update_agent_variable", pid, made.variable_id, {"value": [1, "a"]})
    assert patched.value == [1, "a"]
    assert (await classic("manage", "delete_agent_variable", pid, made.variable_id)).message
    with pytest.raises(NotFoundError):
        await classic("manage", "get_agent_variable", pid, made.variable_id)


async def test_grant_token_is_masked_and_refused_by_manage(classic: Classic, emu: Emulator) -> None:
    token = await classic("auth", "grant_token")
    assert isinstance(token, GrantToken) and token.expires_in == 30
    assert token.access_token not in repr(token) and token.access_token not in str(token)
    longer = await classic("auth", "grant_token", ttl_seconds=90.5)
    assert longer.expires_in == 90.5
    async with DeepgramClient(access_token=token.access_token, url=emu.url) as with_token:
        with pytest.raises(PermissionDeniedError, match="API key") as refused:
            await with_token.asyncmanage.get_projects()
        assert token.access_token not in str(refused.value)


@pytest.mark.parametrize(
    ("surface", "name", "args", "kwargs", "error"),
    [
        ("selfhosted", "create_selfhosted_credentials", ("p",), {"scopes": ["everything"]}, DeepgramValueError),
        ("selfhosted", "create_selfhosted_credentials", ("p",), {"provider": "dockerhub"}, DeepgramValueError),
        ("selfhosted", "get_selfhosted_credentials", ("p", ""), {}, DeepgramValueError),
        ("manage", "create_agent_configuration", ("p",), {"config": "not json"}, DeepgramValueError),
        ("manage", "create_agent_configuration", ("p",), {"config": "[1]"}, DeepgramValueError),
        ("manage", "create_agent_configuration", ("p",), {}, DeepgramTypeError),
        ("manage", "update_agent_configuration", ("p", "a"), {"metadata": {"n": 1}}, DeepgramTypeError),
        ("manage", "create_agent_variable", ("p",), {"key": "voice", "value": 1}, DeepgramValueError),
        ("manage", "create_agent_variable", ("p",), {"key": "DG_X"}, DeepgramValueError),
        ("manage", "update_agent_variable", ("p", "v"), {}, DeepgramValueError),
        ("manage", "update_agent_variable", ("p", "v"), {"value": object()}, DeepgramTypeError),
        ("manage", "get_agent_variable", ("p", ""), {}, DeepgramValueError),
        ("auth", "grant_token", (), {"ttl_seconds": 0}, DeepgramValueError),
        ("auth", "grant_token", (), {"ttl_seconds": True}, DeepgramTypeError),
    ],
)
async def test_bad_input_is_refused_before_sending(
    classic: Classic, emu: Emulator, surface: str, name: str, args: tuple[str, ...], kwargs: dict, error: type
) -> None:
    emu.calls.clear()
    with pytest.raises(error):
        await classic(surface, name, *args, **kwargs)
    assert emu.calls == []


async def test_server_refusals_are_typed(classic: Classic, emu: Emulator) -> None:
    pid = emu.project_id
    with pytest.raises(BadRequestError, match="already exists"):
        await classic("manage", "create_agent_variable", pid, key="DG_GREETING", value="again")


async def test_only_safe_calls_are_retried(emu: Emulator) -> None:
    async with DeepgramClient(api_key=emu.api_key, url=emu.url, max_retries=2) as client:
        emu.faults.add(path="/v1/auth/grant", status=503, times=1)
        with pytest.raises(ServerError):
            await client.asyncauth.grant_token()
        assert [m for m, p in emu.calls if p.startswith("/v1/auth/grant")] == ["POST"]
        agents = f"/v1/projects/{emu.project_id}/agents"
        emu.faults.add(path=agents, method="GET", status=503, times=1)
        assert (await client.asyncmanage.get_agent_configurations(emu.project_id)).agents
        assert [m for m, p in emu.calls if p == agents] == ["GET", "GET"]


def test_version_selectors_and_surfaces(emu: Emulator) -> None:
    with DeepgramClient(api_key=emu.api_key, url=emu.url) as client:
        assert client.selfhosted.v("1") is client.selfhosted and client.auth.v("1") is client.auth
        assert client.asyncselfhosted is client.selfhosted.asyncselfhosted
        assert client.asyncauth is client.auth.asyncauth
        with pytest.raises(DeepgramValueError):
            client.selfhosted.v("2")
        with pytest.raises(DeepgramValueError):
            client.auth.v("9")

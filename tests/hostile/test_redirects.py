"""Redirecting servers: same-origin GETs are followed; nothing else is, and nothing leaks elsewhere."""

from __future__ import annotations

import pytest
from aiohttp import web
from yarl import URL

from deepgram import DeepgramClient, RedirectError
from deepgram.core.redirects import MAX_REDIRECTS, redirect_target
from tests.hostile.conftest import API_KEY
from tests.hostile.servers import Loopback, reply, serving

PROJECTS = b'{"projects": [{"project_id": "p1", "name": "moved"}]}'


def _redirect(status: int, location: str) -> web.Response:
    return web.Response(status=status, headers={"Location": location})


def test_a_redirect_to_another_origin_is_an_error_naming_the_location() -> None:
    with Loopback(reply(PROJECTS)) as elsewhere:
        target = f"{elsewhere.url}/v1/projects"

        async def handle(request: web.Request) -> web.StreamResponse:
            return _redirect(302, target)

        with Loopback(handle) as server, DeepgramClient(
            api_key=API_KEY, url=server.url, headers={"X-Custom": "private"}
        ) as client, pytest.raises(RedirectError) as caught:
            client.manage.get_projects()
    assert caught.value.location == target
    assert target in str(caught.value) and "another origin" in str(caught.value)
    assert elsewhere.seen == []  # neither the key nor the custom header went there


def test_a_same_origin_get_redirect_is_followed_with_its_headers() -> None:
    async def handle(request: web.Request) -> web.StreamResponse:
        if request.path == "/v1/projects":
            return _redirect(301, "/v1/moved")
        return web.Response(body=PROJECTS, content_type="application/json")

    with Loopback(handle) as server, DeepgramClient(
        api_key=API_KEY, url=server.url, headers={"X-Custom": "kept"}
    ) as client:
        assert client.manage.get_projects().projects[0].name == "moved"
    assert [seen[1] for seen in server.seen] == ["/v1/projects", "/v1/moved"]
    assert server.seen[1][2]["X-Custom"] == "kept"


@pytest.mark.parametrize("status", [307, 308])
def test_a_post_is_never_re_sent_on_307_or_308(status: int) -> None:
    async def handle(request: web.Request) -> web.StreamResponse:
        return _redirect(status, "/v1/projects/p1/keys-again")

    with serving(handle) as (server, client), pytest.raises(RedirectError) as caught:
        client.manage.create_key("p1", {"comment": "c", "scopes": ["member"]})
    assert len(server.seen) == 1 and server.seen[0][0] == "POST"
    assert "/v1/projects/p1/keys-again" in str(caught.value)


def test_a_redirect_loop_ends() -> None:
    async def handle(request: web.Request) -> web.StreamResponse:
        return _redirect(302, request.path)

    with serving(handle) as (server, client), pytest.raises(RedirectError, match="redirects in a row"):
        client.manage.get_projects()
    assert len(server.seen) == MAX_REDIRECTS + 1


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://api.deepgram.com/v1/projects", "downgrade https to http"),
        ("https://api.deepgram.com:8443/v1/projects", "another origin"),
        ("https://evil.example/v1/projects", "another origin"),
    ],
)
def test_the_policy_refuses_downgrades_and_other_ports(location: str, reason: str) -> None:
    with pytest.raises(RedirectError, match=reason):
        redirect_target(
            302, {"Location": location}, URL("https://api.deepgram.com/v1/projects"),
            method="GET", hops=0, path="/v1/projects",
        )


def test_a_redirect_without_location_is_an_error() -> None:
    with pytest.raises(RedirectError, match="without a Location"):
        redirect_target(302, {}, URL("https://api.deepgram.com/x"), method="GET", hops=0, path="/x")

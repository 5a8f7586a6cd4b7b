"""Event hooks: order, sync and async callables, read-only masked views, and a raising hook aborting."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import pytest

from deepgram import DeepgramClient, DeepgramTypeError, DeepgramValueError
from deepgram.core.hooks import RequestView, ResponseView
from tests.support.recording_server import RecordingServer

from .conftest import make_client


class Boom(Exception):
    pass


def test_hooks_run_in_order_for_every_attempt(emu) -> None:
    seen: list[str] = []
    emu.faults.add(path="/v1/projects", status=503, times=1)
    hooks = {
        "request": [lambda r: seen.append(f"req1 {r.attempt}"), lambda r: seen.append(f"req2 {r.attempt}")],
        "response": [lambda r: seen.append(f"resp {r.request.attempt} {r.status}")],
    }
    with make_client(emu, event_hooks=hooks, max_retries=1) as client:
        client.manage.get_projects()
    assert seen == ["req1 0", "req2 0", "resp 0 503", "req1 1", "req2 1", "resp 1 200"]


async def test_sync_and_async_hooks_are_both_called(emu) -> None:
    seen: list[str] = []

    async def async_hook(view: ResponseView) -> None:
        await asyncio.sleep(0)
        seen.append(f"async {view.status}")

    hooks = {"request": lambda view: seen.append("sync request"), "response": [async_hook]}
    async with make_client(emu, event_hooks=hooks) as client:
        await client.asyncmanage.get_projects()
        client.manage.get_projects()  # from the background loop too
    assert seen == ["sync request", "async 200"] * 2


def test_views_describe_the_attempt_with_secrets_masked(emu, pid) -> None:
    requests: list[RequestView] = []
    responses: list[ResponseView] = []
    hooks = {"request": [requests.append], "response": [responses.append]}
    with make_client(emu, event_hooks=hooks) as client:
        client.manage.get_keys(pid)
    (request,), (response,) = requests, responses
    assert request.operation == "get_keys"
    assert request.method == "GET"
    assert request.path_template == "/v1/projects/{project_id}/keys"
    assert request.url == f"{emu.url}/v1/projects/{pid}/keys"
    assert request.headers["Authorization"] == "Token ***"
    assert emu.api_key not in repr(request) + repr(response)
    assert response.status == 200 and response.request is request
    assert response.request_id == response.headers["dg-request-id"]
    assert response.http_version == "HTTP/1.1" and response.elapsed.total_seconds() > 0
    with pytest.raises(TypeError):
        request.headers["Authorization"] = "mine"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        response.status = 500  # type: ignore[misc]


def test_a_created_key_secret_is_masked_in_the_response_view(emu, pid) -> None:
    responses: list[ResponseView] = []
    with make_client(emu, event_hooks={"response": [responses.append]}) as client:
        created = client.manage.create_key(pid, {"comment": "hooked", "scopes": ["usage:read"]})
    assert created.api_key.key and created.api_key.key not in repr(responses)


@pytest.mark.parametrize("event", ["request", "response"])
def test_a_raising_hook_aborts_the_call_with_its_exception(event) -> None:
    def refuse(view: Any) -> None:
        raise Boom(f"refused by the {event} hook")

    with RecordingServer() as server, DeepgramClient(
        api_key="k" * 12, url=server.url, event_hooks={event: [refuse]}, max_retries=3
    ) as client:
        with pytest.raises(Boom, match=event):
            client.manage.get_projects()
        assert len(server.seen) == (0 if event == "request" else 1)  # aborted, not retried


async def test_a_raising_async_hook_aborts_too(emu) -> None:
    async def refuse(view: Any) -> None:
        raise Boom("async refusal")

    async with make_client(emu, event_hooks={"request": [refuse]}) as client:
        with pytest.raises(Boom):
            await client.asyncmanage.get_projects()


@pytest.mark.parametrize(
    ("hooks", "error"),
    [
        ({"requests": []}, DeepgramValueError),
        ({"request": ["not callable"]}, DeepgramTypeError),
        ([("request", print)], DeepgramTypeError),
    ],
)
def test_bad_hooks_fail_when_the_client_is_made(hooks, error) -> None:
    with pytest.raises(error):
        DeepgramClient(api_key="k" * 12, event_hooks=hooks)


def test_with_options_siblings_keep_the_hooks(emu) -> None:
    seen: list[int] = []
    with make_client(emu, event_hooks={"response": [lambda v: seen.append(v.status)]}) as client:
        client.with_options(timeout=5).manage.get_projects()
    assert seen == [200]


def test_debug_lines_carry_structured_fields(emu, pid, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG, logger="deepgram")
    with make_client(emu) as client:
        raw = client.manage.with_raw_response.get_keys(pid)
    (record,) = [r for r in caplog.records if getattr(r, "path_template", None)]
    assert record.levelno == logging.DEBUG
    assert (record.http_method, record.path_template, record.status, record.attempt) == (  # type: ignore[attr-defined]
        "GET", "/v1/projects/{project_id}/keys", 200, 0
    )
    assert record.request_id == raw.request_id and record.request_id in record.getMessage()  # type: ignore[attr-defined]
    assert record.elapsed_ms > 0  # type: ignore[attr-defined]
    assert pid not in record.path_template  # type: ignore[attr-defined]

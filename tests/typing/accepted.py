"""Checked by mypy --strict in `test_typing.py` (never run): what the public surface must accept."""

from __future__ import annotations

from typing_extensions import assert_type

from deepgram import (
    DeepgramClient,
    Key,
    KeyListOptions,
    KeyOptions,
    KeyResponse,
    KeysResponse,
    Message,
    Project,
    UsageRequestOptions,
    UsageRequestsResponse,
)
from deepgram.core.request_options import RequestOptions


def per_call_keywords(client: DeepgramClient) -> None:
    assert_type(client.manage.get_project("p", timeout=5), Project)
    assert_type(client.manage.get_project("p", timeout=2.5, headers={"X-Trace": "t"}), Project)
    assert_type(client.manage.get_keys("p", KeyListOptions(status="active"), timeout=5), KeysResponse)
    assert_type(client.manage.get_keys("p", status="active", addons={"x": 1}), KeysResponse)
    assert_type(client.manage.get_keys("p", {"status": "active"}), KeysResponse)
    page = client.manage.get_usage_requests("p", UsageRequestOptions(limit=5), addons={"page": 2}, timeout=10)
    assert_type(page, UsageRequestsResponse)
    assert_type(client.manage.create_key("p", KeyOptions(comment="c", scopes=["member"])), KeyResponse)
    assert_type(client.manage.delete_key("p", "k", timeout=None), Message)
    assert_type(RequestOptions(timeout=3, headers={"a": "b"}, query={"page": 1}, max_retries=0), RequestOptions)


async def async_twins(client: DeepgramClient) -> None:
    assert_type(await client.asyncmanage.get_project("p", timeout=5), Project)
    assert_type(await client.manage.asyncmanage.get_keys("p", status="active"), KeysResponse)
    assert_type(await client.asyncmanage.get_key("p", "k", headers={"X": "y"}), KeyResponse)


def objects(client: DeepgramClient) -> None:
    project = client.project("p")
    key = project.keys.get("k")
    assert_type(key, Key)
    assert_type(key.delete(), Message)
    assert_type(project.keys.list(status="active"), list[Key])
    sibling = client.with_options(timeout=5, max_retries=1)
    assert_type(sibling.manage.get_project("p"), Project)

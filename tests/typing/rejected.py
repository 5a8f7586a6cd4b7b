"""Checked by mypy --strict in `test_typing.py` (never run): each line marked `# E:` must be an
error whose message contains the text after the marker, and no other line may be."""

# ruff: noqa: I001 - the typo import must stay a statement of its own
from __future__ import annotations

from deepgram import DeepgramClent  # E: has no attribute "DeepgramClent"
from deepgram import DeepgramClient, InviteOptions, KeyOptions
from deepgram.core.request_options import RequestOptions


def wrong_types(client: DeepgramClient) -> None:
    client.manage.get_project("p", timeout="x")  # E: "timeout"
    client.manage.get_keys("p", InviteOptions(email="a@b.co"))  # E: "InviteOptions"
    client.manage.create_key("p", timeout="5", comment="c", scopes=["member"])  # E: "timeout"
    client.manage.get_key("p", "k", addons=["page"])  # E: "addons"
    client.manage.get_project("p", retries=3)  # E: "retries"
    client.project("p").keys.create("c", KeyOptions(scopes=["member"]))  # E: "KeyOptions"
    RequestOptions(timeout="x")  # E: "timeout"
    print(DeepgramClent)


async def wrong_async_types(client: DeepgramClient) -> None:
    await client.asyncmanage.get_project("p", timeout="x")  # E: "timeout"

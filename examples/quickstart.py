"""Every flow of the seed, written as the seed writes it, against Deepgram or the embedded emulator.

With DEEPGRAM_API_KEY (and DEEPGRAM_PROJECT_ID) set it talks to the real API; otherwise it starts an
in-process emulator of the Manage API, so it runs anywhere with no account and no network.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterator
from datetime import datetime, timedelta

from deepgram import (
    DeepgramApiError,
    DeepgramClient,
    InviteOptions,
    KeyOptions,
    ScopeOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)


@contextlib.contextmanager
def target() -> Iterator[tuple[str, str, str | None]]:
    """(api key, project id, url): the real API when configured, else a fresh emulator."""
    if os.environ.get("DEEPGRAM_API_KEY"):
        print("Using the real Deepgram API (DEEPGRAM_API_KEY is set)")
        yield os.environ["DEEPGRAM_API_KEY"], os.environ.get("DEEPGRAM_PROJECT_ID", ""), None
        return
    from deepgram.testing import Emulator

    with Emulator() as emu:
        print(f"Using the embedded Manage API emulator at {emu.url} (no DEEPGRAM_API_KEY set)")
        yield emu.api_key, emu.project_id, emu.url


def projects(client: DeepgramClient) -> None:
    projects_response = client.manage.get_projects()
    print(f"Found {len(projects_response.projects)} projects:")
    for project in projects_response.projects:
        print(f"- {project.name} (ID: {project.project_id})")
        project_details = client.manage.get_project(project.project_id)
        print(f"  Company: {project_details.company}")
        print(f"  Created: {project_details.created}")


def keys(client: DeepgramClient, project_id: str) -> None:
    keys_response = client.manage.get_keys(project_id)
    print(f"Existing keys: {len(keys_response.api_keys)}")
    key_options = KeyOptions(
        comment="Development key for testing",
        scopes=["usage:read", "keys:read"],
        tags=["development", "testing"],
        time_to_live_in_seconds=86400,
    )
    new_key_response = client.manage.create_key(project_id, key_options)
    print(f"Created new key: {new_key_response.api_key.api_key_id}")
    print(f"Key value: {new_key_response.api_key.key[:4]}… (shown only on creation; kept secret here)")
    key_details = client.manage.get_key(project_id, new_key_response.api_key.api_key_id)
    print(f"Key scopes: {key_details.api_key.scopes}")
    print(f"Key tags: {key_details.api_key.tags}")
    client.manage.delete_key(project_id, new_key_response.api_key.api_key_id)


def members_and_invites(client: DeepgramClient, project_id: str) -> None:
    members_response = client.manage.get_members(project_id)
    print(f"Team members: {len(members_response.members)}")
    for member in members_response.members:
        print(f"- {member.email} ({member.first_name} {member.last_name})")
        print(f"  Scopes: {member.scopes}")
    invite_options = InviteOptions(email="new.member@company.com", scope="member")
    invite_response = client.manage.send_invite(project_id, invite_options)
    print(f"Invitation sent: {invite_response.message}")
    invites_response = client.manage.get_invites(project_id)
    for invite in invites_response.invites:
        print(f"Pending invite: {invite.email} ({invite.scope}) - sent {invite.sent}")
    client.manage.delete_invite(project_id, "new.member@company.com")
    member_id = next(m.member_id for m in members_response.members if "owner" not in m.scopes)
    scope_options = ScopeOptions(scope="admin")
    scope_response = client.manage.update_member_scope(project_id, member_id, scope_options)
    print(f"Scope updated: {scope_response.message}")


def usage(client: DeepgramClient, project_id: str) -> None:
    end_date = datetime.now()
    start_date = end_date - timedelta(days=30)
    usage_options = UsageRequestOptions(start=start_date.isoformat(), end=end_date.isoformat(), limit=100)
    usage_response = client.manage.get_usage(project_id, usage_options)
    print(f"Usage period: {usage_response.start} to {usage_response.end}")
    print(f"Found {len(usage_response.results)} usage records")
    summary_options = UsageSummaryOptions(start=start_date.isoformat(), end=end_date.isoformat())
    summary_response = client.manage.get_usage_summary(project_id, summary_options)
    for result in summary_response.results[:3]:
        print(f"Period: {result.start} to {result.end}")
        print(f"  Hours: {result.hours:.2f}")
        print(f"  Requests: {result.requests}")
        print(f"  Tokens: {result.tokens}")
    fields_response = client.manage.get_usage_fields(project_id, usage_options)
    print(f"STT requests this period: {fields_response.stt.requests}")
    print(f"STT hours this period: {fields_response.stt.hours}")
    print(f"TTS requests this period: {fields_response.tts.requests}")
    print(f"TTS characters this period: {fields_response.tts.characters}")


def balances(client: DeepgramClient, project_id: str) -> None:
    balances_response = client.manage.get_balances(project_id)
    print("Account Balances:")
    for balance in balances_response.balances:
        print(f"- Balance ID: {balance.balance_id}")
        print(f"  Amount: {balance.amount} {balance.units}")
        if balance.purchase:
            print(f"  Purchase: {balance.purchase}")


def models(client: DeepgramClient, project_id: str) -> None:
    models_response = client.manage.get_models(project_id)
    print("Speech-to-Text Models:")
    for model in models_response.stt_models[:3]:
        print(f"- {model.name} ({model.canonical_name})")
        print(f"  Architecture: {model.architecture}")
        print(f"  Version: {model.version}")
        print(f"  Batch: {model.batch}, Streaming: {model.streaming}")
        if model.language:
            print(f"  Language: {model.language}")
    print("\nText-to-Speech Models:")
    for model in models_response.tts_models[:3]:
        print(f"- {model.name} ({model.canonical_name})")
        print(f"  Architecture: {model.architecture}")
        print(f"  Version: {model.version}")


async def async_management_example(api_key: str, project_id: str, url: str | None) -> None:
    async with DeepgramClient(api_key=api_key, url=url) as client:
        tasks = [
            client.manage.asyncmanage.get_projects(),
            client.manage.asyncmanage.get_keys(project_id),
            client.manage.asyncmanage.get_members(project_id),
            client.manage.asyncmanage.get_balances(project_id),
        ]
        projects, keys, members, balances = await asyncio.gather(*tasks)
        print(f"Projects: {len(projects.projects)}")
        print(f"API Keys: {len(keys.api_keys)}")
        print(f"Team Members: {len(members.members)}")
        print(f"Account Balances: {len(balances.balances)}")


def error_handling(client: DeepgramClient, project_id: str) -> None:
    try:
        key_options = KeyOptions(comment="Test key", scopes=["invalid:scope"])
        response = client.manage.create_key(project_id, key_options)
        print(f"Key created: {response.api_key.api_key_id}")
        client.manage.delete_key(project_id, response.api_key.api_key_id)
    except DeepgramApiError as e:
        print(f"API Error: {e}")
        print("Please check your project ID and key permissions")


def main() -> None:
    with target() as (api_key, project_id, url):
        with DeepgramClient(api_key=api_key, url=url) as client:
            project_id = project_id or client.manage.get_projects().projects[0].project_id
            for title, flow in [
                ("Projects", lambda: projects(client)),
                ("API keys", lambda: keys(client, project_id)),
                ("Members and invitations", lambda: members_and_invites(client, project_id)),
                ("Usage", lambda: usage(client, project_id)),
                ("Balances", lambda: balances(client, project_id)),
                ("Models", lambda: models(client, project_id)),
                ("Error handling", lambda: error_handling(client, project_id)),
            ]:
                print(f"\n== {title} ==")
                flow()
        print("\n== Async, concurrent ==")
        asyncio.run(async_management_example(api_key, project_id, url))


if __name__ == "__main__":
    main()

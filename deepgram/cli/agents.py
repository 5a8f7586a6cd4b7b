"""`deepgram credentials|agents|variables|auth ...`: self-hosted distribution credentials,
voice-agent configurations and variables, and temporary tokens."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

import msgspec

from deepgram.cli.output import Output
from deepgram.client import DeepgramClient
from deepgram.types.options_agents import CREDENTIAL_SCOPES

if TYPE_CHECKING:
    from deepgram.cli.parser import _Tree


def _json_value(text: str) -> Any:
    """A variable's value from the command line: JSON when it parses (`42`, `true`, `{"a":1}`),
    else the text itself."""
    try:
        return msgspec.json.decode(text)
    except msgspec.DecodeError:
        return text


def _labels(pairs: list[str] | None) -> dict[str, str]:
    labels: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise argparse.ArgumentTypeError(f"--label takes NAME=VALUE, got {pair!r}")
        labels[name] = value
    return labels


# self-hosted distribution credentials ------------------------------------------------------------


def credentials_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET .../self-hosted/distribution/credentials."""
    sets = client.project(args.project).distribution_credentials.list()
    rows = ([c.distribution_credentials_id, c.distribution_credentials.provider,
             c.distribution_credentials.scopes, c.distribution_credentials.comment, c.member.email]
            for c in sets)
    out.result(sets, ["distribution_credentials_id", "provider", "scopes", "comment", "owner"], rows)


def credentials_create(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST .../self-hosted/distribution/credentials."""
    made = client.project(args.project).distribution_credentials.create(
        args.comment, scopes=args.scope, provider=args.provider
    )
    out.message(made, f"created distribution credentials {made.distribution_credentials_id}")


def credentials_get(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET .../self-hosted/distribution/credentials/{distribution_credentials_id}."""
    out.data(client.project(args.project).distribution_credentials.get(args.distribution_credentials_id))


def credentials_delete(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE .../self-hosted/distribution/credentials/{distribution_credentials_id}."""
    gone = client.project(args.project).distribution_credentials.delete(args.distribution_credentials_id)
    out.message(gone, f"deleted distribution credentials {args.distribution_credentials_id}")


# voice-agent configurations and variables --------------------------------------------------------


def agents_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/agents."""
    agents = client.project(args.project).agent_configurations.list()
    rows = ([a.agent_id, a.metadata, a.created_at, a.updated_at] for a in agents)
    out.result(agents, ["agent_id", "metadata", "created_at", "updated_at"], rows)


def agents_create(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST /v1/projects/{project_id}/agents (`--config` JSON text, or `@file`)."""
    config = args.config
    if config.startswith("@"):
        with open(config[1:], encoding="utf-8") as source:
            config = source.read()
    made = client.project(args.project).agent_configurations.create(config, _labels(args.label) or None)
    out.message(made, f"created agent configuration {made.agent_id}")


def agents_get(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/agents/{agent_id}."""
    out.data(client.project(args.project).agent_configurations.get(args.agent_id))


def agents_update(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """PUT /v1/projects/{project_id}/agents/{agent_id}: replace the labels."""
    updated = client.project(args.project).agent_configurations.update(args.agent_id, _labels(args.label))
    out.message(updated, f"updated the metadata of {updated.agent_id}")


def agents_delete(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE /v1/projects/{project_id}/agents/{agent_id}."""
    gone = client.project(args.project).agent_configurations.delete(args.agent_id)
    out.message(gone, f"deleted agent configuration {args.agent_id}")


def variables_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/agent-variables."""
    variables = client.project(args.project).agent_variables.list()
    rows = ([v.variable_id, v.key, msgspec.json.encode(v.value).decode(), v.updated_at] for v in variables)
    out.result(variables, ["variable_id", "key", "value", "updated_at"], rows)


def variables_create(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST /v1/projects/{project_id}/agent-variables."""
    made = client.project(args.project).agent_variables.create(args.key, _json_value(args.value))
    out.message(made, f"created {made.key} ({made.variable_id})")


def variables_get(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/agent-variables/{variable_id}."""
    out.data(client.project(args.project).agent_variables.get(args.variable_id))


def variables_update(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """PATCH /v1/projects/{project_id}/agent-variables/{variable_id}."""
    updated = client.project(args.project).agent_variables.update(args.variable_id, _json_value(args.value))
    out.message(updated, f"set {updated.key} to {msgspec.json.encode(updated.value).decode()}")


def variables_delete(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE /v1/projects/{project_id}/agent-variables/{variable_id}."""
    gone = client.project(args.project).agent_variables.delete(args.variable_id)
    out.message(gone, f"deleted variable {args.variable_id}")


# temporary tokens --------------------------------------------------------------------------------


def auth_grant(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST /v1/auth/grant; prints the token (for the speech APIs: the Manage API refuses it)."""
    token = client.auth.grant_token(ttl_seconds=args.ttl)
    if out.json:
        out.data({"access_token": token.access_token, "expires_in": token.expires_in})
        return
    out.line(f"access_token: {token.access_token}")
    out.line(f"expires_in: {token.expires_in}")


def add_commands(tree: _Tree) -> None:
    """Register these groups on the command tree."""
    group = tree.group("credentials", "self-hosted distribution credentials of a project")
    tree.command(group, "list", credentials_list, "list credential sets")
    create = tree.command(group, "create", credentials_create, "create a credential set")
    create.add_argument("--comment")
    create.add_argument("--scope", action="append", choices=sorted(CREDENTIAL_SCOPES),
                        help="repeat for several (default: self-hosted:products)")
    create.add_argument("--provider", choices=("quay",))
    for name, handler in (("get", credentials_get), ("delete", credentials_delete)):
        one = tree.command(group, name, handler, f"{name} a credential set")
        one.add_argument("distribution_credentials_id")

    group = tree.group("agents", "stored voice-agent configurations of a project")
    tree.command(group, "list", agents_list, "list configurations")
    create = tree.command(group, "create", agents_create, "store a configuration")
    create.add_argument("--config", required=True, help="JSON of a Settings message's agent block, or @file")
    create.add_argument("--label", action="append", help="NAME=VALUE metadata (repeatable)")
    update = tree.command(group, "update", agents_update, "replace a configuration's labels")
    update.add_argument("agent_id")
    update.add_argument("--label", action="append", required=True, help="NAME=VALUE (repeatable)")
    for name, handler in (("get", agents_get), ("delete", agents_delete)):
        tree.command(group, name, handler, f"{name} a configuration").add_argument("agent_id")

    group = tree.group("variables", "voice-agent template variables of a project")
    tree.command(group, "list", variables_list, "list variables")
    create = tree.command(group, "create", variables_create, "create a variable")
    create.add_argument("key", help="DG_<NAME>")
    create.add_argument("value", help="JSON (42, true, {...}) or plain text")
    update = tree.command(group, "update", variables_update, "set a variable's value")
    update.add_argument("variable_id")
    update.add_argument("value", help="JSON (42, true, {...}) or plain text")
    for name, handler in (("get", variables_get), ("delete", variables_delete)):
        tree.command(group, name, handler, f"{name} a variable").add_argument("variable_id")

    group = tree.group("auth", "temporary tokens for the speech APIs", default="grant")
    grant = tree.command(group, "grant", auth_grant, "grant a temporary token", project=False)
    grant.add_argument("--ttl", type=float, help="lifetime in seconds (default 30)")

"""Commands for projects, keys, members, scopes, invites, balances and models (one call each)."""

from __future__ import annotations

import argparse

from deepgram.cli.output import Output
from deepgram.client import DeepgramClient


def projects_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects."""
    projects = client.projects.list()
    rows = ([p.project_id, p.name, p.company] for p in projects)
    out.result(projects, ["project_id", "name", "company"], rows)


def keys_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/keys."""
    keys = client.project(args.project).keys.list(status=args.status)
    rows = ([k.api_key_id, k.comment, k.scopes, k.created, k.expiration_date] for k in keys)
    out.result(keys, ["api_key_id", "comment", "scopes", "created", "expires"], rows)


def keys_create(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST /v1/projects/{project_id}/keys; prints the secret, which the API shows only once."""
    key = client.project(args.project).keys.create(
        comment=args.comment, scopes=args.scope, tags=args.tag or None,
        time_to_live_in_seconds=args.ttl, expiration_date=args.expires,
    )
    if out.json:
        data = key.to_dict()
        data["key"] = key.key  # the one time it can be shown
        out.data(data)
        return
    out.table(["api_key_id", "comment", "scopes", "expires"],
              [[key.api_key_id, key.comment, key.scopes, key.expiration_date]])
    out.line()
    out.line(f"SECRET  {key.key}")
    out.line("        ^ shown this once: Deepgram will not show it again. Store it now.")


def keys_delete(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE /v1/projects/{project_id}/keys/{key_id}."""
    message = client.project(args.project).keys.delete(args.key_id)
    out.message(message, f"deleted key {args.key_id}")


def members_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/members."""
    members = client.project(args.project).members.list()
    rows = ([m.member_id, m.email, " ".join(filter(None, [m.first_name, m.last_name])), list(m.scopes)]
            for m in members)
    out.result(members, ["member_id", "email", "name", "scopes"], rows)


def members_remove(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE /v1/projects/{project_id}/members/{member_id}."""
    message = client.project(args.project).members.remove(args.member_id)
    out.message(message, f"removed member {args.member_id}")


def scopes_get(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/members/{member_id}/scopes."""
    scopes = client.project(args.project).members.scopes(args.member_id)
    if out.json:
        out.data({"scopes": list(scopes)})
    else:
        out.table(["scope"], [[scope] for scope in scopes])


def scopes_update(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """PUT /v1/projects/{project_id}/members/{member_id}/scopes."""
    message = client.project(args.project).members.update_scope(args.member_id, args.scope)
    out.message(message, f"member {args.member_id} now has scope {args.scope}")


def invites_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/invites."""
    invites = client.project(args.project).invites.list()
    out.result(invites, ["email", "scope", "sent"], ([i.email, i.scope, i.sent] for i in invites))


def invites_send(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """POST /v1/projects/{project_id}/invites."""
    invite = client.project(args.project).invites.send(args.email, scope=args.scope)
    out.message(invite, f"invited {invite.email} as {invite.scope}")


def invites_delete(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """DELETE /v1/projects/{project_id}/invites/{email}."""
    message = client.project(args.project).invites.delete(args.email)
    out.message(message, f"withdrew the invitation of {args.email}")


def balances_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/projects/{project_id}/balances."""
    balances = client.project(args.project).balances.list()
    rows = ([b.balance_id, b.amount, b.units, b.purchase_order_id] for b in balances)
    out.result(balances, ["balance_id", "amount", "units", "purchase_order_id"], rows)


def models_list(args: argparse.Namespace, client: DeepgramClient, out: Output) -> None:
    """GET /v1/models, or /v1/projects/{project_id}/models with --project."""
    models = client.project(args.project).models if args.project else client.models
    catalogue = models.list(include_outdated=args.include_outdated or None)
    rows = [["stt", m.canonical_name, m.name, m.architecture, m.language, m.uuid] for m in catalogue.stt]
    rows += [["tts", m.canonical_name, m.name, m.architecture, m.language, m.uuid] for m in catalogue.tts]
    out.result(catalogue, ["kind", "canonical_name", "name", "architecture", "language", "uuid"], rows)

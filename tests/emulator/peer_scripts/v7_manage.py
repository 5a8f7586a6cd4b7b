"""Drive every `client.manage.v1` method of deepgram-sdk 7.x, and its self-hosted credentials,
voice-agent configurations and variables and token grant, against an emulator; print a JSON report.

Runs inside the peer venv (see benchmarks/peers.py): `python v7_manage.py URL API_KEY sync|async`.
The report maps each dotted method path to "ok" or the failure, and lists methods never called.
"""

import asyncio
import datetime
import importlib.metadata
import inspect
import json
import sys
import traceback

from deepgram.environment import DeepgramClientEnvironment

from deepgram import AsyncDeepgramClient, DeepgramClient

URL, KEY, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
results = {}


def resolve(root, dotted):
    target = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def make_call(root):
    async def call(dotted, *args, check=None, **kwargs):
        try:
            value = resolve(root, dotted)(*args, **kwargs)
            if inspect.isawaitable(value):
                value = await value
            if check is not None and not check(value):
                raise AssertionError(f"unexpected result: {str(value)[:300]}")
            results[dotted] = "ok"
            return value
        except Exception as exc:  # report every failure, keep going
            results[dotted] = f"FAIL {type(exc).__name__}: {exc}"[:600]
            if "-v" in sys.argv:
                traceback.print_exc()
            return None

    return call


async def flow(call):
    listed = await call("projects.list", check=lambda r: len(r.projects) >= 3)
    pid, leave_pid, doomed_pid = (p.project_id for p in listed.projects[:3])
    await call("projects.get", pid, limit=10.0, page=0.0, check=lambda r: r.project_id == pid)
    await call("projects.update", pid, name="Renamed by v7", check=lambda r: r.message)

    models = await call("models.list", include_outdated=False, check=lambda r: r.stt and r.tts)
    await call("models.get", models.tts[0].uuid_, check=lambda r: r.name)
    pmodels = await call("projects.models.list", pid, include_outdated=True, check=lambda r: r.stt)
    await call("projects.models.get", pid, pmodels.stt[0].uuid_, check=lambda r: r.name)

    await call("projects.keys.list", pid, status="active", check=lambda r: r.api_keys)
    created = await call(
        "projects.keys.create",
        pid,
        request={"comment": "v7 interop", "scopes": ["usage:read"], "time_to_live_in_seconds": 3600},
        check=lambda r: r.key and r.api_key_id,
    )
    key_id = created.api_key_id if created else "missing"
    await call("projects.keys.get", pid, key_id, check=lambda r: r.item.member.api_key.api_key_id == key_id)
    await call("projects.keys.delete", pid, key_id, check=lambda r: r.message)

    members = await call("projects.members.list", pid, check=lambda r: len(r.members) >= 3)
    target = members.members[-1].member_id
    await call("projects.members.scopes.list", pid, target, check=lambda r: r.scopes)
    await call("projects.members.scopes.update", pid, target, scope="admin", check=lambda r: r.message)
    await call("projects.members.delete", pid, target, check=lambda r: r.message)

    await call("projects.members.invites.list", pid, check=lambda r: r.invites)
    await call(
        "projects.members.invites.create",
        pid,
        email="v7.one@example.com",
        scope="member",
        check=lambda r: r.message,
    )
    await call("projects.members.invites.delete", pid, "v7.one@example.com", check=lambda r: r.message)

    end = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
    page = await call(
        "projects.requests.list",
        pid,
        start=end - datetime.timedelta(days=90),
        end=end,
        limit=5.0,
        page=1.0,
        status="succeeded",
        endpoint="listen",
        check=lambda r: len(r.requests) == 5,
    )
    request_id = page.requests[0].request_id if page else "missing"
    await call("projects.requests.get", pid, request_id, check=lambda r: r.request.request_id == request_id)

    await call(
        "projects.usage.get",
        pid,
        start="2020-01-01",
        end=end.date().isoformat(),
        endpoint="listen",
        smart_format=True,
        check=lambda r: r.resolution.units == "day",
    )
    await call(
        "projects.usage.breakdown.get",
        pid,
        grouping="endpoint",
        check=lambda r: r.results and r.results[0].requests > 0,
    )
    await call("projects.usage.fields.list", pid, check=lambda r: r.models and r.features)

    balances = await call("projects.billing.balances.list", pid, check=lambda r: r.balances)
    balance_id = balances.balances[0].balance_id if balances else "missing"
    await call("projects.billing.balances.get", pid, balance_id, check=lambda r: r.balance_id == balance_id)
    await call(
        "projects.billing.breakdown.list",
        pid,
        grouping=["deployment", "line_item"],
        check=lambda r: r.results and r.results[0].dollars > 0,
    )
    await call("projects.billing.fields.list", pid, check=lambda r: r.line_items)
    await call("projects.billing.purchases.list", pid, limit=2.0, check=lambda r: len(r.orders) == 2)

    await call("projects.leave", leave_pid, check=lambda r: r.message)
    await call("projects.delete", doomed_pid, check=lambda r: r.message)
    return pid


async def flow_beyond_manage(call, pid):
    """The 15 operations outside `manage.v1`, named as 7.x names them (client-relative paths)."""
    creds = "self_hosted.v1.distribution_credentials"
    await call(f"{creds}.list", pid, check=lambda r: len(r.distribution_credentials) == 1)
    made = await call(
        f"{creds}.create", pid, scopes=["self-hosted:product:api"], provider="quay", comment="v7",
        check=lambda r: r.distribution_credentials.scopes == ["self-hosted:product:api"],
    )
    cid = made.distribution_credentials.distribution_credentials_id if made else "missing"
    await call(f"{creds}.get", pid, cid, check=lambda r: r.member.email)
    await call(f"{creds}.delete", pid, cid, check=lambda r: r.distribution_credentials.comment == "v7")

    agents = "voice_agent.configurations"
    made = await call(
        f"{agents}.create", pid, config='{"listen": {}}', metadata={"by": "v7"}, check=lambda r: r.agent_id
    )
    agent_id = made.agent_id if made else "missing"
    await call(f"{agents}.list", pid, check=lambda r: len(r.agents) == 2)
    await call(f"{agents}.get", pid, agent_id, check=lambda r: r.metadata == {"by": "v7"})
    await call(f"{agents}.update", pid, agent_id, metadata={"by": "v7b"}, check=lambda r: r.metadata["by"] == "v7b")
    await call(f"{agents}.delete", pid, agent_id)

    variables = "voice_agent.variables"
    made = await call(f"{variables}.create", pid, key="DG_V7", value={"n": 1.5}, check=lambda r: r.value == {"n": 1.5})
    variable_id = made.variable_id if made else "missing"
    await call(f"{variables}.list", pid, check=lambda r: len(r.variables) == 2)
    await call(f"{variables}.get", pid, variable_id, check=lambda r: r.key == "DG_V7")
    await call(f"{variables}.update", pid, variable_id, value="x", check=lambda r: r.value == "x")
    await call(f"{variables}.delete", pid, variable_id)

    await call("auth.v1.tokens.grant", ttl_seconds=60.0, check=lambda r: r.access_token and r.expires_in == 60)


def public_methods(obj, prefix="", module="deepgram.manage"):
    """Every public method under `obj` (a client of `module`), as dotted paths."""
    found = []
    for name in dir(obj):
        if name.startswith("_") or name == "with_raw_response":
            continue
        value = getattr(obj, name)
        if inspect.ismethod(value):
            found.append(prefix + name)
        elif type(value).__module__.startswith(module):
            found.extend(public_methods(value, f"{prefix}{name}.", module))
    return found


async def main():
    env = DeepgramClientEnvironment(
        base=URL, production=URL.replace("http", "ws", 1), agent=URL.replace("http", "ws", 1), agent_rest=URL
    )
    if MODE == "sync":
        client = DeepgramClient(api_key=KEY, environment=env, max_retries=0)
    else:
        client = AsyncDeepgramClient(api_key=KEY, environment=env, max_retries=0)
    root = client.manage.v1
    pid = await flow(make_call(root))
    await flow_beyond_manage(make_call(client), pid)
    beyond = [
        *public_methods(client.self_hosted.v1.distribution_credentials, "self_hosted.v1.distribution_credentials.",
                        "deepgram.self_hosted"),
        *public_methods(client.voice_agent.configurations, "voice_agent.configurations.", "deepgram.voice_agent"),
        *public_methods(client.voice_agent.variables, "voice_agent.variables.", "deepgram.voice_agent"),
        *public_methods(client.auth.v1.tokens, "auth.v1.tokens.", "deepgram.auth"),
    ]
    print(
        json.dumps(
            {
                "sdk": importlib.metadata.version("deepgram-sdk"),
                "client": type(root).__name__,
                "results": results,
                "not_called": [m for m in [*public_methods(root), *beyond] if m not in results],
            }
        )
    )


asyncio.run(main())

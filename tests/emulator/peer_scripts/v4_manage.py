"""Drive every ManageClient method of deepgram-sdk 4.8.1 against an emulator; print a JSON report.

Runs inside the peer venv (see benchmarks/peers.py): `python v4_manage.py URL API_KEY sync|async`.
The report maps each method to "ok" or the failure, and lists methods the flow never called.
"""

import asyncio
import inspect
import json
import sys
import traceback

from deepgram import (
    DeepgramClient,
    DeepgramClientOptions,
    InviteOptions,
    KeyOptions,
    ProjectOptions,
    ScopeOptions,
    UsageFieldsOptions,
    UsageRequestOptions,
    UsageSummaryOptions,
)

URL, KEY, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
results = {}


def make_call(manage):
    async def call(name, *args, check=None, **kwargs):
        try:
            value = getattr(manage, name)(*args, **kwargs)
            if inspect.isawaitable(value):
                value = await value
            if check is not None and not check(value):
                raise AssertionError(f"unexpected result: {str(value)[:300]}")
            results[name] = "ok"
            return value
        except Exception as exc:  # report every failure, keep going
            results[name] = f"FAIL {type(exc).__name__}: {exc}"[:600]
            if "-v" in sys.argv:
                traceback.print_exc()
            return None

    return call


async def flow(call):
    projects = await call("get_projects", check=lambda r: len(r.projects) >= 3)
    await call("list_projects", check=lambda r: len(r.projects) >= 3)
    pid, leave_pid, doomed_pid = (p.project_id for p in projects.projects[:3])
    await call("get_project", pid, check=lambda r: r.project_id == pid and r.name)
    await call("update_project_option", pid, ProjectOptions(name="Renamed by v4"), check=lambda r: r.message)
    await call("update_project", pid, "Renamed again", check=lambda r: r.message)

    models = await call("get_models", check=lambda r: r.stt and r.tts)
    await call("list_models", {"include_outdated": True}, check=lambda r: len(r.stt) > len(models.stt))
    await call("get_model", models.stt[0].uuid, check=lambda r: r.uuid == models.stt[0].uuid)
    pmodels = await call("get_project_models", pid, check=lambda r: r.stt)
    await call("list_project_models", pid, check=lambda r: r.stt)
    await call("get_project_model", pid, pmodels.stt[-1].uuid, check=lambda r: r.name)

    await call("get_keys", pid, check=lambda r: r.api_keys and r.api_keys[0].api_key.api_key_id)
    await call("list_keys", pid, check=lambda r: r.api_keys)
    created = await call(
        "create_key",
        pid,
        KeyOptions(comment="v4 interop", scopes=["usage:read"], time_to_live_in_seconds=3600, tags=["ci"]),
        check=lambda r: r.key and r.api_key_id,
    )
    key_id = created.api_key_id if created else "missing"
    await call("get_key", pid, key_id, check=lambda r: r.api_key.api_key_id == key_id and r.member.email)
    await call("delete_key", pid, key_id, check=lambda r: r.message)

    members = await call("get_members", pid, check=lambda r: len(r.members) >= 3)
    await call("list_members", pid, check=lambda r: r.members)
    target = members.members[-1].member_id
    await call("get_member_scopes", pid, target, check=lambda r: r.scopes)
    await call("update_member_scope", pid, target, ScopeOptions(scope="admin"), check=lambda r: r.message)
    await call("remove_member", pid, target, check=lambda r: r.message)

    await call("get_invites", pid, check=lambda r: r.invites)
    await call("list_invites", pid, check=lambda r: r.invites)
    await call(
        "send_invite_options",
        pid,
        InviteOptions(email="v4.one@example.com", scope="member"),
        check=lambda r: r.message,
    )
    await call("send_invite", pid, "v4.two@example.com", check=lambda r: r.message)
    await call("delete_invite", pid, "v4.two@example.com", check=lambda r: r.message)

    page = await call(
        "get_usage_requests",
        pid,
        UsageRequestOptions(limit=5),
        check=lambda r: len(r.requests) == 5 and r.requests[0].response is not None,
    )
    request_id = page.requests[0].request_id if page else "missing"
    await call(
        "get_usage_request", pid, request_id, check=lambda r: r.request_id == request_id and r.response.code
    )
    await call("get_usage_summary", pid, UsageSummaryOptions(), check=lambda r: r.resolution.units == "day")
    await call("get_usage_fields", pid, UsageFieldsOptions(), check=lambda r: r.models and r.features)

    balances = await call("get_balances", pid, check=lambda r: r.balances)
    await call("list_balances", pid, check=lambda r: r.balances)
    balance_id = balances.balances[0].balance_id if balances else "missing"
    await call("get_balance", pid, balance_id, check=lambda r: r.balance_id == balance_id)

    await call("leave_project", leave_pid, check=lambda r: r.message)
    await call("delete_project", doomed_pid, check=lambda r: r.message)


def main():
    client = DeepgramClient(KEY, DeepgramClientOptions(url=URL))
    manage = client.manage.v("1") if MODE == "sync" else client.asyncmanage.v("1")
    asyncio.run(flow(make_call(manage)))
    public = sorted(
        n for n, f in vars(type(manage)).items() if inspect.isfunction(f) and not n.startswith("_")
    )
    import deepgram

    print(
        json.dumps(
            {
                "sdk": deepgram.__version__ if hasattr(deepgram, "__version__") else "4.x",
                "client": type(manage).__name__,
                "results": results,
                "not_called": [n for n in public if n not in results],
            }
        )
    )


main()

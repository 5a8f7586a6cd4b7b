"""`shapes="legacy"` serves the older of each disputed response shape; the default is the current one."""

from __future__ import annotations

import aiohttp

from deepgram.testing import Emulator

from .conftest import Api


async def test_legacy_shapes() -> None:
    async with Emulator(shapes="legacy") as emu, aiohttp.ClientSession() as session:
        api = Api(session, emu.url, emu.api_key)
        pid = emu.project_id
        key_id = next(iter(emu.state.projects[pid].keys))
        key = await api.ok("GET", f"/v1/projects/{pid}/keys/{key_id}")
        assert set(key) == {"api_key", "member"} and key["api_key"]["api_key_id"] == key_id
        records = (await api.ok("GET", f"/v1/projects/{pid}/requests", params={"limit": "1000"}))["requests"]
        flat = await api.ok("GET", f"/v1/projects/{pid}/requests/{records[0]['request_id']}")
        assert flat == records[0]
        callback = next(r["callback"] for r in records if "callback" in r)
        assert set(callback) == {"attempts", "code", "completed"}
        usage = await api.ok("GET", f"/v1/projects/{pid}/usage")
        assert usage["results"] and {"tokens", "tts", "hours", "total_hours", "requests"} <= set(
            usage["results"][0]
        )


async def test_current_shapes_are_the_default(api: Api, emu: Emulator, pid: str) -> None:
    assert emu.state.shapes == "current"
    key_id = next(iter(emu.state.projects[pid].keys))
    assert set(await api.ok("GET", f"/v1/projects/{pid}/keys/{key_id}")) == {"item"}
    request_id = emu.log().request_id(0)
    assert set(await api.ok("GET", f"/v1/projects/{pid}/requests/{request_id}")) == {"request"}
    assert "results" not in await api.ok("GET", f"/v1/projects/{pid}/usage")

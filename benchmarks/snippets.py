"""Import timings run as `python -c <snippet>` in a pristine interpreter: nothing imported beforehand
(a subject script would already have loaded json, asyncio, ssl... and flattered every SDK)."""

from __future__ import annotations

_PRELUDE = "import time\nstarted = time.perf_counter()\n"
_ELAPSED = "\nelapsed = (time.perf_counter() - started) * 1000\n"
_REPORT = "\nprint('{\"samples\": [%r]}' % elapsed)\n"

#: Untimed clean-up after the timed part (so no "unclosed session" warning ends the process).
AFTER = {"ours": "client.close()"}

IMPORT = {
    "v4": "import deepgram",
    "v7": "import deepgram",
    "ours": "import deepgram",
    "raw": "import aiohttp\nimport msgspec",
}

IMPORT_CALL = {
    "v4": (
        "from deepgram import DeepgramClient, DeepgramClientOptions\n"
        "DeepgramClient(KEY, DeepgramClientOptions(url=URL)).manage.v('1').get_projects()"
    ),
    "v7": (
        "from deepgram import DeepgramClient\n"
        "from deepgram.environment import DeepgramClientEnvironment as E\n"
        "ws = URL.replace('http', 'ws', 1)\n"
        "env = E(base=URL, production=ws, agent=ws, agent_rest=URL)\n"
        "DeepgramClient(api_key=KEY, environment=env).manage.v1.projects.list()"
    ),
    "ours": (
        "from deepgram import DeepgramClient\n"
        "client = DeepgramClient(api_key=KEY, url=URL)\n"
        "client.manage.get_projects()"
    ),
    "raw": (
        "import asyncio\nimport aiohttp\nimport msgspec\n"
        "class Project(msgspec.Struct):\n    project_id: str = ''\n    name: str | None = None\n"
        "class Projects(msgspec.Struct):\n    projects: list[Project] = []\n"
        "async def once():\n"
        "    async with aiohttp.ClientSession() as session:\n"
        "        auth = {'Authorization': 'Token ' + KEY}\n"
        "        async with session.get(URL + '/v1/projects', headers=auth) as r:\n"
        "            return msgspec.json.decode(await r.read(), type=Projects)\n"
        "asyncio.run(once())"
    ),
}


def snippet(task: str, subject: str, url: str = "", api_key: str = "") -> str:
    """The program for one fresh-interpreter sample (`import` or `import_call`)."""
    body = (IMPORT if task == "import" else IMPORT_CALL)[subject]
    bound = f"URL = {url!r}\nKEY = {api_key!r}\n" if task == "import_call" else ""
    after = AFTER.get(subject, "") if task == "import_call" else ""
    return bound + _PRELUDE + body + _ELAPSED + after + _REPORT

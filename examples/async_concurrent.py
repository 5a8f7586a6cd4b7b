"""Four Manage calls at once with the async classic client (the seed's async flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
`client.manage.asyncmanage` has every method of `client.manage`, as coroutines.
"""

import asyncio

from _target import target

from deepgram import DeepgramClient


async def async_management_example(api_key, project_id, url):
    async with DeepgramClient(api_key=api_key, url=url) as client:
        # Perform multiple operations concurrently
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


# Run async example
with target() as (api_key, project_id, url):
    asyncio.run(async_management_example(api_key, project_id, url))

"""Show the project's account balances (the seed's billing flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

from _target import target

from deepgram import DeepgramClient

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # Get account balances
    balances_response = client.manage.get_balances(project_id)
    print("Account Balances:")
    for balance in balances_response.balances:
        print(f"- Balance ID: {balance.balance_id}")
        print(f"  Amount: {balance.amount} {balance.units}")
        if balance.purchase:
            print(f"  Purchase: {balance.purchase}")

"""List, create and inspect API keys (the seed's key-management flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
The key it creates is deleted at the end, so running it leaves the project as it was.
"""

from _target import target

from deepgram import DeepgramClient, KeyOptions

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # List existing keys
    keys_response = client.manage.get_keys(project_id)
    print(f"Existing keys: {len(keys_response.api_keys)}")

    # Create a new API key
    key_options = KeyOptions(
        comment="Development key for testing",
        scopes=["usage:read", "keys:read"],
        tags=["development", "testing"],
        time_to_live_in_seconds=86400,  # 24 hours
    )
    new_key_response = client.manage.create_key(project_id, key_options)
    print(f"Created new key: {new_key_response.api_key.api_key_id}")
    print(f"Key value: {new_key_response.api_key.key}")  # Only shown on creation

    # Get key details
    key_details = client.manage.get_key(project_id, new_key_response.api_key.api_key_id)
    print(f"Key scopes: {key_details.api_key.scopes}")
    print(f"Key tags: {key_details.api_key.tags}")

    # Clean up (not in the seed): delete the key again
    deleted = client.manage.delete_key(project_id, new_key_response.api_key.api_key_id)
    print(f"Deleted it again: {deleted.message}")

"""What a rejected call looks like (the seed's error-handling flow), and the errors worth catching.

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.
"""

from _target import target

from deepgram import (
    DeepgramApiError,
    DeepgramClient,
    DeepgramValueError,
    KeyOptions,
    NotFoundError,
)

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    try:
        # Attempt to create a key with invalid options
        key_options = KeyOptions(
            comment="Test key",
            scopes=["invalid:scope"],  # This may cause an error
        )
        response = client.manage.create_key(project_id, key_options)
        print(f"Key created: {response.api_key.api_key_id}")
        client.manage.delete_key(project_id, response.api_key.api_key_id)  # not in the seed: tidy up
    except DeepgramApiError as e:
        print(f"API Error: {e}")
        print("Please check your project ID and key permissions")
    except Exception as e:
        print(f"Unexpected error: {e}")

    # Beyond the seed: every API error carries the status, Deepgram's code and the request id ...
    try:
        client.manage.get_key(project_id, "no-such-key")
    except NotFoundError as e:
        print(f"Not found: status={e.status} code={e.code} request_id={e.request_id}")
        print(f"  call: {e.method} {e.path}")

    # ... and a bad argument is refused before any request is sent.
    try:
        KeyOptions(comment="no scopes", scopes=[])
    except DeepgramValueError as e:
        print(f"Refused locally: {e}")

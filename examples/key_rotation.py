"""Rotate an API key: create its replacement, prove the replacement works, then delete the old key.

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.

- With DEEPGRAM_ROTATE_KEY_ID set (and DEEPGRAM_API_KEY, DEEPGRAM_PROJECT_ID), it rotates that key
  for real and prints the new secret once: store it before anything else.
- Without it, it makes a throw-away "old" key and rotates that, as a demonstration; against the
  real API the demonstration's new key is deleted at the end too.

The old key is deleted only after a request made *with the new key* has succeeded: reading the
project, the request log, the keys or the balances, whichever its scopes allow. A key that may do
none of these cannot be verified this way, and the script then keeps the old key.
"""

import os
import time

from _target import target

from deepgram import AuthenticationError, DeepgramClient, KeyOptions, PermissionDeniedError

# Cheap reads to prove a key works; a key needs the scope of one of them. Checked in this order.
CHECKS = [
    ("read the project", lambda manage, project_id: manage.get_project(project_id)),
    ("read the request log", lambda manage, project_id: manage.get_usage_requests(project_id, limit=1)),
    ("list keys", lambda manage, project_id: manage.get_keys(project_id)),
    ("read balances", lambda manage, project_id: manage.get_balances(project_id)),
]


def proven(secret, project_id, url, attempts=5):
    """What the key `secret` could do, or None; a new key may take a moment to be accepted."""
    with DeepgramClient(api_key=secret, url=url) as client:
        for attempt in range(attempts):
            for what, check in CHECKS:
                try:
                    check(client.manage, project_id)
                    return what
                except (AuthenticationError, PermissionDeniedError):
                    continue
            if attempt + 1 < attempts:
                time.sleep(1)
    return None


def rotate(client, project_id, old_key_id, url):
    """Replace key `old_key_id` by a new key with the same comment, scopes and tags; return the new key."""
    old = client.manage.get_key(project_id, old_key_id).api_key
    print(f"Rotating {old.api_key_id} ({old.comment!r}, scopes {old.scopes})")

    created = client.manage.create_key(
        project_id,
        KeyOptions(comment=old.comment or "rotated key", scopes=old.scopes, tags=old.tags),
    )
    new = created.api_key
    print(f"Created {new.api_key_id}")

    # Prove the new key works before the old one goes.
    what = proven(new.key, project_id, url)
    if what is None:
        client.manage.delete_key(project_id, new.api_key_id)
        raise SystemExit("The new key could not be verified; it was deleted and the old key kept.")
    print(f"Verified: the new key can {what}")

    client.manage.delete_key(project_id, old.api_key_id)
    print(f"Deleted the old key {old.api_key_id}")
    return new


with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    old_key_id = os.environ.get("DEEPGRAM_ROTATE_KEY_ID", "")
    demo = not old_key_id
    if demo:
        old_key_id = client.manage.create_key(
            project_id, KeyOptions(comment="key-rotation demo", scopes=["member"], tags=["demo"])
        ).api_key.api_key_id
        print(f"Demonstration: made a key to rotate, {old_key_id}")

    new_key = rotate(client, project_id, old_key_id, url)

    if demo:
        remaining = [k.api_key_id for k in client.manage.get_keys(project_id).api_keys]
        print(f"Old key listed: {old_key_id in remaining}; new key listed: {new_key.api_key_id in remaining}")
        client.manage.delete_key(project_id, new_key.api_key_id)
        print("Demonstration over: its new key is deleted as well")
    else:
        print(f"New key secret (shown once, store it now): {new_key.key}")
        print("If the old key was the one in DEEPGRAM_API_KEY, put the new secret there now.")

"""Every flow of the seed, one after another: projects, keys, members and invitations, usage,
balances, models, async concurrent calls and error handling.

Each flow is its own example script (written as the seed writes it); this runs them in turn. With
DEEPGRAM_API_KEY (and DEEPGRAM_PROJECT_ID) set they talk to the real API; otherwise each starts the
embedded emulator of the Manage API, so this runs anywhere with no account and no network.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOWS = [
    ("Projects", "projects.py"),
    ("API keys", "keys.py"),
    ("Members, invitations and scopes", "members_and_invites.py"),
    ("Usage", "usage.py"),
    ("Balances", "balances.py"),
    ("Models", "models.py"),
    ("Async, concurrent", "async_concurrent.py"),
    ("Error handling", "error_handling.py"),
]


def main() -> None:
    sys.path.insert(0, str(HERE))  # the examples share examples/_target.py
    for title, script in FLOWS:
        print(f"\n== {title} ({script}) ==")
        runpy.run_path(str(HERE / script), run_name="__main__")
    print("\nEvery seed flow ran. Next: examples/objects.py (the object model), examples/usage_export.py.")


if __name__ == "__main__":
    main()

"""MkDocs hook: render ```python runnable blocks as ordinary Python code.

The word `runnable` in a fence's info string marks a block that tests/docs runs against the
emulator; Markdown renderers other than GitHub's would otherwise not recognise the fence.
"""

from __future__ import annotations

import re
from typing import Any

_RUNNABLE_FENCE = re.compile(r"^(?P<fence>```+|~~~+)[ \t]*python[ \t]+runnable[ \t]*$", re.MULTILINE)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Drop the `runnable` marker from every opening fence before the page is rendered."""
    return _RUNNABLE_FENCE.sub(r"\g<fence>python", markdown)

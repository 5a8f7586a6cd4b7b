"""The `deepgram` logger: silent by default, `DEEPGRAM_LOG=info|debug` turns it on; secrets scrubbed."""

from __future__ import annotations

import logging
import os

from deepgram.redact import SECRETS

logger = logging.getLogger("deepgram")
logger.addHandler(logging.NullHandler())
logger.addFilter(SECRETS.logging_filter())
_configured = False


def configure_from_env() -> None:
    """Attach a stderr handler at the level `DEEPGRAM_LOG` names (once per process)."""
    global _configured
    level_name = os.environ.get("DEEPGRAM_LOG", "").strip().upper()
    if _configured or not level_name:
        return
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.addFilter(SECRETS.logging_filter())
    logger.addHandler(handler)
    logger.setLevel(level)
    _configured = True

"""Fixtures of the hostile-server suite."""

from __future__ import annotations

API_KEY = "hostile-test-key-0123456789abcdef"

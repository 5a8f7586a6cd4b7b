"""Shared response shapes."""

from __future__ import annotations

from deepgram.types.base import Model


class Message(Model):
    """`{"message": ...}`: the confirmation every update and delete returns."""

    message: str = ""

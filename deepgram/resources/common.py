"""Shared response shapes."""

from __future__ import annotations

from deepgram.types.base import Model


class Message(Model, dict=True):
    """`{"message": ...}`: the confirmation every update and delete returns."""

    message: str = ""

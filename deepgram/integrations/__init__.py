"""Adapters that plug the SDK into other tools (each needs its own optional extra)."""

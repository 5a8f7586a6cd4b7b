"""Base classes of responses and options, and every options class."""

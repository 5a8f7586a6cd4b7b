"""Core: the transport and the pure protocol decisions it is built on."""

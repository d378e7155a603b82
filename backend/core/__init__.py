"""Helpers every app may import. Nothing here imports an app or ``config``."""

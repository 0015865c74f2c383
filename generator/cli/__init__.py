"""The `recovery-log` command: a third way into the same core as the site's adapters."""

from .commands import main

__all__ = ["main"]

"""The `recovery-log` command: a third way into the same core as the site's adapters.

`main` is the group (in `app`); each command lives in a module named for it and is added here.
"""

from . import authoring, check, feedback_email, stats
from .app import main

main.add_command(check.check)
main.add_command(authoring.init)
main.add_command(authoring.new)
main.add_command(authoring.schema)
main.add_command(feedback_email.feedback_email)
main.add_command(stats.stats)

__all__ = ["main"]

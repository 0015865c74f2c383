"""The `recovery-log` command: a third way into the same core as the site's adapters.

`main` is the group (in `app`); each command lives in a module named for it and is added here.
"""

from . import authoring, check, doctor, due, feedback_email, stats
from .app import main
from .calendar_export import calendar_command
from .export import export_command
from .generate import generate
from .importing.command import import_command

main.add_command(check.check)
main.add_command(authoring.init)
main.add_command(authoring.new)
main.add_command(authoring.schema)
main.add_command(feedback_email.feedback_email)
main.add_command(stats.stats)
main.add_command(doctor.doctor)
main.add_command(due.due)
main.add_command(generate)
main.add_command(import_command)
main.add_command(export_command)
main.add_command(calendar_command)

__all__ = ["main"]

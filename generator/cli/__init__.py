"""The `recovery-log` command: a third way into the same core as the site's adapters.

`main` is the group (in `app`); each command lives in a module named for it and is registered
here by name, to be imported only when it runs (so `recovery-log check` starts fast).
"""

from .app import main

main.lazy_commands.update(
    {
        "check": ".check:check",
        "init": ".authoring:init",
        "new": ".authoring:new",
        "schema": ".authoring:schema",
        "feedback-email": ".feedback_email:feedback_email",
        "stats": ".stats:stats",
        "doctor": ".doctor:doctor",
        "due": ".due:due",
        "generate": ".generate:generate",
        "import": ".importing.command:import_command",
        "export": ".export:export_command",
        "calendar": ".calendar_export:calendar_command",
        "publish": ".publish:publish",
    }
)
"""Each command's module is imported when the command runs (see `app._Group`)."""

__all__ = ["main"]

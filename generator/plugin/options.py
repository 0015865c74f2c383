"""The plugin's options as MkDocs reads them: each one from its declaration in
`generator.options`, so the plugin and the CLI check a value in the same words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..options import BY_NAME, OptionError


class _Declared(c.BaseConfigOption[Any]):
    """An option of `generator.options.OPTIONS`, checked by its declaration's own check."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.option = BY_NAME[name]
        self.default = self.option.default
        self.config_dir: Path | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        path = config.config_file_path
        self.config_dir = Path(path).resolve().parent if path else None

    def run_validation(self, value: object) -> Any:
        try:
            return self.option.check(value, self.config_dir)
        except OptionError as exc:
            raise c.ValidationError(str(exc)) from None


class RecoveryLogConfig(base.Config):
    """The plugin's options: names, defaults, docs and checks come from `OPTIONS`."""

    entries_dir = _Declared("entries_dir")
    stages = _Declared("stages")
    feedback_due_days = _Declared("feedback_due_days")
    follow_up_days = _Declared("follow_up_days")
    today = _Declared("today")
    skill_aliases = _Declared("skill_aliases")
    show_private = _Declared("show_private")
    templates_dir = _Declared("templates_dir")
    anonymize_companies = _Declared("anonymize_companies")
    mentor_since = _Declared("mentor_since")
    feed = _Declared("feed")
    publish_to = _Declared("publish_to")
    private_repository = _Declared("private_repository")
    reply_to = _Declared("reply_to")
    language = _Declared("language")

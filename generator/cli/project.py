"""Reading the plugin's options from a project's `mkdocs.yml`, without MkDocs.

The command-line tools use the same stages, dates and aliases as the site, so `check` agrees
with `mkdocs build`. MkDocs' own YAML tags are handled: `!ENV` is resolved as MkDocs does, any
other tag (`!!python/name:...`, `!relative`) is read as nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..settings import DEFAULT_STAGES, Settings

PLUGIN_NAME = "recovery-log"


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1] if len(values) > 1 else None
        if len(values) == 1:
            names = values
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _ignore)


@dataclass(frozen=True)
class ProjectOptions:
    """The recovery-log plugin's options as a project sets them."""

    root: Path
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def entries_dir(self) -> Path:
        return self.root / str(self.options.get("entries_dir", "entries"))

    def settings(self, today: dt.date | None = None) -> Settings:
        pinned = self.options.get("today")
        if today is None and pinned:
            today = pinned if isinstance(pinned, dt.date) else dt.date.fromisoformat(str(pinned))
        return Settings(
            stages=tuple(self.options.get("stages") or DEFAULT_STAGES),
            today=today or dt.date.today(),
            feedback_due_days=int(self.options.get("feedback_due_days", 7)),
            follow_up_days=int(self.options.get("follow_up_days", 10)),
            skill_aliases=dict(self.options.get("skill_aliases") or {}),
            show_private=str(self.options.get("show_private", "")).lower() in {"1", "true", "yes"},
        )


class ProjectError(Exception):
    """The configuration file cannot be read; the message says which and why."""


def read_project(
    config_file: str | os.PathLike[str] = "mkdocs.yml", required: bool = False
) -> ProjectOptions:
    """The plugin options from `config_file`; defaults when it names none.

    A missing file means defaults too, unless `required` (the user named it); a file that is
    there but unreadable is an error, not a silent fallback.
    """
    path = Path(config_file)
    root = path.resolve().parent
    if not path.is_file():
        if required:
            raise ProjectError(f"{path}: no such configuration file")
        return ProjectOptions(root)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            data = yaml.load(handle, Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ProjectError(f"{path}{where}: not valid YAML: {exc.problem}") from None
    except (OSError, yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:
        raise ProjectError(f"{path}: cannot be read: {exc}") from None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for item in plugins or []:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return ProjectOptions(root, dict(item[PLUGIN_NAME] or {}))
    return ProjectOptions(root)


def read_config(config_file: str | os.PathLike[str]) -> dict[str, Any]:
    """The whole configuration file as data (`site_name`, `docs_dir`...); {} when missing.

    Read with the same tags as `read_project`, which reports the file's errors: call it first.
    """
    path = Path(config_file)
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig") as handle:
        data = yaml.load(handle, Loader=_ConfigLoader)
    return data if isinstance(data, dict) else {}

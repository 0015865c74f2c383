"""Reading the plugin's options from a project's `mkdocs.yml`, without MkDocs.

The command-line tools use the same stages, dates and aliases as the site, so `check` agrees
with `mkdocs build`. MkDocs' own YAML tags are handled: `!ENV` is resolved as MkDocs does, any
other tag (`!!python/name:...`, `!relative`) is read as nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import RecoveryLogError
from ..i18n import Language, language_from_environment, resolve_language
from ..options import OptionError, Options, check_option, read_options
from ..settings import Settings

PLUGIN_NAME = "recovery-log"


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif not isinstance(node, yaml.SequenceNode):
        return None
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


class ProjectError(RecoveryLogError):
    """The configuration file cannot be read, or sets an option wrongly; the message says which."""


@dataclass(frozen=True)
class ProjectOptions:
    """The recovery-log plugin's options as a project sets them, checked as the plugin does."""

    root: Path
    """The folder of `mkdocs.yml`: relative paths start here."""
    options: Options = field(default_factory=lambda: read_options({}))
    config: Path | None = None
    """The configuration file read; None when there was none (defaults)."""
    site_author: str | None = None
    """`site_author`: feedback drafts are signed with it."""
    site_name: str = ""
    """`site_name`: the printed mentor digest carries it."""
    theme_language: str | None = None
    """`theme.language`: the log's language when the plugin's `language` option is not set."""

    @property
    def entries_dir(self) -> Path:
        return self.root / self.options.entries_dir

    @property
    def templates_dir(self) -> Path | None:
        return Path(self.options.templates_dir) if self.options.templates_dir else None

    @property
    def anonymize_companies(self) -> bool:
        return self.options.anonymize_companies

    @property
    def mentor_since(self) -> dt.date | None:
        return self.options.mentor_since

    @property
    def feed(self) -> bool:
        return self.options.feed

    @property
    def language(self) -> Language:
        """The log's language; outside a log (no `mkdocs.yml`), the terminal's (`LANG`)."""
        return self.settings().language

    def settings(self, today: dt.date | None = None) -> Settings:
        """The core's settings; `today` (e.g. `--today`) wins over the pinned `today:`."""
        if self.config is None:
            return replace(self.options.settings(today), language=language_from_environment())
        return self.options.settings(today, self.theme_language)


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
            raise ProjectError(
                language_from_environment().gettext(
                    "%(path)s: no such configuration file", path=path
                )
            )
        return ProjectOptions(root)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            data = yaml.load(handle, Loader=_ConfigLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        located = f"{path}{where}"
        raise ProjectError(
            language_from_environment().gettext(
                "%(path)s: not valid YAML: %(problem)s", path=located, problem=exc.problem
            )
        ) from None
    except (OSError, yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:
        raise ProjectError(
            language_from_environment().gettext(
                "%(config)s: cannot be read: %(error)s", config=path, error=exc
            )
        ) from None
    data = data if isinstance(data, dict) else {}
    author = data.get("site_author")
    author = author.strip() if isinstance(author, str) and author.strip() else None
    written = plugin_options(data)
    theme = data.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    language = language if isinstance(language, str) and language.strip() else None
    options = read_options({}) if written is None else _checked(path, root, written, language)
    name = data.get("site_name")
    return ProjectOptions(
        root,
        options,
        path,
        author,
        name if isinstance(name, str) else "",
        language,
    )


def plugin_options(data: dict[str, Any]) -> object:
    """What `data` (a whole mkdocs.yml) sets under the plugin; None when it lists no plugin."""
    plugins = data.get("plugins")
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return item[PLUGIN_NAME] if item[PLUGIN_NAME] is not None else {}
        if item == PLUGIN_NAME:
            return {}
    return None


def find_config(start: Path, name: str = "mkdocs.yml") -> Path | None:
    """`name` in `start` or the nearest folder above it that has one (as git finds its root)."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / name).is_file():
            return candidate / name
    return None


def _checked(path: Path, root: Path, written: object, theme_language: str | None) -> Options:
    """The plugin's options, with the plugin's own checks: a wrong value names the option."""
    if written is None:
        written = {}
    if not isinstance(written, dict):
        raise ProjectError(
            language_from_environment().gettext(
                "%(path)s: the %(plugin)s plugin's options should be name: value pairs",
                path=path,
                plugin=PLUGIN_NAME,
            )
        )
    try:
        return read_options(written, root)
    except OptionError as exc:
        language = _written_language(written, theme_language)
        raise ProjectError(
            # Translators: "mkdocs.yml: recovery-log option 'stages': expected ..."
            language.gettext(
                "%(path)s: %(plugin)s %(problem)s",
                path=path,
                plugin=PLUGIN_NAME,
                problem=exc.said(language),
            )
        ) from None


def _written_language(written: dict[str, Any], theme_language: str | None) -> Language:
    """The language the options ask for, to say what is wrong with one of them; when the
    `language` option itself is wrong, the terminal's."""
    try:
        code = check_option("language", written.get("language"))
    except OptionError:
        return language_from_environment()
    return resolve_language(code, theme_language)


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

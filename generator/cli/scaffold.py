"""New files for the user: a whole log (`init`) and one entry (`new`), never overwriting."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
import yaml

from ..entries.schema import entry_json_schema
from ..errors import RecoveryLogError
from ..i18n import ENGLISH, N_, PSEUDO_CODE, Language, shipped_languages
from ..settings import DEFAULT_STAGES
from ..site.template_i18n import install_language
from .vendor import installed_from_index, pinned_requirement, vendor_files

SCHEMA_FILE = "schema/entry.schema.json"


class ScaffoldError(RecoveryLogError):
    """Something the user asked for cannot be written; the message says why, in one line."""


_LATIN = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "\u0131": "i"}
)  # fmt: skip
"""Latin letters that Unicode does not decompose into an ASCII letter and a mark."""


def slug(text: str) -> str:
    """A file-name-safe slug: "Finch & Forge — Data Analyst" → "finch-forge-data-analyst".

    Latin letters are transliterated ("Ørsted" → "orsted"). Letters of other scripts have no
    ASCII form here, so a short digest of the text stands in for them: "株式会社ヒカリ" and
    "株式会社ミドリ" get different, stable slugs instead of one empty one.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    if any(char.isalnum() and not char.isascii() for char in decomposed):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
        return f"{words}-{digest}" if words else digest
    return words


def yaml_scalar(value: object) -> str:
    """`value` as a YAML scalar that reads back as exactly that value."""
    dumped = yaml.safe_dump({"v": value}, allow_unicode=True, default_flow_style=False, width=1000)
    return dumped.removeprefix("v: ").rstrip("\n")


def _environment(language: Language = ENGLISH) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.cli", "scaffold_templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = yaml_scalar
    install_language(env, language, None)
    return env


def write_new(path: Path, content: str | bytes, language: Language = ENGLISH) -> None:
    """Create `path` with `content`; refuse if it exists (exclusive create, no race).

    Text is written as UTF-8 with `\n` line ends; bytes exactly as they are.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if isinstance(content, bytes):
            with path.open("xb") as binary:
                binary.write(content)
        else:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
    except FileExistsError:
        raise ScaffoldError(
            language.gettext("%(path)s already exists; nothing was overwritten", path=path)
        ) from None


def schema_text(stages: tuple[str, ...] = DEFAULT_STAGES, language: Language = ENGLISH) -> str:
    """The entry format's JSON Schema, its hints in `language`."""
    schema = entry_json_schema(stages, language)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class NewEntry:
    kind: str
    date: dt.date
    company: str = ""
    role: str = ""
    track: str = ""
    stage: str = ""
    title: str = ""
    about: tuple[str, ...] = ()

    def file_name(self) -> str:
        if self.kind == "rejection":
            words = slug(f"{self.company} {self.role}") or "rejection"
        else:
            words = slug(self.title) or "reflection"
        return f"{self.date.isoformat()}-{words}.md"


PRIVATE_SECTION_HINT = N_("Anything between these two markers is left out of the published site.")
"""What a new entry's private section holds until the user writes in it (in the log's language)."""
PRIVATE_SECTION_HINTS = (
    PRIVATE_SECTION_HINT,
    "Anything between these two markers stays on your machine: it never reaches a published site.",
)
"""The hint's English wordings, today's first."""


def private_section_hints() -> frozenset[str]:
    """The hint in every wording and shipped language: no private content, so `doctor` does
    not count a section that holds only it."""
    translated = (Language(code).gettext(PRIVATE_SECTION_HINT) for code in shipped_languages())
    return frozenset({*PRIVATE_SECTION_HINTS, *translated})


def entry_text(
    entry: NewEntry,
    schema_ref: str | None,
    stages: tuple[str, ...],
    language: Language = ENGLISH,
) -> str:
    """A commented entry file, valid as written, ready to fill in; its comments in `language`
    (its keys and values stay English: they are the entry format)."""
    template = _environment(language).get_template(f"{entry.kind}.md.j2")
    return template.render(
        e=entry,
        schema_ref=schema_ref,
        stages=stages,
        private_hint=language.gettext(PRIVATE_SECTION_HINT),
    )


def schema_reference(entry_path: Path, project_root: Path) -> str | None:
    """The relative path from the entry to the project's schema file, when it has one."""
    schema = project_root / SCHEMA_FILE
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema, entry_path.parent)).as_posix()


EXAMPLE_NOTE = N_(
    'AN EXAMPLE, NOT AN ENTRY: its name starts with "_", so it is a draft that is never built,\n'
    "counted or published. Read it to see how an entry is written, then write your own with\n"
    "  %(command)s\n"
    '(or copy this file to a name without the "_"). Delete it whenever you like.'
)


def _example_note(kind: str, language: Language) -> str:
    """The note opening an example, as YAML comments."""
    command = f"recovery-log new {kind}"
    text = language.gettext(EXAMPLE_NOTE, command=command)
    return "".join(f"# {line}\n" for line in text.splitlines())


def example_files(today: dt.date, language: Language = ENGLISH) -> dict[str, str]:
    """One example of each kind, as `_`-prefixed drafts: shown how, never counted as data."""
    _ = language.gettext
    rejection = NewEntry("rejection", today, _("Example Company"), _("Data Analyst"), stage="phone")
    reflection = NewEntry(
        "reflection",
        today,
        title=_("Starting my recovery log"),
        about=(rejection.file_name().removesuffix(".md"),),
    )
    files = {}
    for entry in (rejection, reflection):
        text = entry_text(entry, f"../{SCHEMA_FILE}", DEFAULT_STAGES, language)
        opening, rest = text.split("\n", 1)
        files[f"entries/_example-{entry.kind}.md"] = (
            f"{opening}\n{_example_note(entry.kind, language)}{rest}"
        )
    return files


@dataclass(frozen=True)
class NewLog:
    """What `init` is told about the log it starts."""

    site_name: str
    today: dt.date
    author: str = ""
    """`site_author`: the name feedback drafts are signed with."""
    private_repository: bool = False
    """The sources' repository is private: the site is published from it, not from another."""


WORKFLOW_FILE = ".github/workflows/publish.yml"
SAME_REPOSITORY_WORKFLOW_FILE = ".github/workflows/pages.yml"


def _workflow(log: NewLog) -> dict[str, str]:
    """The two-repository workflow; the same-repository one only for a private repository."""
    name, target = ("publish.yml", WORKFLOW_FILE)
    if log.private_repository:
        name, target = ("pages.yml", SAME_REPOSITORY_WORKFLOW_FILE)
    text = resources.files("generator.cli").joinpath("scaffold_templates", name)
    return {target: text.read_text(encoding="utf-8")}


def _material_language(language: Language) -> str | None:
    """`theme.language` for a log started in `language`: none for English (the default) or
    the pseudo-language (Material has no such language)."""
    if language.is_english or language.code == PSEUDO_CODE:
        return None
    return language.code.split("_")[0]


def init_project(root: Path, log: NewLog, language: Language = ENGLISH) -> list[Path]:
    """Lay out a new log in `root`; return the files written. Refuses an existing mkdocs.yml."""
    if (root / "mkdocs.yml").exists():
        raise ScaffoldError(
            language.gettext(
                "%(path)s already exists: this folder has a site already; nothing was changed",
                path=root / "mkdocs.yml",
            )
        )
    env = _environment(language)
    vendored = not installed_from_index()
    site_name = log.site_name
    config = env.get_template("mkdocs.yml.j2").render(
        site_name=site_name,
        author=log.author,
        private_repository=log.private_repository,
        material_language=_material_language(language),
    )
    files = {
        "mkdocs.yml": config,
        "docs/tags.md": env.get_template("tags.md.j2").render(),
        ".gitignore": env.get_template("gitignore.j2").render(),
        "requirements.txt": env.get_template("requirements.txt.j2").render(
            vendored=vendored, pinned=pinned_requirement()
        ),
        **_workflow(log),
        SCHEMA_FILE: schema_text(language=language),
        **example_files(log.today, language),
        **(vendor_files() if vendored else {}),
    }
    written = []
    for relative, content in files.items():
        target = root / relative
        if target.exists():
            continue
        write_new(target, content, language)
        written.append(target)
    return written

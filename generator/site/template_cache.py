"""The page templates' compiled code, kept on disk between builds as Python keeps `.pyc` files.

Compiling Recovery Log's templates took about 0.2 s of every build, serve and `generate`,
whatever the size of the log: more than rendering a hundred entry pages. Jinja can keep what it
compiled (a "bytecode cache") and checks each kept template against its source before using
it; the check here also covers how the environment compiles (delimiters, autoescaping, which
filters take a context...), so code compiled by another version is never used. The cache is
only a shortcut: a folder that cannot be made or written is simply not used.

It lives in the user's cache folder (`~/.cache/recovery-log/templates` on Linux), never in a
shared temporary folder, where another user could plant code for it to run.
`RECOVERY_LOG_CACHE_DIR` (an absolute path) puts it elsewhere (a CI cache, tests); deleting
it is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from pathlib import Path

import jinja2
import platformdirs

CACHE_DIR_VARIABLE = "RECOVERY_LOG_CACHE_DIR"


def cache_dir() -> Path:
    """Where compiled templates are kept: `$RECOVERY_LOG_CACHE_DIR`, or the user's cache."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    base = Path(chosen) if chosen else Path(platformdirs.user_cache_dir("recovery-log"))
    return base / "templates"


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, with keys that know the environment and writes that never fail."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        super().__init__(os.fspath(directory), "%s.jinja")
        self.fingerprint = fingerprint

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha1(f"{self.fingerprint}\n{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # a file cut short or damaged: compiled again, and rewritten

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk, a read-only home: compiled next time
            super().dump_bytecode(bucket)


def compiled_templates(env: jinja2.Environment) -> CompiledTemplates | None:
    """A cache for `env`'s compiled templates, or None where no private folder can be had.

    A relative folder is never used: without a home folder (no HOME, no account), the user's
    cache folder comes back as "~/.cache/...", which would land in the project being built.
    """
    folder = cache_dir()
    if not folder.is_absolute():
        return None
    try:
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        if not _private(folder):
            return None
    except OSError:
        return None
    return CompiledTemplates(folder, environment_fingerprint(env))


def _private(folder: Path) -> bool:
    """Only this user may write there: what is kept there is code that the build runs."""
    if os.name == "nt":  # the user's local application data is private by default
        return True
    found = folder.lstat()
    return found.st_uid == os.getuid() and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def environment_fingerprint(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles from it."""
    passes = sorted(
        f"{kind}:{name}:{getattr(function, 'jinja_pass_arg', None)}"
        for kind, functions in (("filter", env.filters), ("test", env.tests))
        for name, function in functions.items()
    )
    settings = (
        jinja2.__version__,
        env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, env.autoescape if isinstance(env.autoescape, bool) else "fn",
        env.finalize is not None, getattr(env.finalize, "jinja_pass_arg", None),
        env.code_generator_class.__qualname__, env.undefined.__qualname__,
        sorted(env.extensions), passes,
        getattr(env, "newstyle_gettext", None), env.policies.get("ext.i18n.trimmed"),
    )
    return hashlib.sha1(repr(settings).encode()).hexdigest()

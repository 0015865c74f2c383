"""Pushing a built site, and nothing else, to a branch of a git repository.

The commit is made by ghp-import (the tool MkDocs' gh-deploy uses) in a throwaway repository,
never in the log's own: the sources' history cannot travel with the push, the log's repository
is left exactly as it was (no gh-pages branch pointing at an unpushed commit), and a log that is
not a git repository at all can be published too. The site's branch is fetched first, so each
publication follows the last one, wherever it was made (a laptop, or the workflow).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import TranslatedError
from ..i18n import N_, Language
from .git_remotes import git

REMOTE = "site"
"""The remote's name inside the throwaway repository."""
FALLBACK_IDENTITY = {
    "GIT_COMMITTER_NAME": "Recovery Log",
    "GIT_COMMITTER_EMAIL": "publish@localhost",
}
"""Who commits the site when git has no identity set (a fresh build machine)."""


class PushError(TranslatedError):
    """git could not reach the repository, or refused the push: in git's own words when it
    gave some, else ours (a catalog message, `%(error)s` being what git said)."""

    def __init__(self, git_said: str, message: str = "", **values: str) -> None:
        super().__init__(message, error=git_said, **values)

    def said(self, language: Language) -> str:
        return super().said(language) if self.message else self.values["error"]


class SiteRepository:
    """A throwaway repository set to push to the site's: `publish` commits and pushes a site."""

    def __init__(self, work: Path, branch: str) -> None:
        self.work = work
        self.branch = branch

    def publish(self, site: Path, message: str) -> str:
        """Commit `site` on the branch, after what it holds, and push it; the commit's id."""
        _commit(self.work, site, self.branch, message)
        ref = f"refs/heads/{self.branch}"
        _run(self.work, "push", "--quiet", REMOTE, f"{ref}:{ref}")
        return _run(self.work, "rev-parse", "--short", ref).strip()


@contextmanager
def site_repository(address: str, branch: str) -> Iterator[SiteRepository]:
    """The repository at `address`, reached (and its `branch` fetched) before anything is
    built; raises `PushError` with git's words when it cannot be. Removed when done."""
    with tempfile.TemporaryDirectory(prefix="recovery-log-publish-") as folder:
        work = Path(folder)
        _run(work, "init", "--quiet")
        _run(work, "remote", "add", REMOTE, address)
        _fetch_published(work, branch)
        yield SiteRepository(work, branch)


def _run(work: Path, *args: str) -> str:
    done = git(work, *args)
    if done.returncode != 0:
        if done.stderr.strip():
            raise PushError(done.stderr.strip())
        raise PushError("", N_("git %(command)s failed"), command=args[0])
    return done.stdout


def _fetch_published(work: Path, branch: str) -> None:
    """The branch as the repository has it now, if it has it (a first publication does not)."""
    found = git(work, "ls-remote", "--exit-code", "--heads", REMOTE, f"refs/heads/{branch}")
    if found.returncode == 2:
        return
    if found.returncode != 0:
        if found.stderr.strip():
            raise PushError(found.stderr.strip())
        raise PushError("", N_("cannot reach %(remote)s"), remote=REMOTE)
    _run(work, "fetch", "--quiet", REMOTE, f"+refs/heads/{branch}:refs/remotes/{REMOTE}/{branch}")


def _commit(work: Path, site: Path, branch: str, message: str) -> None:
    """ghp-import's commit of `site` on `branch`, after the fetched one when there is one."""
    command = [sys.executable, "-m", "ghp_import", str(site.resolve()), "--no-jekyll"]
    command += ["--remote", REMOTE, "--branch", branch, "--message", message]
    done = subprocess.run(
        command, cwd=work, env=_identity(work), capture_output=True, text=True, check=False
    )
    made = git(work, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}")
    if done.returncode != 0 or made.returncode != 0:
        raise PushError(done.stderr.strip(), N_("ghp-import could not commit the site: %(error)s"))


def _identity(work: Path) -> dict[str, str]:
    """The environment, with a committer for the site's commit when git knows none."""
    env = dict(os.environ)
    if not env.get("GIT_COMMITTER_NAME") and not git(work, "config", "user.name").stdout.strip():
        env.update(FALLBACK_IDENTITY)
    return env

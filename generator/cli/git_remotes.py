"""Which git remotes hold a log's sources, so the built site is never pushed where they are.

A remote holds the sources when it is the current branch's upstream, or when one of its
remote-tracking branches shares history with a local branch (a sources branch was pushed to
it, or fetched from it). Everything here reads the local repository only: no network.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..i18n import ENGLISH, Language

_SCP_LIKE = re.compile(r"^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$")
"""`git@github.com:you/log.git`: git's short form of an ssh address."""


def git(root: Path, *args: str, given: str | None = None) -> subprocess.CompletedProcess[str]:
    """`git <args>` in `root` (`given` on its input), its output captured as text; never
    raises for a git failure."""
    return subprocess.run(
        ["git", *args],
        cwd=root,
        input=given,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def in_repository(root: Path) -> bool:
    return git(root, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"


def remote_names(root: Path) -> list[str]:
    return git(root, "remote").stdout.split()


def push_address(root: Path, remote: str) -> str:
    """Where a push to `remote` goes: a configured remote's push URL, else `remote` itself
    (an address; a relative path is taken from `root`)."""
    if remote in remote_names(root):
        return _address(root, git(root, "remote", "get-url", "--push", remote).stdout.strip())
    return _address(root, remote)


def _address(root: Path, text: str) -> str:
    """A URL as it is; a path made absolute (from `root`), as git reads a remote's path."""
    if "://" in text or (_SCP_LIKE.match(text) and not (root / text).exists()):
        return text
    return os.path.abspath(root / text)


def same_place(address: str, other: str) -> bool:
    """Whether two git addresses name one repository (`git@host:a/b.git` = `https://host/a/b`)."""
    return _canonical(address) == _canonical(other)


def _canonical(address: str) -> str:
    text = address.strip().rstrip("/").removesuffix(".git").rstrip("/")
    if "://" in text:
        scheme, rest = text.split("://", 1)
        if scheme == "file":
            return os.path.realpath(rest)
        host, _, path = rest.partition("/")
        return f"{host.rpartition('@')[2].split(':')[0].lower()}/{path.lower()}"
    match = _SCP_LIKE.match(text)
    if match:
        return f"{match.group(1).lower()}/{match.group(2).lstrip('/').lower()}"
    return os.path.realpath(text)


@dataclass(frozen=True)
class SourcesRemote:
    name: str
    why: str
    """"it is the upstream of main", "its branch main holds the history of your main"."""


def sources_remotes(root: Path, marker: str, language: Language = ENGLISH) -> list[SourcesRemote]:
    """Every remote that holds the sources of the log at `root`, and why.

    `marker` is the log's configuration file (`mkdocs.yml`): a branch whose tip has it, where
    the log is in the repository, holds the sources; a site's branch never has it.
    """
    if not in_repository(root):
        return []
    found: dict[str, str] = {}
    upstream = _upstream(root)
    if upstream is not None:
        found[upstream[0]] = language.gettext(
            "it is the upstream of %(branch)s", branch=upstream[1]
        )
    for name, branch, local in _pushed_sources(root, marker):
        found.setdefault(
            name,
            language.gettext(
                "its branch %(branch)s holds the history of your branch %(local)s",
                branch=branch,
                local=local,
            ),
        )
    return [SourcesRemote(name, why) for name, why in found.items()]


def holding_sources(
    root: Path, target: str, marker: str, language: Language = ENGLISH
) -> SourcesRemote | None:
    """The remote holding the sources that `target` (a remote's name, or an address) names."""
    names = _named(root, target)
    return next((r for r in sources_remotes(root, marker, language) if r.name in names), None)


def sources_branch_at(root: Path, target: str, branch: str, marker: str) -> str | None:
    """Your sources branch whose history `branch` of `target` holds (publishing the site
    there would replace them), as far as the remote-tracking branches tell; else None."""
    if not in_repository(root):
        return None
    names = _named(root, target)
    return next(
        (
            local
            for name, tracked, local in _pushed_sources(root, marker)
            if name in names and tracked == branch
        ),
        None,
    )


def _named(root: Path, target: str) -> set[str]:
    """The configured remotes `target` names: itself, or every one pushing to its address."""
    address = push_address(root, target)
    names = {target} if target in remote_names(root) else set()
    for name in remote_names(root):
        urls = git(root, "remote", "get-url", "--all", name).stdout.split()
        urls += git(root, "remote", "get-url", "--push", "--all", name).stdout.split()
        if any(same_place(address, _address(root, url)) for url in urls):
            names.add(name)
    return names


def _upstream(root: Path) -> tuple[str, str] | None:
    """(remote, branch) of the current branch's upstream, when it has one."""
    branch = git(root, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip()
    if not branch:
        return None
    remote = git(root, "config", f"branch.{branch}.remote").stdout.strip()
    return (remote, branch) if remote and remote != "." else None


def _sources_branches(root: Path, marker: str) -> list[str]:
    """The local branches whose tip holds the log (its configuration file, at its place)."""
    prefix = git(root, "rev-parse", "--show-prefix").stdout.strip()
    heads = git(root, "for-each-ref", "--format=%(refname:short)", "refs/heads").stdout.split()
    return [
        branch
        for branch in heads
        if git(root, "cat-file", "-e", f"refs/heads/{branch}:{prefix}{marker}").returncode == 0
    ]


def _pushed_sources(root: Path, marker: str) -> list[tuple[str, str, str]]:
    """(remote, its branch, your sources branch) for every remote-tracking branch that shares
    history with a sources branch: pushed there, or fetched from there."""
    local = _sources_branches(root, marker)
    found = []
    for name, branch in _tracking(root, remote_names(root)):
        shared = next((b for b in local if _share_history(root, f"{name}/{branch}", b)), None)
        if shared is not None and branch != "HEAD":
            found.append((name, branch, shared))
    return found


def _tracking(root: Path, names: list[str]) -> list[tuple[str, str]]:
    """(remote, branch) for every remote-tracking branch of a configured remote."""
    refs = git(root, "for-each-ref", "--format=%(refname)", "refs/remotes").stdout.split()
    pairs = []
    for ref in refs:
        short = ref.removeprefix("refs/remotes/")
        owner = max((n for n in names if short.startswith(f"{n}/")), key=len, default=None)
        if owner is not None:
            pairs.append((owner, short.removeprefix(f"{owner}/")))
    return pairs


def _share_history(root: Path, one: str, other: str) -> bool:
    return git(root, "merge-base", one, other).returncode == 0


def uncommitted(root: Path) -> list[str]:
    """The files under `root` with changes git has not committed (none outside a repository)."""
    if not in_repository(root):
        return []
    status = git(root, "status", "--porcelain", "--untracked-files=all", "--", ".")
    return [line[3:] for line in status.stdout.splitlines() if line.strip()]

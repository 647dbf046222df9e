"""Build one revision of the site (a commit, or the working tree) into a directory.

A commit is exported with `git archive` into a temporary directory (no worktree is registered,
so nothing is left behind if the build is interrupted) and built there with this environment's
MkDocs, `--strict`, dated by its commit like `make build` (SOURCE_DATE_EPOCH). Both sides of a
diff are built with the same installed packages: the pinned ones of the current checkout.

A commit's symlinks are read as the build reads them (explainer.repository): one that leads
outside the exported tree (`docs/assets/env.txt -> /proc/self/environ`) is refused with one
`file:1: ...` line, before anything is extracted; the build itself then checks the rest. While
it builds, MkDocs lists the raw HTML and attribute lists each page writes (explainer.pagehtml,
explainer_mkdocs.written), for the report's section for reviewers.

Code a machine made (a `__pycache__/*.pyc`, which Python runs in place of the source beside it, a
`*.so`, a `.venv/` or `node_modules/` file) is refused the same way, as the site's Makefile refuses
it in a checkout before make runs anything (SECURITY.md): a commit is built without that check.
"""

from __future__ import annotations

import io
import json
import os
import posixpath
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from ..pagehtml import WRITTEN_HTML_FILE
from ..repository import outside_repository


class BuildError(Exception):
    """A revision could not be resolved or built; the message says which and why."""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout.strip()


def resolve(repo: Path, revision: str) -> str:
    """The full commit id that `revision` names (a branch, tag, sha, HEAD~1...)."""
    try:
        return git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except BuildError:
        raise BuildError(f"'{revision}' is not a commit in {repo} (try a branch, a tag or a commit id)") from None


def default_base(repo: Path) -> str:
    """origin/main when there is a remote, else main, else the commit before HEAD."""
    for candidate in ("origin/main", "main", "HEAD~1"):
        try:
            resolve(repo, candidate)
            return candidate
        except BuildError:
            continue
    raise BuildError("no base to compare with: pass one (make diff BASE=<commit>)")


def build_revision(repo: Path, revision: str | None, site_dir: Path) -> dict[str, list[str]] | None:
    """Build commit `revision` of `repo` (None: the working tree as it is) into `site_dir`.

    Returns the raw HTML and attribute lists each page writes, by its path in docs/, as the build listed
    them (None if it listed none: a revision made before the listing existed).
    """
    if revision is None:
        return _mkdocs_build(repo, site_dir, _commit_time(repo, "HEAD"), "the working tree")
    commit = resolve(repo, revision)
    label = f"{revision} ({commit[:7]})"
    with tempfile.TemporaryDirectory(prefix="reader-diff-") as scratch:
        tree = Path(scratch)
        _export(repo, commit, tree, label)
        return _mkdocs_build(tree, site_dir, _commit_time(repo, commit), label)


def _export(repo: Path, commit: str, tree: Path, label: str) -> None:
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=repo, capture_output=True, check=False)
    if archive.returncode != 0:
        raise BuildError(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
        members = tar.getmembers()
        if refused := [line for member in members if (line := member_problem(member))]:
            raise BuildError(f"building {label} failed: it holds files the build does not take:\n" + "\n".join(refused))
        try:
            tar.extractall(tree, members=members, filter="data")
        except tarfile.FilterError as error:  # a link tarfile's own check refuses (the build would too)
            raise BuildError(f"building {label} failed: {error}") from None


# What the site's Makefile (no-machine-made-files) refuses, in the same words.
MACHINE_MADE_FOLDERS = frozenset({"__pycache__", ".venv", ".lock-venv", ".properdocs-venv", "node_modules"})
MACHINE_MADE_SUFFIXES = (".pyc", ".pyo", ".pyd", ".so", ".dylib")
MACHINE_MADE_SAYS = (
    "compiled code or an installed tool is committed: make would run it, and no reviewer can read it;"
    " remove it from git (git rm -r --cached)"
)


def machine_made(name: str) -> bool:
    """A path the Makefile's check refuses: in a machine's folder, or compiled code."""
    parts = name.split("/")
    return (
        not MACHINE_MADE_FOLDERS.isdisjoint(parts) or parts[-1].endswith(MACHINE_MADE_SUFFIXES) or ".so." in parts[-1]
    )


def member_problem(member: tarfile.TarInfo) -> str:
    """One `file:1: ...` line for committed code a machine made, or a committed link that leads outside the
    tree, as the Makefile and the build word them ('' if none)."""
    if not member.isdir() and machine_made(member.name):  # its folder is listed too: one line, for the file
        return f"{member.name}:1: {MACHINE_MADE_SAYS}"
    if not (member.issym() or member.islnk()):
        return ""
    target = member.linkname
    inside = posixpath.normpath(posixpath.join(posixpath.dirname(member.name) if member.issym() else "", target))
    if posixpath.isabs(target) or inside == ".." or inside.startswith("../"):
        return f"{member.name}:1: {outside_repository(target)}"
    return ""


def _commit_time(repo: Path, commit: str) -> str | None:
    try:
        return git(repo, "log", "-1", "--format=%ct", commit) or None
    except BuildError:  # a repository without commits yet
        return None


def _mkdocs_build(tree: Path, site_dir: Path, source_date_epoch: str | None, label: str) -> dict[str, list[str]] | None:
    """Build `tree` into `site_dir`; what each page wrote as HTML, as the build listed it (explainer.pagehtml)."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}  # annotate the PR once
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SOURCE_DATE_EPOCH", None)
    if source_date_epoch:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    with tempfile.TemporaryDirectory(prefix="reader-diff-html-") as scratch:
        listing = Path(scratch) / "written.json"
        env[WRITTEN_HTML_FILE] = str(listing)
        result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            output = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("INFO"))
            raise BuildError(f"building {label} failed (mkdocs build --strict):\n{output.strip()}")
        # A revision made before the build listed what pages write: not known (the report says so), never "none".
        return json.loads(listing.read_text(encoding="utf-8")) if listing.is_file() else None

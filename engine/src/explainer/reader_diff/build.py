"""Build one revision of the site (a commit, or the working tree) into a directory.

A commit is exported with `git archive` into a temporary directory (no worktree is registered,
so nothing is left behind if the build is interrupted) and built there with this environment's
MkDocs, `--strict`, dated by its commit like `make build` (SOURCE_DATE_EPOCH). Both sides of a
diff are built with the same installed packages: the pinned ones of the current checkout.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path


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


def build_revision(repo: Path, revision: str | None, site_dir: Path) -> None:
    """Build commit `revision` of `repo` (None: the working tree as it is) into `site_dir`."""
    if revision is None:
        head = _commit_time(repo, "HEAD")
        _mkdocs_build(repo, site_dir, head, "the working tree")
        return
    commit = resolve(repo, revision)
    with tempfile.TemporaryDirectory(prefix="reader-diff-") as scratch:
        tree = Path(scratch)
        _export(repo, commit, tree)
        _mkdocs_build(tree, site_dir, _commit_time(repo, commit), f"{revision} ({commit[:7]})")


def _export(repo: Path, commit: str, tree: Path) -> None:
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=repo, capture_output=True, check=False)
    if archive.returncode != 0:
        raise BuildError(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout), mode="r:") as tar:
        tar.extractall(tree, filter="data")


def _commit_time(repo: Path, commit: str) -> str | None:
    try:
        return git(repo, "log", "-1", "--format=%ct", commit) or None
    except BuildError:  # a repository without commits yet
        return None


def _mkdocs_build(tree: Path, site_dir: Path, source_date_epoch: str | None, label: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}  # annotate the PR once
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SOURCE_DATE_EPOCH", None)
    if source_date_epoch:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("INFO"))
        raise BuildError(f"building {label} failed (mkdocs build --strict):\n{output.strip()}")

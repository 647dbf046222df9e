"""Build one revision of the site (a commit, or the working tree) into a directory.

A commit is exported with `git archive` into a temporary directory (no worktree is registered,
so nothing is left behind if the build is interrupted) and built there with this environment's
MkDocs, `--strict`, dated by its commit like `make build` (SOURCE_DATE_EPOCH). Both sides of a
diff are built with the same installed packages: the pinned ones of the current checkout.

A commit's symlinks are read as the build reads them (explainer.repository): one that leads
outside the exported tree (`docs/assets/env.txt -> /proc/self/environ`) is refused with one
`file:1: ...` line, before anything is extracted; the build itself then checks the rest. While
the tree exists, the raw HTML and attribute lists each page writes are listed
(explainer.pagehtml.written_html), for the report's section for reviewers.

Code a machine made (a `__pycache__/*.pyc`, which Python runs in place of the source beside it, a
`*.so`, a `.venv/` or `node_modules/` file) is refused the same way, as the site's Makefile refuses
it in a checkout before make runs anything (SECURITY.md): a commit is built without that check.
"""

from __future__ import annotations

import io
import os
import posixpath
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

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


def build_revision(repo: Path, revision: str | None, site_dir: Path) -> dict[str, list[str]]:
    """Build commit `revision` of `repo` (None: the working tree as it is) into `site_dir`.

    Returns the raw HTML and attribute lists each page writes, by its path in docs/.
    """
    if revision is None:
        head = _commit_time(repo, "HEAD")
        _mkdocs_build(repo, site_dir, head, "the working tree")
        return written_inventory(repo)
    commit = resolve(repo, revision)
    label = f"{revision} ({commit[:7]})"
    with tempfile.TemporaryDirectory(prefix="reader-diff-") as scratch:
        tree = Path(scratch)
        _export(repo, commit, tree, label)
        _mkdocs_build(tree, site_dir, _commit_time(repo, commit), label)
        return written_inventory(tree)


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


def written_inventory(tree: Path) -> dict[str, list[str]]:
    """The raw HTML and attribute lists of each page under `tree` (a site that built), by its path in docs/.

    The core imports no MkDocs: mkdocs.yml is read as the data files are (explainer.yamlfile) for where
    the pages are and the site's Markdown set-up, and the pages are listed as MkDocs lists them by
    default (hidden files and a top-level templates/ folder left out), each without its YAML front matter.
    """
    from explainer.errors import DataError
    from explainer.frontmatter import without_yaml_front_matter
    from explainer.pagehtml import written_html
    from explainer.yamlfile import parse_config_file

    try:
        settings = parse_config_file((tree / "mkdocs.yml").read_bytes(), "mkdocs.yml").data
    except (DataError, OSError):  # a site that built has a readable mkdocs.yml; without one, nothing to list
        return {}
    if not isinstance(settings, dict):
        return {}
    docs = str(settings.get("docs_dir") or "docs")
    docs_dir = tree / docs
    setup = _markdown_setup(settings.get("markdown_extensions"))
    inventory = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in src_uri.split("/")) or src_uri.startswith("templates/"):
            continue  # MkDocs' default exclude_docs: not in the site
        body = without_yaml_front_matter(path.read_text(encoding="utf-8"))
        if found := written_html(body, setup):
            inventory[f"{Path(docs).as_posix()}/{src_uri}"] = found
    return inventory


# The extensions MkDocs gives every site before those of `markdown_extensions` (its config default).
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


def _markdown_setup(extensions: object):
    """The Markdown set-up MkDocs makes of `markdown_extensions`: its own first, each name once."""
    from explainer.markup import MarkdownSetup

    names: list[str] = []
    configs: dict[str, dict] = {}
    for item in [*MKDOCS_EXTENSIONS, *(extensions if isinstance(extensions, list) else [])]:
        if isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            configs[name] = dict(options or {})
        else:
            name = item
        if isinstance(name, str) and name not in names:
            names.append(name)
    return MarkdownSetup(names, configs)


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

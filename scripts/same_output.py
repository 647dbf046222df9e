"""Prove that a change left the built site as it was: `python scripts/same_output.py BASE_REV [--scale F]`.

Builds two checkouts, BASE_REV (in a temporary detached `git worktree`) and this working tree
(uncommitted changes included), each twice: the real site (its own mkdocs.yml, docs/ and data/),
and the synthetic corpus of bench/corpus.py at `--scale` times its base size (written once, by
this tree's corpus.py, then built with each checkout's hooks, templates and assets). Every build
runs in its own `mkdocs build` process with the same SOURCE_DATE_EPOCH. The outputs are compared
file by file; every file that differs, or exists on one side only, is listed. Exit status 1 if
any file differs, 0 if every output is byte-identical.

`make same-output BASE=main` runs it with the project's environment.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import corpus  # noqa: E402 - bench/ is not a package

EPOCH = "1741046400"  # any fixed time: both sides date their sitemap by it
DEFAULT_SCALE = 0.25  # 75 story pages, 500 terms: builds in a few seconds and has every kind of content


@dataclass(frozen=True)
class Difference:
    """One file that is not the same on both sides: 'differs', 'only in base' or 'only in working tree'."""

    kind: str
    path: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}"


def compare_outputs(base: Path, work: Path) -> list[Difference]:
    """Every file under `base` and `work` whose bytes differ or that exists on one side only, sorted by path."""
    found: list[Difference] = []
    _compare(filecmp.dircmp(base, work, ignore=[]), Path(), found)
    return sorted(found, key=lambda difference: (difference.path, difference.kind))


def _compare(listing: filecmp.dircmp, under: Path, found: list[Difference]) -> None:
    for name in listing.left_only:
        found += [Difference("only in base", str(under / path)) for path in _files(Path(listing.left), name)]
    for name in listing.right_only:
        found += [Difference("only in working tree", str(under / path)) for path in _files(Path(listing.right), name)]
    for name in listing.common_files:
        if not filecmp.cmp(Path(listing.left) / name, Path(listing.right) / name, shallow=False):
            found.append(Difference("differs", str(under / name)))
    for name in listing.common_funny:
        found.append(Difference("differs", str(under / name)))  # a file on one side, a directory on the other
    for name, subdirectory in sorted(listing.subdirs.items()):
        _compare(subdirectory, under / name, found)


def _files(root: Path, name: str) -> list[Path]:
    """`name` under `root` if it is a file, else every file below it, as paths relative to `root`."""
    path = root / name
    if not path.is_dir():
        return [Path(name)]
    return sorted(child.relative_to(root) for child in path.rglob("*") if not child.is_dir())


def first_difference(base: Path, work: Path, context: int = 120) -> str:
    """Where two versions of one file first differ (gzip opened), with some text around it on each side."""
    before, after = base.read_bytes(), work.read_bytes()
    if base.suffix == ".gz":
        before, after = gzip.decompress(before), gzip.decompress(after)
    old, new = before.decode("utf-8", "replace"), after.decode("utf-8", "replace")
    at = next((index for index, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    line, column = old.count("\n", 0, at) + 1, at - (old.rfind("\n", 0, at) + 1) + 1
    start = max(0, at - context)
    return (
        f"    first difference at line {line}, column {column}:\n"
        f"    base:         …{old[start : at + context]!r}\n"
        f"    working tree: …{new[start : at + context]!r}"
    )


# Building ---------------------------------------------------------------------------------------


def start_build(config: Path, site_dir: Path, checkout: Path) -> subprocess.Popen:
    """`mkdocs build` of `config` into `site_dir` with `checkout`'s engine, in a process of its own (started,
    not awaited). The environment's engine is this working tree's (installed editable), so the other side's
    engine/src goes first on the path; a checkout from before engine/ has its engine in hooks/, which MkDocs
    puts first on the path itself."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    if (checkout / "engine" / "src").is_dir():
        environment["PYTHONPATH"] = str(checkout / "engine" / "src")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site_dir)]
    return subprocess.Popen(command, cwd=config.parent, env=environment, stderr=subprocess.PIPE, text=True)


def build_both(base_config: Path, work_config: Path, out: Path, checkouts: tuple[Path, Path]) -> tuple[Path, Path]:
    """Build both configurations side by side (two processes), each with its checkout's engine; stop if either
    fails."""
    sites = out / "base", out / "work"
    builds = [
        start_build(config, site, checkout)
        for config, site, checkout in zip((base_config, work_config), sites, checkouts, strict=True)
    ]
    for build, config in zip(builds, (base_config, work_config), strict=True):
        _, errors = build.communicate()
        if build.returncode:
            raise SystemExit(f"same_output: building {config} failed:\n{errors[-3000:]}")
    return sites


def synthetic_project(project: Path, written: Path, checkout: Path) -> Path:
    """The corpus in `written`, configured to build with `checkout`'s hooks, templates and assets."""
    shutil.copytree(written, project)
    shutil.rmtree(project / "docs" / "assets", ignore_errors=True)
    if (checkout / "docs" / "assets").is_dir():  # before engine/, the site's CSS and JavaScript were its own
        shutil.copytree(checkout / "docs" / "assets", project / "docs" / "assets")
    corpus.write_config(project, nav=corpus.SYNTHETIC_NAV, repo=checkout)
    return project


def detached_worktree(revision: str, path: Path) -> Path:
    """A checkout of `revision` at `path` that shares this repository's objects (removed by `remove_worktree`)."""
    subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(path), revision], cwd=REPO, check=True)
    return path


def remove_worktree(path: Path) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=REPO, check=False)


# Main -------------------------------------------------------------------------------------------


def report(name: str, base: Path, work: Path, show: int) -> bool:
    """Print what differs between the two outputs of one site; True if they are identical."""
    differences = compare_outputs(base, work)
    files = sum(1 for path in work.rglob("*") if path.is_file())
    if not differences:
        print(f"{name}: {files} files, byte-identical")  # noqa: T201 - a command-line tool
        return True
    print(f"{name}: {len(differences)} of {files} files differ")  # noqa: T201
    for position, difference in enumerate(differences):
        print(f"  {difference}")  # noqa: T201
        if difference.kind == "differs" and position < show:
            print(first_difference(base / difference.path, work / difference.path))  # noqa: T201
    return False


def main() -> int:
    options = _arguments()
    scratch = Path(tempfile.mkdtemp(prefix="same-output-"))
    base_tree = detached_worktree(options.base, scratch / "base-checkout")
    try:
        revision = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=base_tree, capture_output=True, text=True
        ).stdout.strip()
        print(f"base {options.base} ({revision}) against the working tree {REPO}")  # noqa: T201
        real = build_both(base_tree / "mkdocs.yml", REPO / "mkdocs.yml", scratch / "real", (base_tree, REPO))
        same = report("real site", *real, options.show)
        scale = corpus.BASE.times(options.scale)
        written = corpus.write_corpus(scratch / "corpus", scale)
        configs = [synthetic_project(scratch / f"synthetic-{side}", written, tree) for side, tree in
                   (("base", base_tree), ("work", REPO))]  # fmt: skip
        sites = build_both(
            configs[0] / "mkdocs.yml", configs[1] / "mkdocs.yml", scratch / "synthetic", (base_tree, REPO)
        )
        same = report(f"synthetic {options.scale}× ({scale})", *sites, options.show) and same
    finally:
        remove_worktree(base_tree)
        if options.keep:
            print(f"outputs kept in {scratch}")  # noqa: T201
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print("same output" if same else "OUTPUT DIFFERS")  # noqa: T201
    return 0 if same else 1


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the revision to compare with, e.g. main or a commit")
    parser.add_argument("--scale", type=float, default=DEFAULT_SCALE, help="size of the synthetic corpus (1 = bench)")
    parser.add_argument("--show", type=int, default=5, help="print the start of the diff of this many files")
    parser.add_argument("--keep", action="store_true", help="keep the built outputs (their path is printed)")
    return parser.parse_args()


if __name__ == "__main__":
    raise SystemExit(main())

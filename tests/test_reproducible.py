"""Reproducible builds: two builds of the same sources are byte-identical, file by file.

Each build runs `mkdocs build` in its own process (so Python's per-process hash seed differs
and any set-ordering dependence shows up) into its own directory, with SOURCE_DATE_EPOCH set.
"""

from __future__ import annotations

import difflib
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, write_project

EPOCH = "1741046400"  # 4 March 2025, the week of the report


def build_in_subprocess(project: Path, site_dir: Path, hash_seed: str) -> None:
    """Needs whole builds in processes of their own (different hash seeds): reproducibility is of the build."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def files_of(site_dir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site_dir)): path.read_bytes() for path in site_dir.rglob("*") if path.is_file()}


def first_difference(name: str, first: bytes, second: bytes) -> str:
    """A readable hint at what differs, for the failure message."""
    if name.endswith(".gz"):
        first, second = gzip.decompress(first), gzip.decompress(second)
        if first == second:
            return f"{name}: same content, different gzip header (mtime?)"
    lines = difflib.unified_diff(
        first.decode("utf-8", "replace").splitlines(), second.decode("utf-8", "replace").splitlines(), lineterm=""
    )
    return f"{name}:\n" + "\n".join(list(lines)[:12])


def assert_identical_builds(project: Path, tmp_path: Path) -> None:
    build_in_subprocess(project, tmp_path / "first", hash_seed="1")
    build_in_subprocess(project, tmp_path / "second", hash_seed="2")
    first, second = files_of(tmp_path / "first"), files_of(tmp_path / "second")
    assert sorted(first) == sorted(second)
    differences = [first_difference(name, first[name], second[name]) for name in first if first[name] != second[name]]
    assert not differences, "\n\n".join(differences)
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)


def test_fixture_site_builds_are_byte_identical(tmp_path: Path):
    assert_identical_builds(write_project(tmp_path / "project"), tmp_path)


def snapshot_of_repository(target: Path) -> Path:
    """A copy of what the real site is built from, so both builds see the very same files."""
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("docs", "data", "hooks", "engine"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_real_site_builds_are_byte_identical(tmp_path: Path):
    assert_identical_builds(snapshot_of_repository(tmp_path / "project"), tmp_path)

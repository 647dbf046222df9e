"""Reproducible builds: two builds of the same sources are byte-identical, file by file.

Each site's first build is the session's (`fixture_build`, `real_build`: made in a test process, whose hash seed
is random), its second `mkdocs build --strict` in a process of its own with a fixed hash seed (so any set-ordering
dependence shows up), into its own directory, dated as the first was: by SOURCE_DATE_EPOCH when the run has one
(`make test` sets it), else by the date the first build wrote in its sitemap.
"""

from __future__ import annotations

import difflib
import gzip
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

from conftest import REPO, BuiltSite, write_project

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CHECKED_DATA = ".cache/explainer/checked-data.json"  # where the engine kept its record of checked data until issue 21


def build_date_of(site_dir: Path) -> str:
    """SOURCE_DATE_EPOCH for a build dated as the build in `site_dir` was: the run's own, else midnight (UTC) of
    the date its sitemap gives every page (MkDocs dates pages by the day of the build)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    sitemap = ElementTree.parse(site_dir / "sitemap.xml")
    (day,) = {element.text for element in sitemap.iter(f"{SITEMAP}lastmod")}
    return str(int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()))


def build_in_subprocess(project: Path, site_dir: Path, source_date_epoch: str) -> None:
    """Needs a whole build in a process of its own (a hash seed other than the test process's): reproducibility is
    of the build."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"  # the test process's is random, or set
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch, "PYTHONHASHSEED": seed, "NO_MKDOCS_2_WARNING": "1"}
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


def assert_identical_builds(built: BuiltSite, project: Path, tmp_path: Path) -> None:
    """`built` (the session's build of `project`) and a build of `project` in a process of its own, file by file."""
    build_in_subprocess(project, tmp_path / "second", build_date_of(built.site_dir))
    first, second = files_of(built.site_dir), files_of(tmp_path / "second")
    assert sorted(first) == sorted(second)
    differences = [first_difference(name, first[name], second[name]) for name in first if first[name] != second[name]]
    assert not differences, "\n\n".join(differences)
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)


def test_fixture_site_builds_are_byte_identical(fixture_build: BuiltSite, tmp_path: Path):
    """Issue 21 too: the second build's project holds a record of checked data that is not even JSON, where the engine
    kept one and read it in the build's on_config (a forged one committed and cloned: tests/test_hostile_inputs.py).
    Nothing reads it now: the site is the same, byte for byte."""
    project = write_project(tmp_path / "project")
    (project / CHECKED_DATA).parent.mkdir(parents=True)
    (project / CHECKED_DATA).write_bytes(b"\xff\xfe not JSON")
    assert_identical_builds(fixture_build, project, tmp_path)


def test_real_site_builds_are_byte_identical(real_build: BuiltSite, tmp_path: Path):
    """The real site's second build reads the checkout, as its first did (into a folder of the test's)."""
    assert_identical_builds(real_build, REPO, tmp_path)

"""README.md and MAINTAINERS.md stay true: the files they name exist, and every make target is documented.

(CONTRIBUTING.md's examples and messages are checked by tests/test_contributing.py.)
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
MAINTAINERS = (REPO / "MAINTAINERS.md").read_text(encoding="utf-8")
SKIPPED = ("/usr/", "/alibaba-turnaround/", ".venv/", ".cache/", "site/")  # not in a fresh clone, or not files


def readme_map() -> list[str]:
    """The paths in README's map of where things are; an indented line is inside the line above it."""
    block = README.split("## Where things are", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    paths, folders = [], []  # folders: the folder of each indentation level above this line
    for line in block.splitlines():
        level = (len(line) - len(line.lstrip())) // 2
        names = re.split(r",\s*", line.strip().split("  ", 1)[0])
        del folders[level:]
        paths += ["".join(folders) + name for name in names]
        folders.append(names[0])
    return paths


@pytest.mark.parametrize("path", readme_map())
def test_every_path_readmes_map_names_exists(path: str) -> None:
    assert list(REPO.glob(path)), f"README.md's map names {path}, which does not exist"


def test_readmes_map_leads_to_where_glossary_matching_happens() -> None:
    assert "engine/src/explainer/glossary/matching.py" in readme_map()


def test_every_path_maintainers_names_exists() -> None:
    paths = {token for token in re.findall(r"`([^`\s]+/[^`\s]*)`", MAINTAINERS) if not token.startswith(SKIPPED)}
    assert len(paths) >= 20
    missing = sorted(path for path in paths if not list(REPO.glob(path)))
    assert not missing, f"MAINTAINERS.md names files that do not exist: {missing}"


def test_every_make_target_is_in_maintainers_table() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = {target for line in re.findall(r"^\.PHONY:(.*)$", makefile, re.MULTILINE) for target in line.split()}
    documented = set(re.findall(r"^\| `make ([\w-]+)", MAINTAINERS, re.MULTILINE))
    assert targets == documented


def test_readme_points_on_to_every_document_for_a_reader() -> None:
    for document in ("CONTRIBUTING.md", "MAINTAINERS.md", "SECURITY.md", "BENCHMARKS.md", "AUDIT.md"):
        assert f"]({document})" in README, document
        assert (REPO / document).is_file()

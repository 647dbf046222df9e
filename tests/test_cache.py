"""Issue 21: no file a contributor can edit or commit stands in for a check. The build keeps nothing it
checked on disk (no .cache/explainer/), so a forged cache of "checked" data changes nothing: every build
reads and checks the data files themselves. The builds that show it are in tests/test_hostile_inputs.py (a forged
record committed and cloned, two builds in one process) and tests/test_reproducible.py (a junk record beside the
fixture's second build); here, the data layer."""

from __future__ import annotations

import json
from pathlib import Path

from catalogue import MISTAKES
from conftest import BuiltSite
from layers import data_problems

HOSTILE_HTML = "<details open ontoggle=alert(1)><summary>x</summary></details>"
FORGED = ".cache/explainer/checked-data.json"


def forge_cache(project: Path) -> None:
    """A cache as the old build wrote it (fingerprint, files as parsed, stored HTML), made hostile, as if committed."""
    entry = {"id": "pboc", "term": "PBOC", "category": "organization", "short": "S.", "long": HOSTILE_HTML}
    forged = {
        "fingerprint": "0" * 64,
        "documents": {
            "data/glossary.yml": {"data": [entry], "lines": [], "rendered": [[[0, "long"], HOSTILE_HTML, []]]}
        },
    }
    (project / FORGED).parent.mkdir(parents=True)
    (project / FORGED).write_text(json.dumps(forged), encoding="utf-8")


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_hostile_value_is_refused_by_the_normal_check_whatever_the_cache_says(fixture_project: Path):
    """The data layer (the build's on_config calls it, and nothing else reads data) refuses it, cache or none."""
    forge_cache(fixture_project)
    mistake = MISTAKES["details-ontoggle-in-glossary-explanation"]
    assert data_problems(fixture_project) == []  # the positive control: the forged cache alone is no problem
    assert data_problems(mistake.make(fixture_project)) == [mistake.message]


def test_a_build_writes_nothing_beside_the_site(fixture_build: BuiltSite):
    project = fixture_build.site_dir.parent
    assert (project / "mkdocs.yml").is_file() and fixture_build.pages()  # the positive control: it built here
    assert not (project / ".cache" / "explainer").exists()

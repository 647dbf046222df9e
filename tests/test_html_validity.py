"""The engine's list of known theme errors is right: each is Material's own, and explained.

That no page has an HTML error of its own, and no event handler, foreign scheme or style
attribute, is a generic check every explainer runs (explainer_checks.site, through
tests/test_explainer_checks.py). The errors the Nu HTML Checker does find come from Material's
templates; explainer_checks.html lists and explains each, and a bare Material build of the same
pages shows them too, so none is ours.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import REPO, BuiltSite, build_config, real_config
from htmlcheck import KNOWN_THEME_ERRORS, VnuError, java_and_vnu, vnu_errors

pytestmark = pytest.mark.slow


def pages_of(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


@pytest.fixture(scope="module")
def checked(real_build: BuiltSite, bare_material_site: Path) -> dict[Path, list[VnuError]]:
    """The Nu HTML Checker's errors in the real site (the session's build) and in Material's own build of its
    pages, by site folder: one run of the checker over both (its Java start-up is most of its time)."""
    sites = [real_build.site_dir, bare_material_site]
    root = Path(os.path.commonpath(sites))
    found = vnu_errors([page for site in sites for page in pages_of(site)], root)
    by_site: dict[Path, list[VnuError]] = {site: [] for site in sites}
    for error in found:
        site = next(site for site in sites if (root / error.file).is_relative_to(site))
        by_site[site].append(replace(error, file=(root / error.file).relative_to(site).as_posix()))
    return by_site


@pytest.fixture(scope="module")
def real_errors(checked: dict[Path, list[VnuError]], real_build: BuiltSite) -> list[VnuError]:
    return checked[real_build.site_dir]


@pytest.fixture(scope="module")
def bare_material_errors(checked: dict[Path, list[VnuError]], bare_material_site: Path) -> list[VnuError]:
    return checked[bare_material_site]


@pytest.fixture(scope="module")
def bare_material_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Needs a build: Material alone, for the errors that are the theme's. The same pages built by Material alone: no
    hooks, no overrides, no stylesheet or script of ours.
    """
    java_and_vnu()
    project = tmp_path_factory.mktemp("bare") / "project"
    (project / "docs").mkdir(parents=True)
    for page in (REPO / "docs").rglob("*.md"):
        target = project / "docs" / page.relative_to(REPO / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
    config = real_config()
    for key in ("hooks", "extra_css", "extra_javascript", "watch", "nav"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    quiet = {"not_found": "info", "anchors": "info", "unrecognized_links": "info", "absolute_links": "info"}
    config["validation"] = {"nav": {"omitted_files": "info", "not_found": "info"}, "links": quiet}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    built = build_config(project / "mkdocs.yml", project / "site", strict=False)
    assert built.ok, built.messages
    return built.site_dir


def test_each_known_error_is_materials(real_errors: list[VnuError], bare_material_errors: list[VnuError]):
    """On every page both builds have, the theme's errors are the same, kind for kind; none is ours."""
    bare_pages = {error.file for error in bare_material_errors}
    for known in KNOWN_THEME_ERRORS:
        ours = sorted((error.file, error.message) for error in real_errors if error.known == known)
        bare = sorted((error.file, error.message) for error in bare_material_errors if error.known == known)
        assert bare, f"{known.name} no longer occurs in Material's own pages: remove it from the list"
        assert [error for error in ours if error[0] in bare_pages] == bare


def test_each_known_error_is_explained():
    assert len({known.name for known in KNOWN_THEME_ERRORS}) == len(KNOWN_THEME_ERRORS)
    assert all(len(known.why) > 60 for known in KNOWN_THEME_ERRORS)

"""The site's one hook file brings every handler of the engine; a site's own hooks may stand before or after it."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import yaml
from conftest import REPO, BuiltSite, build_project, write_project

import explainer_mkdocs.hooks

# Hooks of the site's own, one before the engine's and one after: each adds a line to a page of its own, and
# must not change what the engine does.
SITE_HOOK = """
def on_page_markdown(markdown, *, page, config, files):
    return markdown + "\\n\\nA line from a hook of the site.\\n" if page.file.src_uri == "{page}" else markdown
"""
HOOK_PAGES = {"first": "ties.md", "last": "corrected.md"}


def pages_listed(sitemap: bytes) -> list[str | None]:
    return [
        loc.text for loc in ElementTree.fromstring(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_real_configuration_lists_the_one_hook_file_of_the_engine():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] == ["hooks/explainer_hooks.py"]
    code = (REPO / "hooks" / "explainer_hooks.py").read_text(encoding="utf-8")
    assert "from explainer_mkdocs.hooks import *" in code
    assert len([line for line in code.splitlines() if line and not line.startswith(("#", '"""'))]) == 1


def test_the_hook_module_exports_every_handler_it_defines():
    handlers = {name for name in dir(explainer_mkdocs.hooks) if name.startswith("on_")}
    assert set(explainer_mkdocs.hooks.__all__) == handlers


def test_site_hooks_before_and_after_the_engine_change_only_what_they_add(tmp_path: Path, fixture_build: BuiltSite):
    """Needs a build: the order MkDocs runs the hooks in. One build holds both: a hook listed before the engine's
    and one after, each adding a line to its own page."""
    project = write_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    hooks = {}
    for position, page in HOOK_PAGES.items():
        hooks[position] = project / f"site_hook_{position}.py"
        hooks[position].write_text(SITE_HOOK.format(page=page), encoding="utf-8")
    config["hooks"] = [str(hooks["first"]), *config["hooks"], str(hooks["last"])]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    built = build_project(project)
    assert built.ok, built.messages
    expected, got = files_of(fixture_build.site_dir), files_of(built.site_dir)
    assert sorted(got) == sorted(expected)
    changed = {name for name in expected if got[name] != expected[name]}
    for page in HOOK_PAGES.values():
        assert "A line from a hook of the site." in got[f"{page.removesuffix('.md')}/index.html"].decode()
    if "sitemap.xml" in changed:  # MkDocs dates it with the day of the build, and midnight may fall between the two
        assert pages_listed(got["sitemap.xml"]) == pages_listed(expected["sitemap.xml"])
        changed -= {"sitemap.xml", "sitemap.xml.gz"}
    assert changed <= {"ties/index.html", "corrected/index.html", "search/search_index.json"}

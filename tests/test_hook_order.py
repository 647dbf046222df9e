"""The site's one hook file brings every handler of the engine; a site's own hooks may stand before or after it."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import REPO, write_project
from layers import site_pages

import explainer_mkdocs.hooks

# Hooks of the site's own, one before the engine's and one after: each adds a line to a page of its own, and
# must not change what the engine does.
SITE_HOOK = """
def on_page_markdown(markdown, *, page, config, files):
    return markdown + "\\n\\nA line from a hook of the site.\\n" if page.file.src_uri == "{page}" else markdown
"""
HOOK_PAGES = {"first": "ties.md", "last": "corrected.md"}
HOOK_LINE = "<p>A line from a hook of the site.</p>\n"


def test_the_real_configuration_lists_the_one_hook_file_of_the_engine():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["hooks"] == ["hooks/explainer_hooks.py"]
    code = (REPO / "hooks" / "explainer_hooks.py").read_text(encoding="utf-8")
    assert "from explainer_mkdocs.hooks import *" in code
    assert len([line for line in code.splitlines() if line and not line.startswith(("#", '"""'))]) == 1


def test_the_hook_module_exports_every_handler_it_defines():
    handlers = {name for name in dir(explainer_mkdocs.hooks) if name.startswith("on_")}
    assert set(explainer_mkdocs.hooks.__all__) == handlers


def test_site_hooks_before_and_after_the_engine_change_only_what_they_add(tmp_path: Path, fixture_project: Path):
    """The order MkDocs runs the hooks in, seen in every page as the build converts it (layers.site_pages: MkDocs'
    plugin events in the build's order, the generated pages last): a hook listed before the engine's and one after,
    each adding a line to its own page, change those two pages only, each by its line, and no generated page (their
    backlinks); no problem, as without them (the positive control: the fixture itself, converted the same way). The
    site's hooks act on the Markdown only: what the theme and the engine's on_env write from the pages is the build's
    (tests/test_reproducible.py, the generic checks)."""
    project = write_project(tmp_path / "hooked")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    hooks = {}
    for position, page in HOOK_PAGES.items():
        hooks[position] = project / f"site_hook_{position}.py"
        hooks[position].write_text(SITE_HOOK.format(page=page), encoding="utf-8")
    config["hooks"] = [str(hooks["first"]), *config["hooks"], str(hooks["last"])]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    expected, got = site_pages(fixture_project), site_pages(project)
    assert expected.found == got.found == [] and expected.stopped == got.stopped == ""
    assert list(got.pages) == list(expected.pages)
    changed = {page for page in expected.pages if got.pages[page].content != expected.pages[page].content}
    assert changed == set(HOOK_PAGES.values())
    for page in HOOK_PAGES.values():  # the hook's line, once, before the page's notes; nothing else changed
        assert got.pages[page].content.count(HOOK_LINE) == 1
        assert got.pages[page].content.replace(HOOK_LINE, "", 1) == expected.pages[page].content

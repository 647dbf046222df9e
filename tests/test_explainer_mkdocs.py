"""The MkDocs layer (explainer_mkdocs): every private MkDocs attribute and every message of MkDocs it
relies on is checked here, so a MkDocs upgrade that changes one fails a test instead of silently
breaking `mkdocs serve` or a check."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import warnings
from pathlib import Path

import mkdocs.__main__ as mkdocs_command
import pytest
from catalogue import TWO_ERRORS_SUMMARY
from conftest import ENGINE
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import DuplicateFilter

from explainer.errors import Problem
from explainer_checks.build import BuiltSite
from explainer_mkdocs import reloading, reporting, unindexed


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_mkdocs_build_logger_drops_repeats_through_a_msgs_set(monkeypatch: pytest.MonkeyPatch):
    """Private: the `mkdocs` command puts a mkdocs.utils.DuplicateFilter, which remembers every message
    in its `msgs` set, on the 'mkdocs.commands.build' logger (mkdocs.__main__._enable_warnings)."""
    logger = logging.getLogger(reporting.BUILD_LOGGER)
    monkeypatch.setattr(sys, "warnoptions", [])
    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    monkeypatch.setattr(logger, "filters", [])
    with warnings.catch_warnings():
        mkdocs_command._enable_warnings()
    duplicate_filters = [f for f in logger.filters if isinstance(f, DuplicateFilter)]
    assert len(duplicate_filters) == 1
    assert isinstance(duplicate_filters[0].msgs, set)


def test_a_repeated_stop_is_logged_again(monkeypatch: pytest.MonkeyPatch):
    logger = logging.getLogger(reporting.BUILD_LOGGER)
    monkeypatch.setattr(logger, "filters", [DuplicateFilter()])
    collect = _Collect()
    logger.addHandler(collect)
    try:
        for _ in range(2):
            reporting.let_mkdocs_log_again("docs/x.md:1: the same mistake")
            logger.error("docs/x.md:1: the same mistake")
    finally:
        logger.removeHandler(collect)
    assert collect.messages == ["docs/x.md:1: the same mistake"] * 2


def test_stop_with_logs_every_problem_in_file_order_and_stops_with_the_summary(caplog: pytest.LogCaptureFixture):
    problems = [Problem("data/b.yml", 2, "second"), Problem("data/a.yml", 1, "first")]
    summary = f"^{re.escape(TWO_ERRORS_SUMMARY)}$"
    with pytest.raises(PluginError, match=summary), caplog.at_level(logging.ERROR):
        reporting.stop_with(problems)
    assert [record.getMessage() for record in caplog.records][:2] == ["data/a.yml:1: first", "data/b.yml:2: second"]


def test_hook_modules_are_cached_by_a_clearable_lru_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Private: config_options.Hooks._load_hook, an lru_cache that keeps hook modules for the process's life."""
    # No .pyc: rewritten within the same second at the same size, the file would be read from the first
    # one's (Python checks a .pyc by the source's mtime in whole seconds and its size), where Python
    # writes them (it failed so on every machine without PYTHONDONTWRITEBYTECODE).
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    hook = tmp_path / "a_hook.py"
    hook.write_text("VALUE = 1\n", encoding="utf-8")
    option = config_options.Hooks("plugins")
    first = option._load_hook("a_hook.py", str(hook))
    assert option._load_hook("a_hook.py", str(hook)) is first
    hook.write_text("VALUE = 2\n", encoding="utf-8")
    config_options.Hooks._load_hook.cache_clear()
    assert option._load_hook("a_hook.py", str(hook)).VALUE == 2
    sys.modules.pop("a_hook.py", None)


def test_only_serve_takes_the_fingerprint_of_the_engine_code(monkeypatch: pytest.MonkeyPatch):
    """A build never walks the engine's files (speed): the fingerprint is taken where serve compares it, on
    a reload when the module loads, and on serve's first load when on_startup asks for reloading."""
    import importlib

    monkeypatch.setattr(reloading, "_LOADED", reloading._LOADED)  # restored afterwards
    try:
        monkeypatch.delenv("EXPLAINER_RELOAD_HOOKS", raising=False)
        importlib.reload(reloading)
        assert reloading._LOADED is None  # `mkdocs build`
        reloading.reload_hooks_on_every_rebuild()  # serve's on_startup, after its first load
        assert reloading._LOADED == reloading.code_fingerprint() != ()
        monkeypatch.setattr(reloading, "_LOADED", ())
        reloading.reload_hooks_on_every_rebuild()
        assert reloading._LOADED == ()  # taken once: a later call keeps the code as first loaded
        importlib.reload(reloading)  # serve's reload of changed code: the flag is set
        assert reloading.code_fingerprint() == reloading._LOADED
    finally:
        os.environ.pop("EXPLAINER_RELOAD_HOOKS", None)


def test_forgetting_hooks_drops_our_packages_only_when_serve_asked_and_the_code_changed(
    monkeypatch: pytest.MonkeyPatch,
):
    import explainer.pages
    import explainer.serving  # kept across reloads: it holds the last good data

    ours = ("explainer", "explainer_mkdocs")
    saved = {name: module for name, module in sys.modules.items() if name.split(".")[0] in ours}
    monkeypatch.delenv("EXPLAINER_RELOAD_HOOKS", raising=False)
    monkeypatch.setattr(reloading, "_LOADED", ())  # as if every file had changed since loading
    reloading.forget_loaded_hooks()
    assert "explainer.pages" in sys.modules  # not asked for: `mkdocs build`
    try:
        reloading.reload_hooks_on_every_rebuild()
        monkeypatch.setattr(reloading, "_LOADED", reloading.code_fingerprint())
        reloading.forget_loaded_hooks()
        assert "explainer.pages" in sys.modules  # asked for, but nothing changed: keep modules and their caches
        monkeypatch.setattr(reloading, "_LOADED", ())
        reloading.forget_loaded_hooks()
        kept = [name for name in sys.modules if name.split(".")[0] in ours]
        assert kept == ["explainer.serving"]  # it holds the last good data (KEEP_ACROSS_RELOADS)
    finally:
        os.environ.pop("EXPLAINER_RELOAD_HOOKS", None)
        sys.modules.update(saved)
    assert explainer.pages.__name__ == "explainer.pages"


def test_the_package_docstring_lists_every_module():
    package = ENGINE / "explainer_mkdocs"
    doc = (package / "__init__.py").read_text(encoding="utf-8")
    modules = sorted(path.name for path in package.glob("*.py") if path.name != "__init__.py")
    assert [name for name in modules if f"`{name}`" not in doc] == []


# MkDocs' link and nav warnings, as MkDocs 1.6 words them, each taken as a problem at its line -----------


@pytest.mark.parametrize(
    ("warning", "expected"),
    [
        (
            "Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files.",
            "docs/a.md:3: link 'b.md' leads to no file: there is no docs/b.md",
        ),
        (
            "Doc file 'x/a.md' contains a link '../c.md#top', but the target 'c.md' is not found among documentation "
            "files. Did you mean 'd.md'?",
            "docs/x/a.md:1: link '../c.md#top' leads to no file: there is no docs/c.md (did you mean 'd.md'?)",
        ),
        (
            "Doc file 'a.md' contains an absolute link '/b.md', it was left as is. Did you mean 'b.md'?",
            "docs/a.md:1: link '/b.md' starts with '/'; link the file relative to this page (did you mean 'b.md'?)",
        ),
        (
            "Doc file 'a.md' contains an unrecognized relative link 'c', it was left as is.",
            "docs/a.md:1: link 'c' is not a link to a file; link the page's .md file",
        ),
        (
            "Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.",
            "docs/a.md:1: link 'b.md#x' leads to no heading or element with id 'x' in docs/b.md",
        ),
        (
            "Doc file 'a.md' contains a link 'glossary.md#x', but the doc 'glossary.md' does not contain an anchor "
            "'#x'.",
            "docs/a.md:1: link 'glossary.md#x' leads to no heading or element with id 'x' in the Glossary page"
            " (glossary.md)",
        ),
        (
            "Doc file 'a.md' contains a link '#y', but there is no such anchor on this page.",
            "docs/a.md:1: link '#y' leads to no heading or element with id 'y' on this page",
        ),
        (
            "A reference to 'gone.md' is included in the 'nav' configuration, which is not found in the "
            "documentation files.",
            "mkdocs.yml:3: nav lists 'gone.md', which is no file of docs/",
        ),
        (
            'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
            "  - story/x.md\n  - glossary.md",
            "docs/story/x.md:1: chapter is not in the nav of mkdocs.yml, so neither the menu nor the home page's list"
            " of chapters shows it; add it to the nav, among the other chapters in reading order\n"
            "mkdocs.yml:1: nav leaves out 'glossary.md', a page the build makes; add it",
        ),
    ],
)
def test_mkdocs_link_and_nav_warnings_become_problems_at_their_line(tmp_path: Path, warning: str, expected: str):
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n  - index.md\n  - gone.md\n", encoding="utf-8")
    warnings = reporting.MkDocsWarnings(config, "docs", {"glossary.md": "Glossary"})
    warnings.install()
    try:
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "a.md").write_text(A_PAGE, encoding="utf-8")
        warnings.files = Files([File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), use_directory_urls=True)])
        logger = logging.getLogger("mkdocs.structure.nav" if "nav" in warning else "mkdocs.structure.pages")
        logger.warning(warning)
        logger.warning(warning)  # MkDocs checks anchors twice: said once
    finally:
        warnings.remove_all()
    assert "\n".join(str(problem) for problem in warnings.problems) == expected
    assert {problem.level for problem in warnings.problems} == {"warning"}


A_PAGE = "# A\n\nSee [b](b.md).\n"


def test_a_warning_of_mkdocs_that_says_something_else_goes_through_as_it_is(caplog: pytest.LogCaptureFixture):
    warnings = reporting.MkDocsWarnings(Path("mkdocs.yml"), "docs", {})
    warnings.install()
    try:
        with caplog.at_level(logging.WARNING):
            logging.getLogger("mkdocs.structure.pages").warning("Something new")
    finally:
        warnings.remove_all()
    assert warnings.problems == [] and "Something new" in caplog.messages


# What the search index leaves out (explainer_mkdocs.unindexed) -----------------------------------------

_MARKED_PAGE = (
    '<p>A note on data-search-exclude="x" in prose.</p>'
    '<ul class="backlinks" data-search-exclude="backlinks"><li><ul><li>Nested</li></ul></li></ul>'
    '<p>Between.</p><span class="backlinks" data-search-exclude="backlinks">Not used</span>'
    '<div data-search-exclude="open">never closed'
)


def test_a_comment_a_page_writes_like_a_stand_in_is_left_as_written():
    # An author's comment imitating the stand-ins is neither replaced nor an error; the page's own marked
    # element still goes back (positive control).
    written = "<p>Text.</p><!--explainer-unindexed-0--><!--explainer-unindexed-99-->"
    page, aside = unindexed.set_aside(written + _MARKED_PAGE)
    assert len(aside) == 2 and page.startswith(written)
    assert unindexed.put_back(page, aside) == written + _MARKED_PAGE.replace(' data-search-exclude="backlinks"', "")


def test_marked_elements_are_set_aside_and_put_back_as_material_leaves_them():
    page, aside = unindexed.set_aside(_MARKED_PAGE)
    assert "Nested" not in page and "Not used" not in page and "Between." in page
    assert aside == [
        '<ul class="backlinks"><li><ul><li>Nested</li></ul></li></ul>',
        '<span class="backlinks">Not used</span>',
    ]
    # The words in prose and an element never closed stay as they are (Material removes their attribute itself).
    assert unindexed.put_back(page, aside) == _MARKED_PAGE.replace(' data-search-exclude="backlinks"', "")
    assert unindexed.set_aside("<p>Nothing marked.</p>") == ("<p>Nothing marked.</p>", [])


def test_material_search_indexes_before_the_hooks_and_removes_the_attribute(fixture_build: BuiltSite):
    """Private: Material's search plugin is 'material/search', indexes page.content in its on_page_context
    (before the hooks'), skips what `data-search-exclude` marks and removes `data-search-*` attributes."""
    index = json.loads((fixture_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    everything = " ".join(texts.values())
    notes = fixture_build.html("story/the-fall/").select_one(".footnote").get_text()
    cited_in = fixture_build.html("sources/").select_one("#wire-2020-ipo .backlinks").get_text()
    chart = " ".join(svg.get_text() for svg in fixture_build.html("story/the-fall/").select("svg"))
    assert "Example Wire" in notes and "Glossary: Jack Ma" in cited_in and "US$ billion" in chart  # on the pages
    # Left out of the index: a source's note on the page that cites it, the backlinks, a chart's labels.
    assert "Example Wire" not in texts["story/the-fall/#sources-and-notes"]
    assert "Glossary: Jack Ma" not in everything and "US$ billion" not in everything
    # Kept: the source's own entry on the Sources page, and a note the page writes itself.
    assert "Example Wire" in texts["sources/#news-reports"]
    assert "Fish &amp; Chips Co in a footnote" in texts["story/glossary-cases/#sources-and-notes"]
    for page in fixture_build.pages():
        html = page.read_text(encoding="utf-8")
        assert "data-search-exclude" not in html and "explainer-unindexed" not in html, page
    assert fixture_build.html("sources/").select("#wire-2020-ipo .backlinks a")  # put back

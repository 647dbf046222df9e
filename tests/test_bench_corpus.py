"""The benchmark's synthetic corpus (bench/corpus.py) is valid data and builds cleanly with --strict."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, BuiltSite, build_project
from layers import site_pages

from explainer.registry import load_site_data
from explainer.schema import check_against_schema
from explainer.yamlfile import load_yaml

sys.path.insert(0, str(REPO / "bench"))
import corpus
import run

TINY = corpus.BASE.times(0.01)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.write_corpus(tmp_path_factory.mktemp("bench") / "corpus", TINY)


@pytest.fixture(scope="module")
def tiny_build(tiny: Path) -> BuiltSite:
    """Needs a build: the benchmark's synthetic corpus must build as the benchmark builds it."""
    return build_project(tiny, strict=True)


def test_base_is_the_issue_s_corpus():
    assert corpus.Scale(pages=300, paragraphs=40, terms=2000, events=1000, corrections=300, sources=500) == corpus.BASE
    assert corpus.BASE.times(4).terms == 8000
    assert corpus.BASE.times(4).paragraphs == 40  # more pages, not longer ones


@pytest.mark.parametrize("name", ["sources", "glossary", "events", "corrections"])
def test_data_files_are_valid_against_the_real_schemas(tiny: Path, name: str):
    document = load_yaml(tiny / "data" / f"{name}.yml", f"data/{name}.yml")
    assert len(document.data) == getattr(TINY, {"glossary": "terms"}.get(name, name))
    assert check_against_schema(document, name).problems == []


def test_corpus_builds_with_strict_and_every_concern_shows(tiny_build: BuiltSite):
    assert tiny_build.ok, tiny_build.messages
    assert tiny_build.messages == []
    page = tiny_build.html("story/page-00000/")
    assert page.select("a.glossary-term")
    assert page.select("sup a.footnote-ref")
    assert page.select(".key-dates")
    assert page.select('[id^="cref:"]')


def test_corpus_builds_without_hooks_too(tiny: Path, tmp_path: Path):
    """Needs the benchmark's own build, in its own process: the corpus without the engine's hooks."""
    built = run.build_once(tiny, corpus.CONFIG_WITHOUT_HOOKS)
    assert built.cpu > 0 and built.rss_mb > 0


def test_serve_edits_keep_the_data_valid(tiny: Path, tmp_path: Path):
    """The corpus as the benchmark's serve edits leave it (a sentence added to a page, a definition reworded): its data
    and every page as the build converts them (layers.site_pages; the edits add no link for MkDocs to check), without
    a problem."""
    project = corpus.write_corpus(tmp_path / "edited", TINY)
    glossary = project / "data" / "glossary.yml"
    edited = run._edit_glossary(glossary.read_text(encoding="utf-8"))
    assert edited != glossary.read_text(encoding="utf-8")
    glossary.write_text(edited, encoding="utf-8")
    page = run._first_story_page(project)
    page.write_text(run._edit_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    load_site_data(project)  # raises DataError if the edit broke the data
    converted = site_pages(project)
    assert converted.found == [] and converted.stopped == ""
    assert (
        "One more sentence, added while editing."
        in converted.pages[page.relative_to(project / "docs").as_posix()].content
    )

"""Contributing: CONTRIBUTING.md's examples work as written, every page leads to its source file,
and the optional tooling (pre-commit, issue forms, pull-request template) is sound.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_SITE, REPO, BuiltSite, build_project, write_project

from explainer import validate
from explainer.dates import parse_partial_date

REPO_URL = "https://github.com/annotated-explainers/alibaba-turnaround"
EDIT_URL = REPO_URL + "/edit/main/"
AUTHORED_PAGES = sorted(
    path.relative_to(FIXTURE_SITE / "docs").as_posix() for path in (FIXTURE_SITE / "docs").rglob("*.md")
)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """The fixture site in this story's vocabulary (the real data/story.yml, the fixture's sources with this
    story's stakes): CONTRIBUTING.md is this site's guide, and its examples are this story's."""
    return in_this_storys_vocabulary(write_project(tmp_path / "project"))


def in_this_storys_vocabulary(project: Path) -> Path:
    (project / "data" / "story.yml").write_bytes((REPO / "data" / "story.yml").read_bytes())
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8").replace("stake: owned-by-example-group", "stake: owned-by-alibaba")
    sources.write_text(text.replace("stake: example-group", "stake: alibaba"), encoding="utf-8")
    return project


GENERATED_PAGES = {
    "sources.md": "sources",
    "glossary.md": "glossary",
    "timeline.md": "events",
    "corrections.md": "corrections",
}


def page_url(src_uri: str) -> str:
    """Site URL of a page from its path in docs/ ('story/the-fall.md' -> 'story/the-fall/')."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


# Every page leads to its source -------------------------------------------------------------


@pytest.mark.parametrize("src_uri", AUTHORED_PAGES)
def test_every_page_has_edit_this_page_pointing_at_its_file(fixture_build: BuiltSite, src_uri: str) -> None:
    button = fixture_build.html(page_url(src_uri)).select_one("a.md-content__button[title='Edit this page']")
    assert button is not None, f"no 'Edit this page' on {src_uri}"
    assert button["href"] == f"{EDIT_URL}docs/{src_uri}"


@pytest.mark.parametrize(("src_uri", "data_name"), sorted(GENERATED_PAGES.items()))
def test_generated_pages_edit_the_data_file_they_come_from(
    fixture_build: BuiltSite, src_uri: str, data_name: str
) -> None:
    button = fixture_build.html(page_url(src_uri)).select_one("a.md-content__button[title='Edit this page']")
    assert button is not None and button["href"] == f"{EDIT_URL}data/{data_name}.yml"


@pytest.mark.parametrize("src_uri", [*AUTHORED_PAGES, *GENERATED_PAGES])
def test_every_page_links_the_repository_in_its_header(fixture_build: BuiltSite, src_uri: str) -> None:
    link = fixture_build.html(page_url(src_uri)).select_one("header.md-header a.md-source")
    assert link is not None and link["href"] == REPO_URL


# pre-commit ---------------------------------------------------------------------------------


def pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: {**hook, "rev": repo.get("rev")} for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_ruff_yaml_checks_and_the_data_validation() -> None:
    assert set(pre_commit_hooks()) >= {"ruff-check", "ruff-format", "check-yaml", "end-of-file-fixer", "validate-data"}


def test_pre_commit_ruff_is_the_version_the_tests_pin() -> None:
    pinned = re.search(r"^ruff==(\S+)$", (REPO / "requirements" / "test.txt").read_text(), re.MULTILINE)
    assert pinned is not None
    assert pre_commit_hooks()["ruff-check"]["rev"] == f"v{pinned.group(1)}"


def test_pre_commit_data_hook_runs_explainer_validate() -> None:
    hook = pre_commit_hooks()["validate-data"]
    assert hook["entry"] == ".venv/bin/python -m explainer.validate"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/events.yml") and re.search(
        hook["files"], "engine/src/explainer/schemas/events.schema.json"
    )


def run_validate(root: Path, *arguments: str) -> subprocess.CompletedProcess:
    """`python -m explainer.validate` in the project `root`, as the pre-commit hook runs it."""
    return subprocess.run(
        [sys.executable, "-m", "explainer.validate", *arguments],
        cwd=root,
        env={"PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_validate_passes_the_real_site() -> None:
    result = run_validate(REPO, "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: mkdocs.yml, data/*.yml (")
    assert result.stderr == ""


def test_validate_reports_one_line_per_problem_and_exits_1(fixture_project: Path) -> None:
    sources = fixture_project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("https://example.com/press", "http://x"), "utf-8")
    result = run_validate(fixture_project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "ERROR   -  data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address "
        '(got "http://x/split")',
        "1 error in 1 file, listed above in file order; fix it and run again.",
    ]


def test_validate_exit_status_follows_strict_for_warnings(fixture_project: Path) -> None:
    page = fixture_project / "docs" / "story" / "the-fall.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nothing](nowhere.md).\n", encoding="utf-8")
    assert run_validate(fixture_project).returncode == 0  # as `mkdocs build`: a warning is printed, not fatal
    strict = run_validate(fixture_project, "--strict")
    assert strict.returncode == 1  # as `mkdocs build --strict` (make build, CI)
    assert strict.stderr.splitlines()[0].startswith("WARNING -  docs/story/the-fall.md:")


def test_validate_shows_only_the_files_named(fixture_project: Path) -> None:
    sources = fixture_project / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("https://example.com/press", "http://x"), "utf-8")
    page = fixture_project / "docs" / "story" / "the-fall.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA claim.[^nope-2020]\n", encoding="utf-8")
    result = run_validate(fixture_project, "docs/story/the-fall.md")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line.split(":", 1)[0] for line in lines[:-1]] == ["ERROR   -  docs/story/the-fall.md"]
    assert lines[-1].endswith("(1 more problem in other files: run without file names to see them)")


def test_validate_has_help_and_refuses_wrong_use(tmp_path: Path) -> None:
    helped = run_validate(REPO, "--help")
    assert helped.returncode == 0
    assert "exit status:" in helped.stdout and "--strict" in helped.stdout and "GITHUB_ACTIONS" in helped.stdout
    assert run_validate(REPO, "--no-such-option").returncode == 2
    misspelt = run_validate(REPO, "data/event.yml")
    assert misspelt.returncode == 2 and "no such file: data/event.yml" in misspelt.stderr
    nowhere = run_validate(tmp_path)  # no mkdocs.yml here
    assert nowhere.returncode == 2 and "no configuration file" in nowhere.stderr


def test_validate_annotates_under_github_actions(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (fixture_project / "data" / "events.yml").write_text("- not a mapping\n", encoding="utf-8")
    assert validate.main(["-f", str(fixture_project / "mkdocs.yml")]) == 1
    assert capsys.readouterr().out.startswith("::error file=data/events.yml,line=1::")


# Issue forms and the pull-request template ---------------------------------------------------

ISSUE_FORMS = sorted(path for path in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def test_there_are_forms_to_report_an_error_suggest_a_source_and_report_a_tooling_bug() -> None:
    assert {path.name for path in ISSUE_FORMS} >= {"correction.yml", "suggest-source.yml", "tooling-bug.yml"}


def test_the_tooling_form_asks_for_what_it_takes_to_reproduce_the_problem() -> None:
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "tooling-bug.yml").read_text(encoding="utf-8"))
    required = {field["id"] for field in form["body"] if field.get("validations", {}).get("required")}
    assert required == {"command", "output", "expected", "environment", "commit"}
    output = next(field for field in form["body"] if field.get("id") == "output")
    assert output["type"] == "textarea" and output["attributes"]["render"]  # pasted output stays verbatim
    commit = next(field for field in form["body"] if field.get("id") == "commit")
    assert "git rev-parse HEAD" in commit["attributes"]["description"]


ISSUE_FORM_LINK = re.compile(
    r"https://github\.com/annotated-explainers/alibaba-turnaround/issues/new\?template=([\w-]+\.yml)"
)


@pytest.mark.parametrize("document", ["README.md", "CONTRIBUTING.md"])
def test_every_open_an_issue_links_to_the_form_that_fits(document: str) -> None:
    paragraphs = (REPO / document).read_text(encoding="utf-8").split("\n\n")
    asking = [paragraph for paragraph in paragraphs if re.search(r"open an? [\w ]*issue", paragraph, re.IGNORECASE)]
    assert asking
    for paragraph in asking:
        forms = ISSUE_FORM_LINK.findall(paragraph)
        assert forms, f"{document}: link the issue form in: {paragraph!r}"
        assert all((REPO / ".github" / "ISSUE_TEMPLATE" / form).is_file() for form in forms)
        if re.search(r"traceback|tooling", paragraph, re.IGNORECASE):
            assert forms == ["tooling-bug.yml"], paragraph


@pytest.mark.parametrize("form_path", ISSUE_FORMS, ids=lambda path: path.name)
def test_issue_form_is_well_formed(form_path: Path) -> None:
    form = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and form["body"]
    assert {field["type"] for field in form["body"]} <= FIELD_TYPES
    fields = [field for field in form["body"] if field["type"] != "markdown"]
    ids = [field["id"] for field in fields]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z][a-z0-9_-]*", field_id) for field_id in ids)
    assert all(field["attributes"]["label"] for field in fields)
    assert all(field["attributes"]["options"] for field in fields if field["type"] in ("dropdown", "checkboxes"))


def test_blank_issues_point_to_the_forms_and_the_guide() -> None:
    config = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    assert all(link["url"].startswith("https://") and link["about"] for link in config["contact_links"])


def test_pull_request_template_carries_the_review_checklist() -> None:
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 10
    assert "data/corrections.yml" in template and "[^source-id]" in template


# CONTRIBUTING.md's examples, followed to the letter -------------------------------------------

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- contributing-example: (\S+) -->\n```\w+\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = dict(EXAMPLE.findall(CONTRIBUTING))
THE_FALL = "docs/story/the-fall.md"
NEW_CHAPTER = "docs/story/jack-ma-returns.md"
# Where each documented example goes, as CONTRIBUTING.md says.
TARGETS = {
    "add-event/source": "data/sources.yml",
    "add-event/event": "data/events.yml",
    "cite-a-source/page": THE_FALL,
    "add-glossary-term/entry": "data/glossary.yml",
    "add-glossary-term/page": THE_FALL,
    "issue-a-correction/entry": "data/corrections.yml",
    "add-figure/series": "data/figures.yml",
    "add-figure/page": THE_FALL,
    "add-chapter/page": NEW_CHAPTER,
}
REAL_SOURCE_IDS = {entry["id"] for entry in yaml.safe_load((REPO / "data" / "sources.yml").read_text(encoding="utf-8"))}

STAND_IN_SOURCE = """- id: {id}
  publisher: Stand-in
  title: Stands in for the real site's source {id}
  published: "2020"
  url: https://example.com/{id}
  kind: reference
  used_for: Lets the fixture build an example that cites a source of the real site.
  stake: independent
"""
STAND_IN_PAGE = (
    "---\ntitle: Stand-in\ndescription: Stands in for a chapter of the real site.\n---\n"
    "# Stand-in for the real page {section}\n\n<!-- key-dates -->\n"
)


def append_to(project: Path, file: str, text: str) -> None:
    path = project / file
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(current + ("" if current.endswith("\n") or not current else "\n") + text, encoding="utf-8")


def add_stand_ins(project: Path, example_yaml: str) -> None:
    """The fixture lacks the real site's sources and story pages that the examples name: add stand-ins.

    Only for ids the real site has, so a documented mistake (an id nobody has) still fails.
    """
    try:
        entries = yaml.safe_load(example_yaml)
    except yaml.YAMLError:
        return  # a documented YAML mistake: nothing to stand in for
    fixture_sources = (project / "data" / "sources.yml").read_text(encoding="utf-8")
    for entry in entries if isinstance(entries, list) else []:
        points = entry.get("points") if isinstance(entry.get("points"), list) else []  # a figure series
        for source_id in [*entry.get("sources", []), *(s for point in points for s in point.get("sources") or [])]:
            if source_id in REAL_SOURCE_IDS and f"- id: {source_id}\n" not in fixture_sources:
                append_to(project, "data/sources.yml", STAND_IN_SOURCE.format(id=source_id))
        section = entry.get("section")
        page = project / "docs" / "story" / f"{section}.md"
        if section and (REPO / "docs" / "story" / f"{section}.md").is_file() and not page.exists():
            page.write_text(STAND_IN_PAGE.format(section=section), encoding="utf-8")


def follow(project: Path, name: str, old: str = "", new: str = "") -> None:
    """Do what CONTRIBUTING.md's example `name` says (optionally with one mistake: `old` -> `new`)."""
    text = EXAMPLES[name]
    if old:
        assert text.count(old) == 1, f"example {name} should contain {old!r} once"
        text = text.replace(old, new)
    append_to(project, TARGETS[name], text)
    if TARGETS[name].startswith("data/"):
        add_stand_ins(project, text)


def test_contributing_has_every_example_the_tests_follow() -> None:
    assert set(EXAMPLES) == set(TARGETS)


def test_a_newcomer_can_add_an_event_by_following_contributing(fixture_project: Path) -> None:
    follow(fixture_project, "add-event/source")
    follow(fixture_project, "add-event/event")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    event = yaml.safe_load(EXAMPLES["add-event/event"])[0]
    entry = built.html("timeline/").find(id=event["id"])
    assert entry is not None, f"event '{event['id']}' is not on the Timeline page"
    text = entry.get_text(" ", strip=True)
    assert event["title"] in text
    assert parse_partial_date(event["date"]).display in text
    story_page = built.html(f"story/{event['section']}/")
    assert story_page.select_one(f"a[href$='timeline/#{event['id']}']") is not None  # in the Key dates box


def test_citing_a_source_as_documented_gives_a_source_note(fixture_project: Path) -> None:
    follow(fixture_project, "add-event/source")
    follow(fixture_project, "cite-a-source/page")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    source = yaml.safe_load(EXAMPLES["add-event/source"])[0]
    note = built.html("story/the-fall/").find(id=f"fn:{source['id']}")
    assert note is not None and source["title"] in note.get_text()


def test_adding_a_glossary_term_as_documented_explains_it_on_the_page(fixture_project: Path) -> None:
    follow(fixture_project, "add-event/source")
    follow(fixture_project, "add-glossary-term/entry")
    follow(fixture_project, "add-glossary-term/page")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    term = yaml.safe_load(EXAMPLES["add-glossary-term/entry"])[0]
    assert built.html("glossary/").find(id=term["id"]) is not None
    mention = built.html("story/the-fall/").select_one(f"a[href$='glossary/#{term['id']}']")
    assert mention is not None and mention.get_text() == term["term"]


def test_a_newcomer_can_add_a_chart_by_following_contributing(fixture_project: Path) -> None:
    follow(fixture_project, "add-figure/series")
    follow(fixture_project, "add-figure/page")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    series = yaml.safe_load(EXAMPLES["add-figure/series"])[0]
    figure = built.html("story/the-fall/").select_one(f"figure.chart#chart-{series['id']}")
    assert figure is not None, f"chart '{series['id']}' is not on the page"
    assert (
        len(figure.select("svg a.chart-mark")) == len(figure.select("table.chart-table tbody")) == len(series["points"])
    )


def follow_add_a_chapter(project: Path, old: str = "", new: str = "") -> None:
    """The chapter of "Add a chapter", with its source and its key date (the event of "Add an event")."""
    follow(project, "add-event/source")
    follow(project, "add-event/event", "section: uncertainty-and-confusion", "section: jack-ma-returns")
    follow(project, "add-chapter/page", old, new)


def test_a_newcomer_can_add_a_chapter_by_following_contributing(fixture_project: Path) -> None:
    follow_add_a_chapter(fixture_project)
    built = build_project(fixture_project)
    assert built.ok, built.messages
    page = built.html("story/jack-ma-returns/")
    front_matter = yaml.safe_load(EXAMPLES["add-chapter/page"].split("---")[1])
    assert page.title.get_text().startswith(front_matter["title"])
    assert page.select_one("meta[name=description]")["content"] == front_matter["description"]
    event = yaml.safe_load(EXAMPLES["add-event/event"])[0]
    assert page.select_one(f"aside.key-dates a[href$='timeline/#{event['id']}']") is not None
    source = yaml.safe_load(EXAMPLES["add-event/source"])[0]
    assert page.find(id=f"fn:{source['id']}") is not None


def test_issuing_a_correction_as_documented_marks_the_page(fixture_project: Path) -> None:
    follow(fixture_project, "issue-a-correction/entry")
    built = build_project(fixture_project)
    assert built.ok, built.messages
    correction = yaml.safe_load(EXAMPLES["issue-a-correction/entry"])[0]
    assert built.html("story/the-fall/").find(id=f"cref:{correction['id']}") is not None
    entry = built.html("corrections/").find(id=correction["id"])
    assert entry is not None, f"correction '{correction['id']}' is not on the Corrections page"
    assert correction["correction"] in entry.get_text(" ").replace("\u2019", "'")  # the site curls apostrophes


# What the build says, as CONTRIBUTING.md quotes it ----------------------------------------------

SOURCE_USED_FOR = (
    'used_for: "Jack Ma\'s visit to Yungu School in Hangzhou on 27 March 2023, after more than a year abroad."'
)
SINGLE_SOURCE = (
    '\n  single_source:\n    - claim: "Jack Ma\'s visit to Yungu School"\n      page: story/the-fall.md\n'
    "      anchor: Ma visited Yungu School"
)
EVENT_DATE = 'date: "2023-03-27"'
CHAPTER_DESCRIPTION = re.search(r"^description: .*\n", EXAMPLES["add-chapter/page"], re.MULTILINE).group()
LONG_SHORT = "short: " + "A private school in Hangzhou that Alibaba's founders set up in 2017, " * 3 + "and more."

MISTAKES = {
    "page-cites-unknown-source": lambda p: append_to(p, THE_FALL, "A claim.[^reuters-2020-ant]\n"),
    "source-never-cited": lambda p: follow(p, "add-event/source"),
    "figure-from-one-origin": lambda p: (
        follow(p, "add-event/source"),
        append_to(p, THE_FALL, "\nMa had been abroad for more than 12 months.[^cna-2023-ma-returns-hangzhou]\n"),
    ),
    "single-source-anchor-missing": lambda p: (
        follow(p, "add-event/source", SOURCE_USED_FOR, SOURCE_USED_FOR + SINGLE_SOURCE),
        append_to(p, THE_FALL, "\nMa visited a school in Hangzhou.[^cna-2023-ma-returns-hangzhou]\n"),
    ),
    "single-source-unknown-page": lambda p: (
        follow(p, "add-event/source", SOURCE_USED_FOR, SOURCE_USED_FOR + SINGLE_SOURCE.replace("the-fall", "the-fal")),
        append_to(p, THE_FALL, "\nMa visited Yungu School.[^cna-2023-ma-returns-hangzhou]\n"),
    ),
    "source-http": lambda p: follow(p, "add-event/source", "url: https://", "url: http://"),
    "source-missing-key": lambda p: follow(p, "add-event/source", "  kind: news\n"),
    "source-colon-unquoted": lambda p: follow(p, "add-event/source", SOURCE_USED_FOR, "used_for: Ma's visit: a school"),
    "glossary-never-mentioned": lambda p: (follow(p, "add-event/source"), follow(p, "add-glossary-term/entry")),
    "glossary-claimed-twice": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-glossary-term/entry", "term: Yungu School", "term: Ant Group"),
    ),
    "glossary-short-too-long": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-glossary-term/page"),
        follow(
            p,
            "add-glossary-term/entry",
            "short: A private school in Hangzhou that Alibaba's founders set up in 2017.",
            LONG_SHORT,
        ),
    ),
    "glossary-unknown-category": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-glossary-term/page"),
        follow(p, "add-glossary-term/entry", "category: organization", "category: school"),
    ),
    "glossary-long-links-http": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-glossary-term/page"),
        follow(
            p,
            "add-glossary-term/entry",
            "funded by Alibaba's founders",
            "funded by [Alibaba](http://www.alibaba.com)'s founders",
        ),
    ),
    "glossary-alias-never-matches": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-glossary-term/page"),
        follow(
            p, "add-glossary-term/entry", "term: Yungu School\n", "term: Yungu School\n  aliases: [Yungu Academy]\n"
        ),
    ),
    "source-unknown-stake": lambda p: follow(p, "add-event/source", "stake: owned-by-alibaba", "stake: alibaba-owned"),
    "chapter-without-marker": lambda p: (
        follow_add_a_chapter(p),
        replace_in(p, NEW_CHAPTER, "<!-- key-dates -->\n", ""),
    ),
    "chapter-not-in-nav": lambda p: (
        # this story's vocabulary lists translation notes on a page of their own, which the nav must name
        in_this_storys_vocabulary(write_project(p, nav=[*FIXTURE_NAV, "translation-log.md"])),
        follow_add_a_chapter(p),
    ),
    "chapter-without-description": lambda p: follow_add_a_chapter(p, CHAPTER_DESCRIPTION),
    "chapters-marker-misspelt": lambda p: append_to(p, "docs/index.md", "\n<!-- chapter list -->\n"),
    "chapter-marker-without-event": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-chapter/page"),
    ),
    "page-links-unknown-glossary-entry": lambda p: append_to(p, THE_FALL, "The [founder](glossary:jack-maa) spoke.\n"),
    "event-date-in-words": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-event/event", EVENT_DATE, 'date: "27 March 2023"'),
    ),
    "event-precision-mismatch": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-event/event", "precision: day", "precision: month"),
    ),
    "event-outside-story": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-event/event", EVENT_DATE, 'date: "2019-09-10"'),
    ),
    "event-unknown-source": lambda p: follow(p, "add-event/event"),
    "event-unknown-section": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-event/event", "section: uncertainty-and-confusion", "section: steadying-the-shi"),
    ),
    "event-unknown-glossary-id": lambda p: (
        follow(p, "add-event/source"),
        follow(p, "add-event/event", "involved: [jack-ma]", "involved: [jack-maa]"),
    ),
    "page-links-unknown-event": lambda p: append_to(p, THE_FALL, "See [the halt](event:ipo-halt).\n"),
    "key-dates-marker-misspelt": lambda p: replace_in(p, THE_FALL, "<!-- key-dates -->", "<!-- key dates -->"),
    "yaml-key-under-indented": lambda p: replace_in(p, "data/sources.yml", "  kind: news", " kind: news"),
    "yaml-entry-without-dash": lambda p: replace_in(
        p, "data/sources.yml", "- id: company-2023-split", "  id: company-2023-split"
    ),
    "link-misspelt": lambda p: link_from_the_fall(p, "correct-cours.md"),
    "link-from-the-pages-address": lambda p: link_from_the_fall(p, "../correct-course.md"),
    "link-absolute": lambda p: link_from_the_fall(p, "/story/correct-course.md"),
    "link-to-an-address": lambda p: link_from_the_fall(p, "../correct-course/"),
    "link-unknown-anchor": lambda p: link_from_the_fall(p, "correct-course.md#the-spilt"),
    "nav-lists-no-file": lambda p: write_project(p, nav=[*FIXTURE_NAV, "story/the-fal.md"]),
    "nav-leaves-out-a-generated-page": lambda p: write_project(p, nav=[e for e in FIXTURE_NAV if e != "glossary.md"]),
    "page-not-in-nav": lambda p: (
        write_project(p, nav=FIXTURE_NAV),
        append_to(p, "docs/about.md", "---\ntitle: About\n---\n\n# About\n"),
    ),
    "correction-anchor-missing": lambda p: follow(
        p, "issue-a-correction/entry", "anchor: two days", "anchor: three days"
    ),
    "correction-anchor-twice": lambda p: follow(
        p, "issue-a-correction/entry", "anchor: two days before", "anchor: listing"
    ),
    "correction-unknown-page": lambda p: follow(
        p, "issue-a-correction/entry", "page: story/the-fall.md", "page: story/the-fal.md"
    ),
    "correction-issued-month": lambda p: follow(
        p, "issue-a-correction/entry", 'issued: "2026-11-26"', 'issued: "2026-11"'
    ),
    "correction-wrong-too-long": lambda p: follow(
        p,
        "issue-a-correction/entry",
        "wrong: three days before their debut",
        "wrong: the IPO was pulled three days before its debut",
    ),
    "correction-unknown-kind": lambda p: follow(p, "issue-a-correction/entry", "kind: fact", "kind: typo"),
    "figure-unknown-unit": lambda p: follow(p, "add-figure/series", "unit: cny-billion", "unit: rmb-billion"),
    "figure-outside-story": lambda p: follow(p, "add-figure/series", '"2026-03-31"', '"2026-09-30"'),
    "figure-without-source": lambda p: follow(
        p, "add-figure/series", "      sources: [marketscreener-2025-alibaba-september-quarter]\n"
    ),
    "figure-mixed-units": lambda p: follow(
        p, "add-figure/series", "value: 41.6\n", "value: 41.6\n      unit: usd-billion\n"
    ),
    "figure-unknown-source": lambda p: follow(
        p, "add-figure/series", "[yicai-2025-alibaba-december-quarter]", "[yicai-2025-december]"
    ),
    "chart-unknown-series": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "alibaba-cloud-revenue", "alibaba-cloud-revenu"),
    ),
    "chart-marker-misspelt": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "chart: alibaba", "chart alibaba"),
    ),
    "chart-unknown-event": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "revenue -->", "revenue events: deepseek-r2 -->"),
    ),
    "chart-misspelt-field": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "revenue -->", "revenue form: 2025-01 -->"),
    ),
    "chart-title-without-quotes": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "revenue -->", "revenue title: Growing -->"),
    ),
    "chart-empty-period": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "revenue -->", "revenue from: 2021-01 to: 2021-12 -->"),
    ),
    "chart-event-outside-period": lambda p: (
        follow(p, "add-figure/series"),
        follow(p, "add-figure/page", "revenue -->", "revenue events: ipo-halted from: 2024-10 -->"),
    ),
    # Issue 21: what the build refuses in any file (SECURITY.md)
    "invisible-character": lambda p: replace_in(
        p, "data/events.yml", "title: The group splits into six parts", 'title: "The group splits\u200b into six parts"'
    ),
    "number-too-large": lambda p: replace_in(p, "data/figures.yml", "value: 700", "value: 1.7e+308"),
    "source-host-look-alike": lambda p: replace_in(
        p, "data/sources.yml", "url: https://example.com/wire/ipo-halted", "url: https://reuters.co/wire"
    ),
    "front-matter-unknown-key": lambda p: replace_in(
        p, THE_FALL, "title: The fall\n", "title: The fall\ntemplate: x\n"
    ),
    "page-writes-a-script": lambda p: append_to(p, THE_FALL, "\n<script>alert(1)</script>\n"),
    "symlink-out-of-the-repository": lambda p: (
        (p / "docs" / "assets").mkdir(parents=True, exist_ok=True),
        (p / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ"),
    ),
}


# The fixture's pages in a nav (the fixture has none, so the build checks no nav unless given one).
FIXTURE_NAV = [
    {"Home": "index.md"},
    {"The story": [f"story/{name}.md" for name in ("the-fall", "glossary-cases", "timeline-cases", "glossary-every")]},
    *("corrected.md", "ties.md", "timeline.md", "glossary.md", "sources.md", "corrections.md"),
]


# The chapter beside the-fall.md on the real site, which the documented link mistakes lead to.
STAND_IN_CHAPTER = (
    "---\ntitle: Correct course\ndescription: Stands in for a chapter of the real site.\n---\n\n# Correct course\n"
)


def link_from_the_fall(project: Path, link: str) -> None:
    (project / "docs" / "story" / "correct-course.md").write_text(STAND_IN_CHAPTER, encoding="utf-8")
    append_to(project, THE_FALL, f"\nSee [the chapter before]({link}).\n")


def replace_in(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def without_line_numbers(text: str) -> str:
    """Line numbers differ between the fixture and the real files; the words must not."""
    text = re.sub(r"([\w./-]+\.(?:yml|md)):\d+:", r"\1:N:", text)
    text = re.sub(r"\(line \d+\)", "(line N)", text)
    return re.sub(r"\(story pages: [^)]*\)", "(story pages: …)", text)


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_contributing_quotes_what_the_build_says(fixture_project: Path, mistake: str) -> None:
    MISTAKES[mistake](fixture_project)
    built = build_project(fixture_project)
    assert not built.ok
    located = [message for message in built.messages if re.match(r"^[\w./-]+:\d+: ", message)]
    assert located, built.messages
    documented = without_line_numbers(CONTRIBUTING)
    missing = [message for message in located if f"`{without_line_numbers(message)}`" not in documented]
    assert not missing, "CONTRIBUTING.md should quote the build's message exactly:\n" + "\n".join(missing)


def test_every_file_the_tree_map_names_exists() -> None:
    section = CONTRIBUTING.split("## Where things live", 1)[1].split("\n## ", 1)[0]
    paths = [token for token in re.findall(r"`([^`\s]+)`", section) if "/" in token and not re.search(r"[<*]", token)]
    assert len(paths) >= 15
    missing = [path for path in paths if not (REPO / path).exists()]
    assert not missing, f"CONTRIBUTING.md's tree map names files that do not exist: {missing}"


INLINE_LINKS = [
    link
    for link in re.findall(r"`(\[[^\]`]+\]\((?:event|glossary):[a-z0-9-]+\))`", CONTRIBUTING)
    if not link.endswith(":id)")  # the placeholder in the field list
]


def test_the_documented_inline_links_work(fixture_project: Path) -> None:
    for name in ("add-event/source", "add-event/event", "add-glossary-term/entry", "add-glossary-term/page"):
        follow(fixture_project, name)
    append_to(fixture_project, THE_FALL, "".join(f"Inline: {link}.\n\n" for link in INLINE_LINKS))
    built = build_project(fixture_project)
    assert built.ok, built.messages
    page = built.html("story/the-fall/")
    for link in INLINE_LINKS:
        words, scheme, target = re.fullmatch(r"\[(.+)\]\((\w+):(.+)\)", link).groups()
        anchors = [a for a in page.find_all("a") if a.get_text() == words]
        if target == "none":  # keeps the words unmarked
            assert not anchors, link
        else:
            page_path = "timeline/" if scheme == "event" else "glossary/"
            assert any(a["href"].endswith(f"{page_path}#{target}") for a in anchors), link


def test_contributing_documents_inline_links_for_events_and_glossary() -> None:
    assert {re.search(r"\((\w+):", link).group(1) for link in INLINE_LINKS} == {"event", "glossary"}

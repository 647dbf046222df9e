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
from bs4 import BeautifulSoup
from catalogue import (
    ALL,
    CONTRIBUTING,
    DATA,
    EXAMPLES,
    MISTAKES,
    ONE_ERROR_SUMMARY,
    ONE_MORE_ELSEWHERE,
    PAGE,
    PAGES,
    SITE,
    TARGETS,
    THE_FALL,
    Mistake,
    append_to,
    follow,
    follow_add_a_chapter,
    in_this_storys_vocabulary,
    without_line_numbers,
)
from conftest import FIXTURE_SITE, REPO, BuiltSite, write_project
from layers import ConvertedSite, site_pages

from explainer import validate
from explainer.dates import parse_partial_date
from explainer.errors import Problem
from explainer_mkdocs import quickcheck
from explainer_mkdocs.quickcheck import Check

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
    """Needs the quick check of the real site, as the pre-commit hook runs it (its own process, no PATH)."""
    result = run_validate(REPO, "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: mkdocs.yml, data/*.yml (")
    assert result.stderr == ""


def as_problem(mistake: Mistake) -> Problem:
    file, line, message = mistake.message.split(":", 2)
    return Problem(file, int(line), message.removeprefix(" "), mistake.level)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The command run on a site where the build finds the catalogue's `mistakes`: the check itself (the build,
    run by tests/test_bad_inputs.py) stood in for, so what is tested here is the command around it. Returns a
    function of the mistakes and the command's arguments that gives its exit status."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for name in ("data/sources.yml", "docs/story/the-fall.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def run(mistakes: list[Mistake], *arguments: str) -> int:
        found = Check(problems=[as_problem(mistake) for mistake in mistakes])
        monkeypatch.setattr(quickcheck, "check_site", lambda config_file: found)
        return validate.main(list(arguments))

    return run


def test_validate_reports_one_line_per_problem_and_exits_1(checked, capsys: pytest.CaptureFixture[str]) -> None:
    mistake = MISTAKES["http-url"]
    assert checked([mistake]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"ERROR   -  {mistake.message}",
        ONE_ERROR_SUMMARY,
    ]


def test_validate_exit_status_follows_strict_for_warnings(checked, capsys: pytest.CaptureFixture[str]) -> None:
    warning = MISTAKES["page-links-to-a-missing-page"]
    assert warning.level == "warning"
    assert checked([warning]) == 0  # as `mkdocs build`: a warning is printed, not fatal
    assert checked([warning], "--strict") == 1  # as `mkdocs build --strict` (make build, CI)
    assert capsys.readouterr().err.splitlines()[-2] == f"WARNING -  {warning.message}"


def test_validate_shows_only_the_files_named(checked, capsys: pytest.CaptureFixture[str]) -> None:
    page = MISTAKES["page-cites-unknown-source"]
    assert checked([MISTAKES["http-url"], page], "docs/story/the-fall.md") == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[:-1] == [f"ERROR   -  {page.message}"]
    assert lines[-1].endswith(ONE_MORE_ELSEWHERE)


def test_validate_has_help_and_refuses_wrong_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """None of these builds: the command answers before it checks anything."""

    def status(root: Path, *arguments: str) -> int:
        monkeypatch.chdir(root)
        with pytest.raises(SystemExit) as stopped:
            validate.main(list(arguments))
        return stopped.value.code

    assert status(REPO, "--help") == 0
    helped = capsys.readouterr().out
    assert "exit status:" in helped and "--strict" in helped and "GITHUB_ACTIONS" in helped
    assert status(REPO, "--no-such-option") == 2
    assert status(REPO, "data/event.yml") == 2 and "no such file: data/event.yml" in capsys.readouterr().err
    assert status(tmp_path, "--strict") == 2  # no mkdocs.yml here
    assert "no configuration file" in capsys.readouterr().err


def test_validate_annotates_under_github_actions(
    checked, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    mistake = MISTAKES["http-url"]
    assert checked([mistake]) == 1
    assert capsys.readouterr().out.startswith(f"::error file={mistake.file},line={mistake.line}::")


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


# CONTRIBUTING.md's examples, followed to the letter ---------------------------------------------------
#
# Following every example (tests/catalogue.py follows them in the fixture, with stand-ins for what of the
# real site they name) passes a strict build's checks, and each shows up where CONTRIBUTING.md says, in the pages as
# the build converts them (layers.site_pages; no theme, no file written): two runs, one with every example but the
# chapter, one with the chapter (whose event is the example event moved to it).


def test_contributing_has_every_example_the_tests_follow() -> None:
    assert set(EXAMPLES) == set(TARGETS)


class Converted:
    """The pages of a site as the build converts them (layers.site_pages: no theme, no file written), by address."""

    def __init__(self, site: ConvertedSite):
        assert site.found == [] and site.stopped == "" and site.pages, site.problems  # as a strict build passes
        self.site = site

    def html(self, url: str) -> BeautifulSoup:
        """The body of the page at `url` (e.g. 'story/the-fall/'), as the theme puts it in the page."""
        return BeautifulSoup(self.site.pages[url.removesuffix("/") + ".md"].content, "html.parser")


@pytest.fixture(scope="module")
def every_example(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """What a newcomer sees on the pages (their bodies, every page converted in one build context, no build). The
    fixture with every documented example but the chapter followed, and the inline links used (the chapter moves
    the example event to it: a run of its own, below)."""
    project = in_this_storys_vocabulary(write_project(tmp_path_factory.mktemp("examples") / "project"))
    for name in ("add-event/source", "add-event/event", "cite-a-source/page", "add-glossary-term/entry"):
        follow(project, name)
    for name in ("add-glossary-term/page", "add-figure/series", "add-figure/page", "issue-a-correction/entry"):
        follow(project, name)
    append_to(project, THE_FALL, "".join(f"Inline: {link}.\n\n" for link in INLINE_LINKS))
    return Converted(site_pages(project))


def test_a_newcomer_can_add_an_event_by_following_contributing(every_example: Converted) -> None:
    event = yaml.safe_load(EXAMPLES["add-event/event"])[0]
    entry = every_example.html("timeline/").find(id=event["id"])
    assert entry is not None, f"event '{event['id']}' is not on the Timeline page"
    text = entry.get_text(" ", strip=True)
    assert event["title"] in text
    assert parse_partial_date(event["date"]).display in text
    story_page = every_example.html(f"story/{event['section']}/")
    assert story_page.select_one(f"a[href$='timeline/#{event['id']}']") is not None  # in the Key dates box


def test_citing_a_source_as_documented_gives_a_source_note(every_example: Converted) -> None:
    source = yaml.safe_load(EXAMPLES["add-event/source"])[0]
    note = every_example.html("story/the-fall/").find(id=f"fn:{source['id']}")
    assert note is not None and source["title"] in note.get_text()


def test_adding_a_glossary_term_as_documented_explains_it_on_the_page(every_example: Converted) -> None:
    term = yaml.safe_load(EXAMPLES["add-glossary-term/entry"])[0]
    assert every_example.html("glossary/").find(id=term["id"]) is not None
    mention = every_example.html("story/the-fall/").select_one(f"a[href$='glossary/#{term['id']}']")
    assert mention is not None and mention.get_text() == term["term"]


def test_a_newcomer_can_add_a_chart_by_following_contributing(every_example: Converted) -> None:
    series = yaml.safe_load(EXAMPLES["add-figure/series"])[0]
    figure = every_example.html("story/the-fall/").select_one(f"figure.chart#chart-{series['id']}")
    assert figure is not None, f"chart '{series['id']}' is not on the page"
    assert (
        len(figure.select("svg a.chart-mark")) == len(figure.select("table.chart-table tbody")) == len(series["points"])
    )


def test_issuing_a_correction_as_documented_marks_the_page(every_example: Converted) -> None:
    correction = yaml.safe_load(EXAMPLES["issue-a-correction/entry"])[0]
    assert every_example.html("story/the-fall/").find(id=f"cref:{correction['id']}") is not None
    entry = every_example.html("corrections/").find(id=correction["id"])
    assert entry is not None, f"correction '{correction['id']}' is not on the Corrections page"
    assert correction["correction"] in entry.get_text(" ").replace("\u2019", "'")  # the site curls apostrophes


def test_a_newcomer_can_add_a_chapter_by_following_contributing(fixture_project: Path) -> None:
    """A run of its own: the chapter takes the example event from its section (every_example's) to itself. Its title
    and description as MkDocs reads them (the theme prints them: tests/test_hostile_inputs.py, built pages)."""
    follow_add_a_chapter(fixture_project)
    converted = Converted(site_pages(fixture_project))
    chapter = converted.site.pages["story/jack-ma-returns.md"]
    page = converted.html("story/jack-ma-returns/")
    front_matter = yaml.safe_load(EXAMPLES["add-chapter/page"].split("---")[1])
    assert chapter.title == front_matter["title"]
    assert chapter.meta["description"] == front_matter["description"]
    event = yaml.safe_load(EXAMPLES["add-event/event"])[0]
    assert page.select_one(f"aside.key-dates a[href$='timeline/#{event['id']}']") is not None
    source = yaml.safe_load(EXAMPLES["add-event/source"])[0]
    assert page.find(id=f"fn:{source['id']}") is not None


# What the build says, as CONTRIBUTING.md quotes it ----------------------------------------------
#
# The catalogue's documented cases are the mistakes CONTRIBUTING.md walks through, made by following its
# examples; tests/test_bad_inputs.py checks each line at the layer that prints it. Here: CONTRIBUTING.md
# quotes each of those lines word for word (line numbers aside: they differ between the fixture and the
# real files), without building anything.

DOCUMENTED = [mistake for mistake in ALL if mistake.documented]


def test_the_documented_mistakes_cover_every_kind_of_file_and_layer() -> None:
    assert len(DOCUMENTED) >= 50
    assert {mistake.layer for mistake in DOCUMENTED} == {DATA, PAGE, PAGES, SITE}
    files = {mistake.file.split("/")[0] for mistake in DOCUMENTED}
    assert files == {"data", "docs", "mkdocs.yml"}


@pytest.mark.parametrize("mistake", DOCUMENTED, ids=lambda mistake: mistake.name)
def test_contributing_quotes_what_the_build_says(mistake: Mistake) -> None:
    documented = without_line_numbers(CONTRIBUTING)
    assert f"`{without_line_numbers(mistake.message)}`" in documented, (
        f"CONTRIBUTING.md should quote the build's message exactly: {mistake.message}"
    )


def test_the_quote_check_would_see_a_changed_word() -> None:
    """The positive control of the check above: a message CONTRIBUTING.md quotes, one word changed, is not found."""
    quoted = without_line_numbers(DOCUMENTED[0].message)
    assert f"`{quoted}`" in without_line_numbers(CONTRIBUTING)
    assert f"`{quoted.replace('source', 'sauce', 1)}`" not in without_line_numbers(CONTRIBUTING)


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


def test_the_documented_inline_links_work(every_example: Converted) -> None:
    page = every_example.html("story/the-fall/")
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

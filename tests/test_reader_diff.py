"""The reader's diff (`make diff`, explainer.reader_diff): what readers will see change between two builds.

The fixture site is built as it is (the base, shared with other tests) and once changed (`changed`): an
added sentence, a removed and an added source note, a new correction (first on its page, before the
fixture's), glossary entry, event and pages, one with raw HTML and an outside address, and a file.
The same two builds the other way round, from the change back to the fixture, remove what it added,
the published correction among it (its marks after it renumbered): that must fail (`withdrawn_report`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import yaml
from catalogue import MACHINE_MADE_FILE, ONE_ERROR_SUMMARY
from conftest import REPO, BuiltSite, build_project, write_project

from explainer import claims
from explainer.markup import parse_fragment
from explainer.pagehtml import WRITTEN_HTML_FILE
from explainer.reader_diff import render
from explainer.reader_diff.__main__ import main
from explainer.reader_diff.build import member_problem
from explainer.reader_diff.compare import ItemChanges, PageChange, PageRef, Report, reader_diff
from explainer.reader_diff.site import read_page

THE_FALL = "docs/story/the-fall.md"
ADDED_SENTENCE = "Nobody had expected it."
RENUMBERED_SENTENCE = "The listing was halted two days before it was due."  # its note goes from 1 to 2
NEW_SOURCE = {
    "id": "wire-2021-aftermath",
    "publisher": "Example Wire",
    "title": "A year after the halted listing",
    "published": "2021-11-03",
    "url": "https://example.com/wire/aftermath",
    "kind": "news",
    "used_for": "How unexpected the halt was.",
    "stake": "independent",
}
NEW_CORRECTION = {  # before the fixture's corrections on its page (C1, the others renumbered), none the latest
    "id": "popular-models",
    "page": "corrected.md",
    "anchor": "models are popular",
    "issued": "2026-11-21",
    "kind": "fact",
    "wrong": "models are loved",
    "correction": "The models are popular, not loved.",
    "sources": ["company-2023-split"],
}
NEW_GLOSSARY_ENTRY = {
    "id": "listing",
    "term": "listing",
    "category": "concept",
    "short": "A company's first sale of shares on a stock exchange.",
    "long": "Also called an initial public offering.",
    "sources": ["wire-2020-ipo"],
}
NEW_EVENT = {
    "id": "reorganization-done",
    "date": "2023-06",
    "precision": "month",
    "title": "The reorganization is complete",
    "summary": "The six business groups started to run on their own.",
    "sources": ["company-2023-split"],
    "section": "the-fall",
    "involved": [],
}
WITHDRAWN = "hugging-face"  # what the git-driven command's working tree withdraws
REMOVED_PROBLEM = (  # the new correction, gone from the fixture (withdrawn_report)
    "correction 'popular-models' (on corrected.md, issued 2026-11-21) was removed: published corrections never "
    "disappear; restore its entry in data/corrections.yml (if it was wrong, publish another correction)"
)
NEW_PAGE = (
    "---\ntitle: Aftermath\ndescription: A page the change adds.\n---\n# Aftermath\n\nA page readers did not have.\n"
)

REVIEWED_PAGE = (
    "---\ntitle: Reviewed\ndescription: A page with HTML for the reviewer.\n---\n# Reviewed\n\n"
    '<details class="note"><summary>More</summary>Hidden.</details>\n\n'
    'A <span class="x">span</span> and a [link](https://new.example/page).\n\nA paragraph.\n{: .wide }\n\n'
    "<!-- a comment the reviewer need not see -->\n"
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_data(project: Path, name: str, change) -> None:
    path = project / "data" / f"{name}.yml"
    entries = change(yaml.safe_load(path.read_text(encoding="utf-8")))
    path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")


def make_changes(project: Path) -> None:
    """Everything the `changed` head changes, as a contributor would."""
    edit(project / THE_FALL, RENUMBERED_SENTENCE, f"{ADDED_SENTENCE}[^wire-2021-aftermath] {RENUMBERED_SENTENCE}")
    edit(project / THE_FALL, "six parts.[^company-2023-split]", "six parts.")  # the page's only note of it
    edit(project / "docs" / "ties.md", "announced the split itself.", "announced\nthe   split itself.")  # whitespace
    (project / "docs" / "aftermath.md").write_text(NEW_PAGE, encoding="utf-8")
    edit_data(project, "sources", lambda entries: [*entries, NEW_SOURCE])
    edit_data(project, "corrections", lambda entries: [*entries, NEW_CORRECTION])
    edit_data(project, "glossary", lambda entries: [*entries, NEW_GLOSSARY_ENTRY])
    edit_data(project, "events", lambda entries: [*entries, NEW_EVENT])


def withdraw_correction(project: Path) -> None:
    """Remove the first correction on its page: the marks after it are renumbered (C2 becomes C1)."""
    edit_data(project, "corrections", lambda entries: [e for e in entries if e["id"] != WITHDRAWN])


def built(project: Path) -> BuiltSite:
    site = build_project(project)
    assert site.ok, site.messages
    return site


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, dict[str, list[str]]]:
    """Needs a build: the reader's diff compares built sites. Every change a good pull request makes, in one
    build: those of `make_changes` and a page for the reviewer (raw HTML, an outside address) and a file; with
    the raw HTML its sources write (what `make diff` lists from the repository)."""
    project = write_project(tmp_path_factory.mktemp("diff-changed") / "project")
    make_changes(project)
    (project / "docs" / "reviewed.md").write_text(REVIEWED_PAGE, encoding="utf-8")
    (project / "docs" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    listing = project.parent / "written.json"
    with pytest.MonkeyPatch.context() as patch:  # as the reader's diff asks its builds (reader_diff.build)
        patch.setenv(WRITTEN_HTML_FILE, str(listing))
        site = built(project)
    return site, json.loads(listing.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def changed(changed_project: tuple[BuiltSite, dict[str, list[str]]]) -> BuiltSite:
    return changed_project[0]


@pytest.fixture(scope="module")
def report(fixture_build: BuiltSite, changed: BuiltSite) -> Report:
    return reader_diff(fixture_build.site_dir, changed.site_dir)


@pytest.fixture(scope="module")
def withdrawn_report(fixture_build: BuiltSite, changed: BuiltSite) -> Report:
    """From the change back to the fixture: a change that must fail (the new correction removed, C1 of its page)."""
    return reader_diff(changed.site_dir, fixture_build.site_dir)


def page_change(report: Report, url: str) -> PageChange:
    return next(change for change in report.pages_changed if change.url == url)


# What the report says -----------------------------------------------------------------------------


def test_an_unchanged_site_shows_no_change(fixture_build: BuiltSite) -> None:
    same = reader_diff(fixture_build.site_dir, fixture_build.site_dir)
    assert not same.readers_see_a_change and not same.markup_only and not same.files_changed
    assert "No change readers would see." in render.render_text(same, "a", "b")


def test_an_added_sentence_is_reported_and_a_renumbered_note_is_not(report: Report) -> None:
    the_fall = page_change(report, "story/the-fall/")
    assert ADDED_SENTENCE in the_fall.sentences_added
    assert RENUMBERED_SENTENCE not in the_fall.sentences_added + the_fall.sentences_removed
    assert the_fall.sentences_removed == ()  # the removed note leaves its sentence as it was
    assert the_fall.title == "The fall" and the_fall.old_title is None


def test_a_removed_note_and_an_added_note_are_reported_by_source(report: Report) -> None:
    the_fall = page_change(report, "story/the-fall/")
    assert [key for key, _ in the_fall.notes.removed] == ["company-2023-split"]
    assert [key for key, _ in the_fall.notes.added] == ["wire-2021-aftermath"]
    citation = dict(the_fall.notes.added)["wire-2021-aftermath"]
    assert citation.startswith("A year after the halted listing, Example Wire")
    assert "About this source" not in citation and "↩" not in citation
    assert the_fall.notes.changed == ()


def test_a_change_of_whitespace_alone_is_no_change(report: Report) -> None:
    assert "ties/" not in {change.url for change in report.pages_changed}
    assert "ties/" not in {page.url for page in report.markup_only}


def test_a_new_correction_is_reported_and_passes(report: Report) -> None:
    assert [entry["id"] for entry in report.corrections.added] == ["popular-models"]
    assert report.corrections.removed == () and report.problems == []
    assert "The models are popular, not loved." in page_change(report, "corrected/").sentences_added


def test_a_new_glossary_entry_event_and_page_are_reported(report: Report) -> None:
    assert [(entry.id, entry.term) for entry in report.glossary.added] == [("listing", "Listing")]
    assert [event["id"] for event in report.events.added] == ["reorganization-done"]
    assert report.events.removed == () and report.events.changed == ()
    assert report.pages_added == (PageRef("aftermath/", "Aftermath"), PageRef("reviewed/", "Reviewed"))
    assert report.pages_removed == ()
    assert {"glossary/", "timeline/", "sources/", "corrections/"} <= {change.url for change in report.pages_changed}


def test_a_removed_correction_is_a_problem(withdrawn_report: Report) -> None:
    assert [entry["id"] for entry in withdrawn_report.corrections.removed] == ["popular-models"]
    assert withdrawn_report.problems == [REMOVED_PROBLEM]


def test_renumbered_correction_marks_are_no_change(withdrawn_report: Report) -> None:
    corrected = page_change(withdrawn_report, "corrected/")
    assert corrected.sentences_added == ()
    assert corrected.sentences_removed == (  # the correction's note at the end of the page, nothing else
        "Correction, 21 November 2026: This page said “models are loved”.",
        "The models are popular, not loved.",
        "Source: Example Group.",
    )


# The command -------------------------------------------------------------------------------------


def test_the_command_fails_with_one_line_when_a_correction_was_removed(
    fixture_build: BuiltSite, changed: BuiltSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    status = main(["--sites", str(changed.site_dir), str(fixture_build.site_dir), "--markdown", str(summary)])
    out, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines() == [f"reader's diff: {line}" for line in reader_diff_problems(changed, fixture_build)]
    assert err.splitlines() == [f"reader's diff: {REMOVED_PROBLEM}"]
    assert f"MUST BE FIXED\n  ! {REMOVED_PROBLEM}\n" in out
    assert "  - [popular-models] (fact, corrected.md, 2026-11-21): The models are popular" in out
    assert "### Must be fixed" in summary.read_text(encoding="utf-8")


def reader_diff_problems(base: BuiltSite, head: BuiltSite) -> list[str]:
    return reader_diff(base.site_dir, head.site_dir).problems


def test_the_command_passes_and_appends_markdown_for_a_good_change(
    fixture_build: BuiltSite, changed: BuiltSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    assert main(["--sites", str(fixture_build.site_dir), str(changed.site_dir), "--markdown", str(summary)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"    + {ADDED_SENTENCE}" in out.splitlines()
    assert "    - note removed: [company-2023-split] Example Group announces six business groups" in out
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("earlier step\n## Reader's diff: ")  # appended, as GitHub's summary file wants


def test_the_command_annotates_the_pull_request_under_github_actions(
    fixture_build: BuiltSite, changed: BuiltSite, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--sites", str(changed.site_dir), str(fixture_build.site_dir)]) == 1
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert annotations == [f"::error file=data/corrections.yml,title=Published correction removed::{REMOVED_PROBLEM}"]


# The Markdown ------------------------------------------------------------------------------------


def test_the_markdown_lists_each_kind_of_change(report: Report) -> None:
    markdown = render.render_markdown(report, "main (abc1234)", "the working tree")
    assert markdown.startswith("## Reader's diff: `main (abc1234)` → `the working tree`\n")
    for heading in ("Pages added", "Pages changed", "Glossary entries", "Events", "Corrections"):
        assert f"\n### {heading}\n" in markdown
    assert "- ➕ **`Aftermath`** `aftermath/`" in markdown
    assert "  - ➕ `Nobody had expected it.`" in markdown
    assert "  - ➖ note removed: `company-2023-split` `Example Group announces six business groups" in markdown
    assert "- ➕ `2023-06` **`The reorganization is complete`** `reorganization-done`" in markdown
    assert "- ➕ `popular-models` `(fact, corrected.md, 2026-11-21):` `The models" in markdown
    assert "Must be fixed" not in markdown


def synthetic_report(pages: int = 1, sentences: tuple[str, ...] = (), title: str = "P") -> Report:
    change = PageChange("p/", title, None, sentences, sentences, False, ItemChanges())
    return Report((), (), (change,) * pages, (), ItemChanges(), ItemChanges(), ItemChanges(), ())


# What GitHub would make of text outside code spans: a mention, a link, HTML, an issue or commit
# reference, an emoji, a link written in Markdown. None of it may come from the site (the report's own **bold** may).
ACTIVE_OUTSIDE_CODE = re.compile(r"@|https?:|www\.|<|>|#\d|GH-\d|:[a-z+_-]+:|\[|\]\(|\b[0-9a-f]{7,40}\b")
HOSTILE_SENTENCES = (
    "@octocat and @annotated-explainers/maintainers, please look.",
    "See https://evil.example/x and www.evil.example for more.",
    '<img src=x onerror=alert(1)> <a href="https://evil.example">click</a>',
    "Fixes #123, GH-45 and annotated-explainers/alibaba-turnaround#6 in 5766f5c.",
    "Great :smile: :+1: news.",
    "A `code` span, a ``` fence and a ```` longer one.",
    "[a](javascript:x) and ![img](https://evil.example/x.png) and <https://evil.example>",
    "**bold** _italic_ ~~struck~~ | a | table |",
    "::error file=x::a workflow command",
)


def without_code_spans(line: str) -> str:
    """The line with every code span taken out, as CommonMark reads them (a run of n backticks closes at the next run
    of exactly n)."""
    out, index = [], 0
    while (start := line.find("`", index)) >= 0:
        run = len(line[start:]) - len(line[start:].lstrip("`"))
        closing = re.compile(f"(?<!`)`{{{run}}}(?!`)").search(line, start + run)
        if closing is None:
            break
        out.append(line[index:start])
        index = closing.end()
    return "".join(out) + line[index:]


@pytest.mark.parametrize("sentence", HOSTILE_SENTENCES)
def test_nothing_a_contributor_writes_is_active_in_the_summary(sentence: str) -> None:
    """Each sentence, title and label is a code span: no mention, link, HTML, reference, emoji or emphasis."""
    markdown = render.render_markdown(synthetic_report(sentences=(sentence,), title=sentence), sentence, sentence)
    assert sentence.split()[0] in markdown
    for line in markdown.splitlines():
        assert ACTIVE_OUTSIDE_CODE.findall(without_code_spans(line)) == [], line


def test_a_code_span_is_fenced_longer_than_any_run_of_backticks_in_it() -> None:
    assert render.code_span("plain") == "`plain`"
    assert render.code_span("a `b` c") == "``a `b` c``"
    assert render.code_span("a ``` b") == "````a ``` b````"
    assert render.code_span("`edge`") == "`` `edge` ``"  # spaced, so the fence does not merge with the text
    assert render.code_span("line\nbreak") == "`line break`"  # one line: nothing can start a block
    assert without_code_spans("x " + render.code_span("a ``` b") + " y") == "x  y"


def test_no_line_of_the_terminal_report_is_a_workflow_command() -> None:
    text = render.render_text(synthetic_report(sentences=("::error::x",), title="::stop-commands::token"), "a", "b")
    assert "::stop-commands::token" in text and "::error::x" in text
    assert [line for line in text.splitlines() if line.lstrip().startswith("::")] == []
    assert render.one_command_free("a\n \f::error::x\n") == "a\n \f· ::error::x\n"  # a build's error, as printed


def test_long_lists_and_sentences_are_capped() -> None:
    sentences = tuple(f"Sentence {n} " + "word " * 200 + "." for n in range(100))
    markdown = render.render_markdown(synthetic_report(pages=80, sentences=sentences), "a", "b")
    assert f"… and {100 - render.MAX_SENTENCES} more" in markdown
    assert f"… and {80 - render.MAX_ITEMS} more pages" in markdown
    longest = max(markdown.splitlines(), key=len)
    assert len(longest) < render.MAX_CHARS * 2  # escaping at most doubles a line
    assert len(markdown.encode()) <= render.SUMMARY_LIMIT_BYTES


def test_a_build_failure_is_quoted_whole_in_the_summary() -> None:
    markdown = render.render_failure("building HEAD failed:\nERROR - a ```fence``` and <b>markup</b>")
    assert markdown == (
        "## Reader's diff\n\n**It could not be made:**\n\n"
        "````text\nbuilding HEAD failed:\nERROR - a ```fence``` and <b>markup</b>\n````\n"
    )


def test_a_summary_over_githubs_limit_is_cut_at_a_line_with_a_note() -> None:
    markdown = "\n".join(f"- line {n} é" for n in range(1000))
    cut = render.fit_summary(markdown, limit=2000)
    assert len(cut.encode()) <= 2000
    assert cut.endswith("run `make diff` for all of it.**\n")
    assert all(line.startswith("- line ") for line in cut.splitlines()[:-2] if line)


# Sentences ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Shares rose 4.5% in 2024. They fell.", ["Shares rose 4.5% in 2024.", "They fell."]),
        (
            "U.S. regulators said “No.” Then Brian A. Wong wrote.",
            ["U.S. regulators said “No.”", "Then Brian A. Wong wrote."],
        ),
        ("Mr. Ma spoke. Then he left.", ["Mr. Ma spoke.", "Then he left."]),
        ("It ended (so they said.) Next came 2021.", ["It ended (so they said.)", "Next came 2021."]),
        ("e.g. this is lowercase. so is this", ["e.g. this is lowercase. so is this"]),
        ("It rose to 6.2%. In 2023 it fell… Then $5 went.", ["It rose to 6.2%.", "In 2023 it fell…", "Then $5 went."]),
        ("“We agree. Alibaba leads,” he said. It rose.", ["“We agree. Alibaba leads,” he said.", "It rose."]),
        ("Sold on JD.com. Then, i.e. 27 March, more.", ["Sold on JD.com.", "Then, i.e. 27 March, more."]),
        ("", []),
    ],
)
def test_sentences_as_the_diff_reads_them(text: str, sentences: list[str]) -> None:
    """The audit rule's sentences (explainer.claims), in text without marks."""
    assert claims.sentences(text) == sentences


def test_a_pages_text_is_read_with_whitespace_collapsed() -> None:
    article = parse_fragment("<article><p>  Spaces   and\nnew lines.  Collapse.  </p><p>Two</p></article>")[0]
    assert read_page(article, "p/").sentences == ("Spaces and new lines.", "Collapse.", "Two")


# The git-driven command, the Makefile target and CI ------------------------------------------------


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_make_diff_builds_commits_and_the_working_tree_and_says_why_it_cannot(tmp_path: Path) -> None:
    """Needs the command in a process of its own, over a git repository: it builds two revisions (three builds in
    all, in two runs: two commits; then the working tree, which fails to build, so the default base it names, main,
    is not built: the head is built first). What
    it refuses before building (an unknown commit, a committed symlink) is the test after this one's, in this
    process; what it says of a removed correction, tests/test_reader_diff.py's command on two built sites."""
    repo = write_project(tmp_path / "repo")
    shutil.rmtree(repo / "site", ignore_errors=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    edit(repo / THE_FALL, RENUMBERED_SENTENCE, f"{RENUMBERED_SENTENCE} {ADDED_SENTENCE} <b>Bold.</b>")
    git(repo, "commit", "--quiet", "-am", "a sentence")
    withdraw_correction(repo)  # left uncommitted: only the working tree lacks the correction
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)

    def reader_diff_command(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "explainer.reader_diff", *args]
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)

    commits = reader_diff_command("--base", "HEAD~1", "--head", "HEAD")
    assert commits.returncode == 0, commits.stderr
    assert commits.stdout.startswith("Reader's diff: HEAD~1 (")
    assert f"    + {ADDED_SENTENCE}" in commits.stdout.splitlines()
    # Each build listed the raw HTML its pages write (explainer_mkdocs.written): the commit's new tag, for review.
    listed = [line for line in commits.stdout.splitlines() if "raw HTML in" in line]
    assert listed == ["  + raw HTML in [docs/story/the-fall.md] <b>", "  + raw HTML in [docs/story/the-fall.md] </b>"]
    assert WITHDRAWN not in commits.stdout  # the working tree's change is not the head commit's

    # A build that fails: the working tree's (a broken citation, uncommitted); the default base, main, is named, and
    # not built (the head is built first).
    edit(repo / THE_FALL, "[^wire-2020-ipo]", "[^no-such-source]")
    broken = reader_diff_command("--markdown", str(tmp_path / "summary.md"))
    assert broken.returncode == 2
    lines = broken.stderr.splitlines()
    assert re.fullmatch(r"Building main \([0-9a-f]{7}\) and the working tree…", lines[0]), lines[0]
    why = "ERROR   -  docs/story/the-fall.md:7: cites unknown source 'no-such-source' (not in data/sources.yml)"
    failed_at = lines.index("reader's diff: building the working tree failed (mkdocs build --strict):")
    assert lines[failed_at + 1] == why  # the build's own lines follow, ending with its summary
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Reader's diff\n\n**It could not be made:**\n\n```text\nbuilding the working tree")
    assert f"{why}\nERROR   -  {ONE_ERROR_SUMMARY}\n```\n" in summary


def make_dry_run(*variables: str) -> str:
    """The command `make diff` would run, as a fresh shell runs it (not inside `make test`)."""
    inherited = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BASE", "HEAD", "SUMMARY"}
    env = {key: value for key, value in os.environ.items() if key not in inherited}
    dry_run = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "diff", *variables],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return next(line for line in dry_run.stdout.splitlines() if "-m explainer.reader_diff" in line)


def test_make_diff_passes_base_head_and_summary_to_the_command() -> None:
    command = make_dry_run("BASE=origin/main", "HEAD=HEAD", "SUMMARY=/tmp/summary.md")
    assert command.endswith('-m explainer.reader_diff --base "origin/main" --head "HEAD" --markdown "/tmp/summary.md"')
    assert make_dry_run().endswith("-m explainer.reader_diff")


def test_ci_writes_the_readers_diff_of_every_pull_request_to_the_job_summary() -> None:
    text = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    ci = yaml.safe_load(text)
    job = ci["jobs"]["reader-diff"]
    assert job["if"] == "github.event_name == 'pull_request'"
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be there to build it
    run = next(step for step in job["steps"] if "make diff" in step.get("run", ""))
    assert run["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert 'SUMMARY="$GITHUB_STEP_SUMMARY"' in run["run"]
    assert "upload-artifact" in text  # the zip of the built site stays


# Links the build does not follow, and the section for reviewers (issue 21) ------------------------


def tar_member(name: str, target: str, kind: bytes = tarfile.SYMTYPE) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type, member.linkname = kind, target
    return member


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("docs/assets/env.txt", "/proc/self/environ"),
        ("docs/zero.bin", "/dev/zero"),
        ("docs/rootfs", "/"),
        ("data/corrections.yml", "../../../../etc/passwd"),
        ("docs/deep/up", "../../.."),
    ],
)
def test_a_committed_link_out_of_the_tree_is_one_line_as_the_build_says_it(name: str, target: str) -> None:
    assert member_problem(tar_member(name, target)) == (
        f"{name}:1: is a symlink to {target!r}, outside the repository; the build reads nothing outside it:"
        " replace the link with the file itself"
    )


@pytest.mark.parametrize(
    "name",
    ["hooks/__pycache__/explainer_hooks.cpython-311.pyc", "hooks/x.abi3.so", ".venv/bin/python", "a/node_modules/b.js"],
)
def test_committed_code_a_machine_made_is_refused_as_the_makefile_refuses_it(name: str) -> None:
    """make diff builds a commit from git archive, where the Makefile's check of the checkout never looked."""
    assert member_problem(tarfile.TarInfo(name)) == MACHINE_MADE_FILE.replace(MACHINE_MADE_FILE.split(":1:")[0], name)
    assert member_problem(tarfile.TarInfo("hooks/explainer_hooks.py")) == ""  # positive control: its source


def test_a_link_within_the_tree_and_a_plain_file_are_left_to_the_build() -> None:
    assert member_problem(tar_member("docs/home.md", "index.md")) == ""
    assert member_problem(tar_member("docs/story/a.md", "../index.md")) == ""
    assert member_problem(tarfile.TarInfo("docs/index.md")) == ""


def test_make_diff_refuses_a_committed_symlink_and_an_unknown_commit_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command over a git repository, in this process: it stops before building (no build)."""
    repo = write_project(tmp_path / "repo")
    shutil.rmtree(repo / "site", ignore_errors=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "base")
    (repo / "docs" / "assets").mkdir()
    os.symlink("/proc/self/environ", repo / "docs" / "assets" / "env.txt")
    (repo / "hooks" / "__pycache__").mkdir(parents=True)
    (repo / "hooks" / "__pycache__" / "explainer_hooks.cpython-311.pyc").write_bytes(b"forged")  # run in the build
    git(repo, "add", "--force", ".")
    git(repo, "commit", "--quiet", "-m", "a link and a .pyc")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(repo)
    # The head, with the link, is exported first: refused before any build (the base's export is the same code).
    assert main(["--base", "HEAD~1", "--head", "HEAD"]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines()[-2:] == [
        "docs/assets/env.txt:1: is a symlink to '/proc/self/environ', outside the repository; the build reads"
        " nothing outside it: replace the link with the file itself",
        MACHINE_MADE_FILE,
    ]
    assert "SECRET" not in out + err
    assert main(["--base", "no-such-branch"]) == 2
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "'no-such-branch' is not a commit in " + str(repo.resolve()) + " (try a branch, a tag or a commit id)"
        )
    )


def test_the_review_section_lists_new_raw_html_files_and_outside_addresses(
    fixture_build: BuiltSite, changed_project: tuple[BuiltSite, dict[str, list[str]]]
) -> None:
    head, head_html = changed_project
    # What the build listed: the new page's HTML only (no other page of the fixture writes any, front matter,
    # markers, the last-updated date and generated pages are not listed), so the fixture's listing is empty.
    assert list(head_html) == ["docs/reviewed.md"]
    report = reader_diff(fixture_build.site_dir, head.site_dir, {}, head_html)
    assert report.raw_html_added == (
        ("docs/reviewed.md", '<details class="note"><summary>More</summary>Hidden.</details>'),
        ("docs/reviewed.md", '<span class="x">'),
        ("docs/reviewed.md", "</span>"),
        ("docs/reviewed.md", "{: class='wide' } on <p>"),
    )
    assert report.files_added == ("robots.txt",)
    assert report.outside_added == (  # the new source's address, on the Sources page, too
        ("https://new.example/page", "reviewed/"),
        ("https://example.com/wire/aftermath", "sources/"),
    )
    markdown = render.render_markdown(report, "a", "b")
    section = markdown.split("### For review: new raw HTML, files and addresses on other sites\n\n")[1].split("###")[0]
    assert section.splitlines()[:3] == [
        '- ➕ raw HTML in `docs/reviewed.md` `<details class="note"><summary>More</summary>Hidden.</details>`',
        '- ➕ raw HTML in `docs/reviewed.md` `<span class="x">`',
        "- ➕ raw HTML in `docs/reviewed.md` `</span>`",
    ]
    assert "- ➕ file `robots.txt`" in section
    assert "- ➕ address on another site: `https://new.example/page` on `reviewed/`" in section
    assert "- ➕ address on another site: `https://example.com/wire/aftermath` on `sources/`" in section


def test_without_the_sources_the_review_section_says_raw_html_is_not_listed(
    fixture_build: BuiltSite, changed: BuiltSite
) -> None:
    report = reader_diff(fixture_build.site_dir, changed.site_dir)
    assert report.raw_html_added == () and not report.raw_html_known
    assert "(raw HTML is listed when the diff is made from the repository" in render.render_text(report, "a", "b")


def test_an_unchanged_site_has_nothing_to_review(
    fixture_build: BuiltSite, changed_project: tuple[BuiltSite, dict[str, list[str]]]
) -> None:
    inventory = changed_project[1]  # a page with raw HTML, on both sides
    report = reader_diff(fixture_build.site_dir, fixture_build.site_dir, inventory, inventory)
    assert report.raw_html_added == report.outside_added == report.files_added == ()
    assert "For review" not in render.render_markdown(report, "a", "b")

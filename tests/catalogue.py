"""The catalogue of mistakes: every mistake a contributor can make, the one line that reports it, and the
layer that finds it.

Each `Mistake` edits one thing in a fresh copy of the fixture site (tests/fixtures/site) and names
the one `file:line: message` the build prints for it, and the layer that produces that line
(tests/layers.py): the data layer (DATA), one page converted (PAGE), every page converted in one build
context without the theme or writing a file (PAGES), or only a whole build, since it needs MkDocs itself
(SITE). tests/test_bad_inputs.py runs each case at its layer, and a
few through the whole build to prove the layers are wired into it. Messages live here only: other
tests name a case (`MISTAKES["page-cites-unknown-source"].message`), and CONTRIBUTING.md's quotes
of the build are checked against the cases marked `documented` (tests/test_contributing.py).

HOSTILE_CASES, at the end, are what an attacker might commit: tests/test_hostile_inputs.py runs them.
"""

from __future__ import annotations

import dataclasses
import filecmp
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from conftest import FIXTURE_SITE, REPO, read_yaml, write_project

Edit = Callable[[Path], None]

LOCATED = re.compile(r"^[\w./-]+:\d+: ")
SOURCES = "data/sources.yml"
FINE_CLAIM = '[{claim: "The size of the fine, in yuan & dollars", page: ties.md, anchor: The group was fined}]'
THE_FALL = "docs/story/the-fall.md"

# Where a mistake is found (tests/layers.py).
DATA = "data"  # the data layer: explainer.registry.check_site_data
PAGE = "page"  # one page converted, its bytes and front matter checked
PAGES = "pages"  # data checked against every page: every page converted in one build context (site_pages)
SITE = "site"  # needs MkDocs itself (its link and nav checks, mkdocs.yml) or the quick check: a whole build


@dataclass(frozen=True)
class Mistake:
    """One mistake: how to make it in the fixture, the one line that reports it, and where that line comes from."""

    name: str
    edit: Edit
    message: str  # `file:line: what is wrong`, exactly
    layer: str = DATA
    page: str = ""  # PAGE: the page (docs/ path) whose conversion finds it, if not the message's file
    level: str = "error"
    documented: bool = False  # CONTRIBUTING.md quotes it (line numbers aside)
    scenario: str = ""  # cases made by one edit together (a page of mistakes), checked together
    stops: bool = False  # PAGES or SITE: stops the checks early (nothing else is checked), so it shares no run

    @property
    def file(self) -> str:
        return self.message.split(":", 1)[0]

    @property
    def line(self) -> int:
        return int(self.message.split(":", 2)[1])

    @property
    def converted_page(self) -> str:
        """PAGE: the docs/ path of the page whose conversion reports it."""
        return self.page or self.file.removeprefix("docs/")

    def make(self, project: Path) -> Path:
        """Make the mistake in `project` (a fresh copy of the fixture) and return it."""
        self.edit(project)
        return project


# Edits --------------------------------------------------------------------------------------


def changes_of(edit: Edit, folder: Path, before: Path) -> set[str]:
    """What `edit` changes in the fixture (`before`, unchanged; the edit is made in a copy in `folder`):
    `file:line` for each line it rewrites in a text file whose lines it does not add or remove (so no other
    line moves), else the file's name. Cases whose changes do not overlap can share one project."""
    project = write_project(folder)
    edit(project)
    names = {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file() or path.is_symlink()}
    names |= {path.relative_to(before).as_posix() for path in before.rglob("*") if path.is_file()}
    found = set()
    for name in names:
        ours, theirs = project / name, before / name
        if not ours.is_symlink() and ours.is_file() and theirs.is_file() and filecmp.cmp(ours, theirs, shallow=False):
            continue
        found |= changed_lines(ours, theirs, name)
    return found


def changed_lines(ours: Path, theirs: Path, name: str) -> set[str]:
    """`name:line` of each line changed, if both are text files of as many lines; else {name}."""
    if ours.is_symlink() or not ours.is_file() or not theirs.is_file():
        return {name}
    try:
        new, old = ours.read_text("utf-8").splitlines(), theirs.read_text("utf-8").splitlines()
    except UnicodeDecodeError:
        return {name}
    if len(new) != len(old):
        return {name}
    return {f"{name}:{number}" for number, (a, b) in enumerate(zip(new, old, strict=True), 1) if a != b}


def overlap(ours: set[str], theirs: set[str]) -> bool:
    """Whether two cases' changes meet: the same line, or a file one of them changes as a whole."""
    files = {change.split(":", 1)[0] for change in theirs}
    return bool(ours & theirs) or any(change in files or change.split(":", 1)[0] in theirs for change in ours)


def replace(file: str, old: str, new: str) -> Edit:
    """Replace the one occurrence of `old` in `file` (fails loudly if the fixture changed)."""

    def edit(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{file} should contain {old!r} exactly once"
        path.write_bytes(text.replace(old, new).encode("utf-8", "surrogateescape"))

    return edit


def fixture_size(file: str) -> int:
    """The fixture file's size in bytes, so a message that quotes a size follows fixture edits."""
    return (FIXTURE_SITE / file).stat().st_size


def append(file: str, addition: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / file
        path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")

    return edit


def write(file: str, content: str) -> Edit:
    def edit(project: Path) -> None:
        (project / file).parent.mkdir(parents=True, exist_ok=True)
        (project / file).write_bytes(content.encode("utf-8", "surrogateescape"))

    return edit


def prepend_bom(file: str) -> Edit:
    def edit(project: Path) -> None:
        path = project / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    return edit


def delete(file: str) -> Edit:
    def edit(project: Path) -> None:
        (project / file).unlink()

    return edit


def together(*edits: Edit) -> Edit:
    def edit(project: Path) -> None:
        for each in edits:
            each(project)

    return edit


def case(
    name: str,
    edit: Edit,
    message: str,
    layer: str = DATA,
    page: str = "",
    level: str = "error",
    documented: bool = False,
    stops: bool = False,
) -> Mistake:
    return Mistake(name, edit, message, layer, page, level, documented, stops=stops)


def scenario(
    name: str, edit: Edit, layer: str, lines: list[tuple[str, str, str]], documented: bool = False
) -> list[Mistake]:
    """Mistakes made together by one edit, e.g. a page of link mistakes: (case name, level, message) each."""
    return [
        Mistake(case_name, edit, message, layer, level=level, documented=documented, scenario=name)
        for case_name, level, message in lines
    ]


# The catalogue ------------------------------------------------------------------------------

WIRE_TITLE = 'title: "Fintech group\'s record listing is halted"'
WIRE_AUTHORS = "authors: [Ann Writer, Bo Reporter]"
SPLIT_URL = "url: https://example.com/press/split"
ALLOWED_SOURCE_KEYS = (
    "id, publisher, title, authors, published, url, title_language, kind, used_for, notes, stake, origin, "
    "single_source, base_report"
)

EXTRA_SOURCE = """- id: unused-2024
  publisher: Nobody
  title: Never cited
  published: "2024"
  url: https://example.com/unused
  kind: reference
  used_for: Nothing.
  stake: independent
"""

NEW_STORY_PAGE = """---
title: Another page
description: A chapter that cites a source nobody has.
---
# Another page

A sentence with a good note.[^wire-2020-ipo]

Code is not a citation: `[^nobody]`.

A sentence citing nothing we know.[^nobody-2021]
"""

YAML_CASES = [
    case(
        "yaml-unclosed-quote",
        replace(SOURCES, WIRE_TITLE, WIRE_TITLE[:-1]),
        # YAML reads on to the next quote (line 6) before it notices; the message names where the quote opens.
        "data/sources.yml:4: YAML syntax error: quoted text starting here runs on to line 6; close it",
    ),
    case(
        "yaml-unclosed-bracket",
        replace(SOURCES, WIRE_AUTHORS, WIRE_AUTHORS[:-1]),
        "data/sources.yml:5: YAML syntax error: the list opened with [ on this line is not closed with ]",
    ),
    case(
        "yaml-quote-never-closed",
        replace(SOURCES, "title: Example Group announces six business groups", "title: 'Example Group announces"),
        "data/sources.yml:13: YAML syntax error: this quoted text has no closing quote",
    ),
    case(
        "yaml-unclosed-brace",
        append(SOURCES, "- {id: another, kind: news\n"),
        "data/sources.yml:38: YAML syntax error: the mapping opened with { on this line is not closed with }",
    ),
    case(
        "yaml-bad-indentation",
        replace(SOURCES, "  kind: news", "    kind: news"),
        "data/sources.yml:8: YAML syntax error: this line is indented more than the line above it; line its key up"
        " with the other keys of its entry",
    ),
    case(
        "yaml-colon-in-unquoted-text",
        replace(SOURCES, "used_for: The suspension of the listing.", "used_for: Note: the suspension."),
        "data/sources.yml:9: YAML syntax error: this value contains ': ' (a colon and a space), so put it in double"
        ' quotes: key: "Note: the suspension."',
    ),
    case(
        "tab-indentation",
        replace(SOURCES, "  kind: news", "\tkind: news"),
        "data/sources.yml:8: YAML syntax error: tab character; indent with spaces",
    ),
    case(
        "tab-after-colon",
        replace(SOURCES, "  kind: news", "  kind:\tnews"),
        "data/sources.yml:8: YAML syntax error: tab character; indent with spaces",
    ),
    case(
        "byte-order-mark",
        prepend_bom(SOURCES),
        "data/sources.yml:1: starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
    ),
    case(
        "latin-1-byte",
        replace(SOURCES, "Example Group announces", "Example Gr\udce9oup announces"),
        "data/sources.yml:13: not UTF-8 (byte 0xE9 at offset 445); save the file as UTF-8",
    ),
    case(
        "control-character",
        replace(SOURCES, "Example Group announces", "Example Group\x07 announces"),
        "data/sources.yml:13: contains the control character U+0007, which data files may not hold; delete it",
    ),
    case(
        "escaped-control-character",
        replace(SOURCES, "used_for: The reorganization.", 'used_for: "The \\x02wzxhzdk:0\\x03 reorganization."'),
        "data/sources.yml:17: contains the control character U+0002, which data files may not hold; delete it",
    ),
    case(
        "direction-override-character",
        replace(SOURCES, "title: Example Group announces six", 'title: "Example Group \\u202Eannounces" #'),
        "data/sources.yml:13: contains the control character U+202E RIGHT-TO-LEFT OVERRIDE,"
        " which data files may not hold; delete it",
    ),
    case(
        "duplicate-key",
        replace(SOURCES, "  kind: news", "  kind: news\n  kind: analysis"),
        "data/sources.yml:9: duplicate key 'kind'",
    ),
    case(
        "yaml-under-indented-key",
        replace(SOURCES, "  kind: news", " kind: news"),
        "data/sources.yml:8: YAML syntax error: this line is indented less than the lines above it; line its key up"
        " with the other keys of its entry, or start a new entry with '- '",
        documented=True,
    ),
    case(
        "yaml-words-after-closing-quote",
        replace(SOURCES, "title: Example Group announces six business groups", 'title: "Example Group" announces six'),
        "data/sources.yml:13: YAML syntax error: words follow a closing quote or bracket; a value that starts with"
        " a quote or '[' must be quoted whole, e.g. title: '\"The fall\" of Ant'",
    ),
    case(
        "yaml-entry-without-dash",
        replace(SOURCES, "- id: company-2023-split", "  id: company-2023-split"),
        "data/sources.yml:11: a second 'id' in one entry: a new entry starts with '- ' (write '- id:"
        " company-2023-split')",
        documented=True,
    ),
    case(
        "python-tag",
        replace(SOURCES, "kind: news", "kind: !!python/name:os.system"),
        "data/sources.yml:8: unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'",
    ),
    case(
        # PyYAML's constructors trust the tag: this raised ValueError, a traceback (tests/test_yamlfile.py: every tag).
        "yaml-tag-not-its-type",
        replace(SOURCES, "kind: news", "kind: !!int news"),
        "data/sources.yml:8: 'news' is tagged !!int but is not an integer; write an integer, or remove the tag",
    ),
    case(
        "yaml-reads-as-a-number-but-is-not",  # YAML 1.1 reads 0b_ as a binary integer with no digits
        replace(SOURCES, "stake: example-group", "stake: 0b_"),
        "data/sources.yml:19: 0b_ reads as an integer in YAML but is not one; write an integer, or quote it to keep it"
        " as text",
    ),
    case(
        "yaml-alias",
        together(replace(SOURCES, "kind: news", "kind: &kind news"), replace(SOURCES, "kind: primary", "kind: *kind")),
        "data/sources.yml:16: YAML syntax error: aliases (*name) are not supported; write the value out in full",
    ),
    case(
        "yaml-merge-key",
        replace(SOURCES, "- id: company-2023-split", "- <<: {kind: news}\n  id: company-2023-split"),
        f"data/sources.yml:11: source 'company-2023-split': unknown key '<<' (allowed: {ALLOWED_SOURCE_KEYS})",
    ),
    case(
        "yaml-nested-too-deep",
        replace(SOURCES, WIRE_AUTHORS, "authors: " + "[" * 60 + "]" * 60),
        "data/sources.yml:5: YAML syntax error: values are nested more than 20 levels deep, the limit for YAML in"
        " this project",
    ),
    case(
        "data-file-over-the-size-limit",
        append(SOURCES, "# padding\n" * 420_000),
        f"data/sources.yml:1: {fixture_size(SOURCES) + 4_200_000:,} bytes is over the 4,194,304-byte (4 MB)"
        " limit for a data file",
    ),
    case(
        "data-file-over-the-entry-limit",
        append(SOURCES, "- x\n" * 10_000),
        "data/sources.yml:10034: 10,004 entries is over the 10,000 limit for a data file",
    ),
    case(
        "second-yaml-document",
        append(SOURCES, "---\n- id: another\n"),
        "data/sources.yml:38: YAML syntax error: but found another document",
    ),
]


SHAPE_CASES = [
    case(
        "data-file-missing",
        delete("data/corrections.yml"),
        "data/corrections.yml:1: file is missing (every data file must exist; an empty list is written [])",
    ),
    case(
        "data-file-empty",
        write(SOURCES, "# yaml-language-server: $schema=../engine/src/explainer/schemas/sources.schema.json\n"),
        "data/sources.yml:1: is empty; expected a list of sources",
    ),
    case(
        "file-is-a-mapping",
        write(SOURCES, "id: wire-2020-ipo\n"),
        'data/sources.yml:1: the file must be a list (got {"id": "wire-2020-ipo"})',
    ),
    case(
        "entry-is-text",
        append(SOURCES, "- just a title\n"),
        'data/sources.yml:38: source #5: the entry must be a mapping of keys to values (got "just a title")',
    ),
    case(
        "entry-is-empty",
        append(SOURCES, "-\n"),
        "data/sources.yml:38: source #5: the entry must be a mapping of keys to values (got null)",
    ),
    case(
        "date-as-number",
        replace(SOURCES, 'published: "2023-03"', "published: 2023"),
        "data/sources.yml:14: source 'company-2023-split': 'published' must be text (got 2023)",
    ),
    case(
        "title-yes-is-a-boolean",
        replace(SOURCES, "title: Example Group announces six business groups", "title: yes"),
        "data/sources.yml:13: source 'company-2023-split': 'title' must be text (got true)",
    ),
    case(
        "authors-not-a-list",
        replace(SOURCES, WIRE_AUTHORS, "authors: Ann Writer"),
        "data/sources.yml:5: source 'wire-2020-ipo': 'authors' must be a list (got \"Ann Writer\")",
    ),
    case(
        "id-is-a-number",
        replace(SOURCES, "id: company-2023-split", "id: 2023"),
        "data/sources.yml:11: source #2: 'id' must be text (got 2023)",
    ),
    case(
        "id-is-a-list",
        replace(SOURCES, "id: company-2023-split", "id: [company-2023-split]"),
        "data/sources.yml:11: source #2: 'id' must be text (got [\"company-2023-split\"])",
    ),
    case(
        "required-field-null",
        replace(SOURCES, "publisher: Example Wire", "publisher:"),
        "data/sources.yml:3: source 'wire-2020-ipo': 'publisher' must be text (got null)",
    ),
    case(
        "required-field-missing",
        replace(SOURCES, f"  {SPLIT_URL}\n", ""),
        "data/sources.yml:11: source 'company-2023-split': missing required key 'url'",
    ),
    case(
        "id-missing",
        replace(SOURCES, "- id: company-2023-split\n  publisher", "- publisher"),
        "data/sources.yml:11: source #2: missing required key 'id'",
    ),
    case(
        "required-field-empty",
        replace(SOURCES, "publisher: Example Group", 'publisher: ""'),
        "data/sources.yml:12: source 'company-2023-split': 'publisher' is empty",
    ),
    case(
        "required-field-blank",
        replace(SOURCES, "publisher: Example Group", 'publisher: "   "'),
        "data/sources.yml:12: source 'company-2023-split': 'publisher' is blank (only spaces): write some text "
        '(got "   ")',
    ),
    case(
        "list-item-empty",
        replace(SOURCES, WIRE_AUTHORS, 'authors: [Ann Writer, ""]'),
        "data/sources.yml:5: source 'wire-2020-ipo': 'authors[1]' is empty",
    ),
    case(
        "list-empty",
        replace(SOURCES, WIRE_AUTHORS, "authors: []"),
        "data/sources.yml:5: source 'wire-2020-ipo': 'authors' needs at least 1 item",
    ),
    case(
        "list-repeats-an-item",
        replace(SOURCES, WIRE_AUTHORS, "authors: [Ann Writer, Ann Writer]"),
        "data/sources.yml:5: source 'wire-2020-ipo': 'authors' lists the same item twice",
    ),
    case(
        "unknown-key",
        replace(SOURCES, "  kind: primary", "  kind: primary\n  autor: Somebody"),
        f"data/sources.yml:17: source 'company-2023-split': unknown key 'autor' (allowed: {ALLOWED_SOURCE_KEYS})",
    ),
    case(
        "unknown-keys-a-number-among-them",  # YAML keys need not be text; mixed ones are named in order as text
        replace(SOURCES, "  kind: primary", "  kind: primary\n  autor: Somebody\n  1: one\n  null: none"),
        f"data/sources.yml:18: source 'company-2023-split': unknown key '1' (allowed: {ALLOWED_SOURCE_KEYS})",
    ),
    case(
        "stake-missing",
        replace(SOURCES, "  stake: example-group\n", ""),
        "data/sources.yml:11: source 'company-2023-split': missing required key 'stake'",
    ),
    case(
        "stake-unknown",
        replace(SOURCES, "stake: owned-by-example-group", "stake: example-group-owned"),
        "data/sources.yml:27: source 'post-2021-fine': stake 'example-group-owned' is not one of the relationships in"
        " data/story.yml (independent, example-group, owned-by-example-group, state-media); add it there or use"
        " one of them",
    ),
    case(
        "stake-left-empty",
        replace(SOURCES, "stake: owned-by-example-group", "stake:"),
        "data/sources.yml:27: source 'post-2021-fine': 'stake' must be one of the relationships in data/story.yml"
        " (independent, example-group, owned-by-example-group, state-media) (got null)",
    ),
    case(
        "origin-empty",
        replace(SOURCES, "origin: Example Wire", 'origin: ""'),
        "data/sources.yml:31: source 'daily-2020-summons': 'origin' is empty",
    ),
    case(
        "single-source-not-a-list",
        replace(SOURCES, "single_source: [{claim: ", "single_source: The day. #"),
        "data/sources.yml:28: source 'post-2021-fine': 'single_source' must be a list (got \"The day.\")",
    ),
    case(
        "single-source-claim-without-its-place",
        replace(SOURCES, FINE_CLAIM, "[The size of the fine]"),
        "data/sources.yml:28: source 'post-2021-fine': 'single_source[0]' must be a claim with where it is: claim:,"
        ' then page: and anchor: (or figure: and date:), each on its own line (got "The size of the fine")',
    ),
    case(
        "single-source-claim-says-nowhere",
        replace(SOURCES, FINE_CLAIM, "[{claim: The size of the fine}]"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1 says where readers meet it: add page:"
        " and anchor: (or figure: and date:)",
    ),
    case(
        "single-source-claim-page-without-anchor",
        replace(SOURCES, FINE_CLAIM, '[{claim: "The size of the fine", page: ties.md}]'),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1 needs anchor: too (page: and anchor:, or"
        " figure: and date:)",
    ),
    case(
        # The kinds of source are the story's vocabulary: data/story.yml's, over the engine's four.
        "source-kind-unknown",
        replace(SOURCES, "kind: primary", "kind: blog"),
        "data/sources.yml:16: source 'company-2023-split': kind 'blog' is not one of the kinds of source in"
        " data/story.yml (primary, news, analysis, reference); add it there or use one of them",
    ),
]

VALUE_CASES = [
    case(
        "duplicate-id",
        replace(SOURCES, "id: company-2023-split", "id: wire-2020-ipo"),
        "data/sources.yml:11: duplicate id 'wire-2020-ipo' (first used on line 2)",
    ),
    case(
        "id-not-kebab-case",
        replace(SOURCES, "id: company-2023-split", "id: Company_2023"),
        "data/sources.yml:11: source 'Company_2023': 'id' must be lowercase letters, digits and single hyphens,"
        " like 'wire-2021-harbour-opens' (got \"Company_2023\")",
    ),
    case(
        "impossible-date",
        replace(SOURCES, '"2023-03"', '"2023-02-30"'),
        "data/sources.yml:14: source 'company-2023-split': '2023-02-30' is not a real date"
        " (February 2023 has no day 30)",
    ),
    case(
        "month-13",
        replace(SOURCES, '"2023-03"', '"2023-13"'),
        "data/sources.yml:14: source 'company-2023-split': '2023-13' has no month 13",
    ),
    case(
        "date-in-words",
        replace(SOURCES, '"2023-03"', '"March 2023"'),
        "data/sources.yml:14: source 'company-2023-split': 'published' must be a date written YYYY-MM-DD,"
        ' YYYY-MM or YYYY, in quotes (got "March 2023")',
    ),
    case(
        "http-url",
        replace(SOURCES, SPLIT_URL, "url: http://example.com/press/split"),
        "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address"
        ' (got "http://example.com/press/split")',
    ),
    case(
        "javascript-url",
        replace(SOURCES, SPLIT_URL, "url: javascript:alert(1)"),
        "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address"
        ' (got "javascript:alert(1)")',
    ),
    case(
        "url-with-space",
        replace(SOURCES, SPLIT_URL, "url: https://example.com/press split"),
        "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address"
        ' (got "https://example.com/press split")',
    ),
    case(
        "title-language-breaking-out-of-attribute",
        replace(SOURCES, SPLIT_URL, SPLIT_URL + "\n  title_language: 'zh\" onmouseover=\"alert(1)'"),
        "data/sources.yml:16: source 'company-2023-split': 'title_language' must be a language tag like"
        " 'zh-Hans', 'zh-Hant' or 'ja' (got \"zh\\\" onmouseover=\\\"alert(1)\")",
    ),
    case(
        "url-breaking-out-of-attribute",
        replace(SOURCES, SPLIT_URL, "url: 'https://example.com/\" onmouseover=\"alert(1)'"),
        "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address"
        ' (got "https://example.com/\\" onmouseover=\\"alert(1)")',
    ),
    case(
        "html-in-plain-text",
        replace(SOURCES, "used_for: The reorganization.", "used_for: The <b>reorganization</b>."),
        "data/sources.yml:17: source 'company-2023-split': 'used_for' is plain text: write it without < or >"
        ' (no HTML) (got "The <b>reorganization</b>.")',
    ),
    case(
        "script-in-plain-text",
        replace(SOURCES, "publisher: Example Group", "publisher: <script>alert(1)</script>"),
        "data/sources.yml:12: source 'company-2023-split': 'publisher' is plain text: write it without < or >"
        ' (no HTML) (got "<script>alert(1)</script>")',
    ),
    case(
        "source-never-cited",
        append(SOURCES, EXTRA_SOURCE),
        "data/sources.yml:38: source 'unused-2024' is used nowhere (no page, chart, Timeline entry or glossary entry"
        " cites it): cite it where it is used, or remove it from data/sources.yml",
        layer=PAGES,
    ),
]

# Examples of annotations in code, which are no annotations (tests/test_code_detection.py builds them).
CODE_EXAMPLES = """

How to cite, shown as an indented code block:

    The listing was halted.[^company-2023-split]
    A source that does not exist.[^nobody-2020]
    <!-- key-dates -->
    [words](event:no-such-event)

And inside a list item, as fenced code:

- An item.

    ```markdown
    Another example.[^company-2023-split]
    ```
"""

PAGE_CASES = [
    case(
        "figure-cited-to-one-origin",
        replace(THE_FALL, "halted two days", "halted 2 days"),
        'docs/story/the-fall.md:7: the figure in "The listing was halted 2 days before it was due." is cited only to'
        " Example Wire: add a second report of another origin, or declare it single-source in data/sources.yml"
        " (single_source: claim, page, anchor)",
        layer=PAGE,
    ),
    case(
        "page-cites-unknown-source",
        replace(THE_FALL, "[^company-2023-split]", "[^reuters-2020]"),
        "docs/story/the-fall.md:13: cites unknown source 'reuters-2020' (not in data/sources.yml)",
        layer=PAGE,
    ),
    case(
        "citation-after-a-code-example-of-it",
        append(THE_FALL, "\nA real citation of the key shown in code above.[^not-a-source]\n"),
        "docs/story/the-fall.md:23: cites unknown source 'not-a-source' (not in data/sources.yml)",
        layer=PAGE,
    ),
    case(
        "page-not-utf-8",
        replace(THE_FALL, "## A split", "## A spl\udce9t"),
        "docs/story/the-fall.md:11: not UTF-8 (byte 0xE9 at offset 171); save the file as UTF-8",
        layer=PAGE,
    ),
    case(
        "page-over-the-size-limit",
        append(THE_FALL, "\nPadding.\n" * 30_000),
        f"docs/story/the-fall.md:1: {fixture_size(THE_FALL) + 300_000:,} bytes is over the 262,144-byte (256 KB)"
        " limit for a page; split it",
        layer=PAGE,
    ),
    case(
        "new-page-cites-unknown-source",
        write("docs/story/another.md", NEW_STORY_PAGE),
        "docs/story/another.md:11: cites unknown source 'nobody-2021' (not in data/sources.yml)",
        layer=PAGE,
    ),
    case(
        "citation-after-indented-code-examples",
        append("docs/story/timeline-cases.md", CODE_EXAMPLES + "\nA real one.[^nobody-2020]\n"),
        "docs/story/timeline-cases.md:29: cites unknown source 'nobody-2020' (not in data/sources.yml)",
        layer=PAGE,
    ),
]

GLOSSARY = "data/glossary.yml"
EVENTS = "data/events.yml"
CORRECTIONS = "data/corrections.yml"
TIMELINE_CASES = "docs/story/timeline-cases.md"
CAPEX_SHORT = "short: Money spent on long-lasting assets such as data centers."
SECOND_CAPEX = """- id: capex
  term: Capital expenditure
  category: concept
  short: A second entry with a used id.
  long: It repeats an id.
  sources: [wire-2020-ipo]
"""

GLOSSARY_CASES = [
    case(
        "tooltip-too-long",
        replace(GLOSSARY, CAPEX_SHORT, "short: " + "Money spent on long-lasting assets. " * 5),
        "data/glossary.yml:23: glossary entry 'capex': 'short' is 179 characters long; the limit is 160",
    ),
    case(
        "script-in-tooltip",
        replace(GLOSSARY, "short: China's central bank.", "short: <script>alert(1)</script>"),
        "data/glossary.yml:37: glossary entry 'pboc': 'short' is plain text: write it without < or > (no HTML)"
        ' (got "<script>alert(1)</script>")',
    ),
    case(
        "glossary-cites-unknown-source",
        replace(GLOSSARY, "sources: [company-2023-split]\n- id: qwen", "sources: [nobody-2020]\n- id: qwen"),
        "data/glossary.yml:25: glossary entry 'capex' cites unknown source 'nobody-2020'",
    ),
    case(
        "glossary-relates-to-unknown-entry",
        replace(GLOSSARY, "related: [jack-ma, pboc]", "related: [jack-ma, pbc]"),
        "data/glossary.yml:18: glossary entry 'ant-group' cites unknown entry 'pbc'",
    ),
    case(
        "glossary-relates-to-itself",
        replace(GLOSSARY, "related: [ant-group]", "related: [jack-ma]"),
        "data/glossary.yml:10: glossary entry 'jack-ma' lists itself",
    ),
    case(
        "glossary-duplicate-id",
        append(GLOSSARY, SECOND_CAPEX),
        "data/glossary.yml:46: duplicate id 'capex' (first used on line 19)",
    ),
    case(
        "glossary-alias-claimed-twice",
        replace(GLOSSARY, "aliases: [Tongyi Qianwen]", "aliases: [Ant]"),
        "data/glossary.yml:28: glossary entry 'qwen': 'Ant' is already claimed by entry 'ant-group' (line 13)",
    ),
    case(
        "raw-html-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The <script>alert(1)</script> bank."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' is Markdown without raw HTML: write it without <"
        ' (links as [text](url)) (got "The <script>alert(1)</script> bank.")',
    ),
    case(
        "javascript-link-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The [bank](javascript:alert(1))."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' links to 'javascript:alert(1)'; use https:// or a link"
        " within the site",
    ),
    case(
        "http-link-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The [bank](http://example.com/bank)."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' links to 'http://example.com/bank'; use https:// or a"
        " link within the site",
    ),
    case(
        "event-handler-in-glossary-explanation",
        replace(
            GLOSSARY, "long: The central bank.", "long: 'The [bank](https://e.com/){: onmouseover=\"alert(1)\" }.'"
        ),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' has an attribute 'onmouseover' on <a>"
        " (not allowed in data)",
    ),
    case(
        "style-on-a-glossary-paragraph",
        replace(GLOSSARY, "long: The central bank.", 'long: |\n    The central bank.\n    {: style="position:fixed" }'),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' has an attribute 'style' on <p> (not allowed in data)",
    ),
    case(
        "footnote-in-glossary-explanation",
        replace(
            GLOSSARY, "long: The central bank.", "long: |\n    The bank.[^x]\n\n    [^x]: [click](javascript:alert(1))"
        ),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' has a footnote ([^…]), which is not allowed in data",
    ),
    case(
        "entity-split-javascript-link-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The [bank](java&#9;script:alert(1))."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' links to 'java\\tscript:alert(1)'; use https:// or a link"
        " within the site",
    ),
    case(
        "heading-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: '# The central bank'"),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' has a <h1> element (a heading; not allowed in data)",
    ),
    case(
        "nested-brackets-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The [[central]] bank."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' has a [ inside [ ]; data Markdown allows one level"
        " (links are written [text](url))",
    ),
    case(
        "glossary-explanation-too-long",
        replace(GLOSSARY, "long: The central bank.", "long: " + "The central bank. " * 90),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' is 1619 characters long; the limit is 1500",
    ),
    case(
        "remote-image-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The bank ![logo](https://example.com/logo.png)."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' embeds an image; the site loads nothing from other"
        " hosts, so describe it in words",
    ),
    case(
        "unknown-entry-in-glossary-explanation",
        replace(GLOSSARY, "long: The central bank.", "long: The [bank](glossary:no-such-entry)."),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' links to unknown glossary entry 'no-such-entry'",
    ),
    case(
        "glossary-explanation-missing",
        replace(GLOSSARY, "  long: The central bank.\n", ""),
        "data/glossary.yml:33: glossary entry 'pboc': missing required key 'long'",
    ),
    case(
        "glossary-unknown-category",
        replace(GLOSSARY, "category: concept", "category: idea"),
        "data/glossary.yml:22: glossary entry 'capex': category 'idea' is not one of the glossary categories in"
        " data/story.yml (person, organization, product, concept); add it there or use one of them",
    ),
    case(
        "glossary-alias-repeats-the-term",
        replace(GLOSSARY, "aliases: [Tongyi Qianwen]", "aliases: [Qwen]"),
        "data/glossary.yml:28: glossary entry 'qwen': 'Qwen' is already claimed by this entry (line 27)",
    ),
    case(
        "glossary-unknown-key",
        replace(GLOSSARY, "  aliases: [Tongyi Qianwen]\n", "  aliases: [Tongyi Qianwen]\n  see: [capex]\n"),
        "data/glossary.yml:29: glossary entry 'qwen': unknown key 'see' (allowed: id, term, aliases, category,"
        " short, long, sources, related, mark)",
    ),
    case(
        "glossary-id-none",
        replace(GLOSSARY, "id: qwen", "id: none"),
        "data/glossary.yml:26: glossary entry 'none': 'id' must be lowercase letters, digits and single hyphens,"
        " like 'joe-tsai' (not 'none', not starting 'category-') (got \"none\")",
    ),
    case(
        "glossary-alias-not-a-whole-word",
        replace(GLOSSARY, "aliases: [Tongyi Qianwen]", "aliases: [' Tongyi.']"),
        "data/glossary.yml:28: glossary entry 'qwen': 'aliases[0]' must start and end with a letter or digit, on"
        ' one line, without < or > (mentions match whole words) (got " Tongyi.")',
    ),
    case(
        "page-links-unknown-glossary-entry",
        replace("docs/story/glossary-every.md", "glossary:ant-group", "glossary:ant-grop"),
        "docs/story/glossary-every.md:10: links to unknown glossary entry 'ant-grop' (not in data/glossary.yml)",
        layer=PAGE,
    ),
    case(
        "page-front-matter-unknown-value",
        replace("docs/story/glossary-every.md", "glossary: every\n---", "glossary: all\n---"),
        "docs/story/glossary-every.md:4: front matter 'glossary' must be one of: first, every, off",
        layer=PAGE,
    ),
    case(
        "glossary-entry-cites-unknown-source",
        replace(
            GLOSSARY, "sources: [wire-2020-ipo]\n  related: [ant-group]", "sources: [wire-2021]\n  related: [ant-group]"
        ),
        "data/glossary.yml:9: glossary entry 'jack-ma' cites unknown source 'wire-2021'",
    ),
    case(
        "glossary-entry-never-mentioned",
        append(
            GLOSSARY,
            "- id: unused\n  term: Nobody Here\n  category: concept\n  short: S.\n  long: L.\n"
            "  sources: [wire-2020-ipo]\n",
        ),
        "data/glossary.yml:46: glossary entry 'unused' is never mentioned on a story page (add a mention or remove"
        " the entry)",
        layer=PAGES,
        level="warning",
    ),
    case(
        "glossary-alias-never-matches",
        replace(GLOSSARY, "aliases: [Tongyi Qianwen]", "aliases: [Tongyi Qianwen, Qwen-Max]"),
        "data/glossary.yml:28: glossary entry 'qwen': alias 'Qwen-Max' never matches the text of a story page",
        layer=PAGES,
        level="warning",
    ),
    case(
        "details-ontoggle-in-glossary-explanation",
        replace(
            GLOSSARY,
            "long: The central bank.",
            "long: '<details open ontoggle=alert(1)><summary>x</summary></details>'",
        ),
        "data/glossary.yml:38: glossary entry 'pboc': 'long' is Markdown without raw HTML: write it without <"
        ' (links as [text](url)) (got "<details open ontoggle=alert(1)><summary>x</summary></de...)',
    ),
]

STORY = "data/story.yml"
STATE_MEDIA = "  state-media:  # a stake in the story, not a tie to the subject\n    independent: true\n"

# The story's vocabulary (data/story.yml). A misspelt top-level key is not here: the story then lacks what the
# other data files use, and they are reported too (tests/test_vocabulary.py).
STORY_CASES = [
    case(
        "story-relationship-without-independent",
        replace(STORY, "    independent: true\n", ""),
        "data/story.yml:19: relationship 'state-media': missing required key 'independent'; write independent: true"
        " if such a source counts as independent of the subject on every page, else independent: false",
    ),
    case(
        "story-independent-that-is-not",
        replace(STORY, STATE_MEDIA, "  independent:\n    independent: false\n"),
        "data/story.yml:20: relationship 'independent' must count as independent (independent: true); give a tie"
        " of another kind a key of its own",
    ),
    case(
        "story-dates-swapped",
        replace(STORY, '  start: "2020-10"\n  end: "2026-06"', '  start: "2026-06"\n  end: "2020-10"'),
        "data/story.yml:7: dates: start (June 2026) is after end (October 2020); swap them",
    ),
    case(
        "story-unit-built-in",
        replace(STORY, "units:\n", "units:\n  percent: {axis: per cent}\n"),
        "data/story.yml:25: unit 'percent' is built in; give your own unit another key, or remove this one",
    ),
    case(
        "story-correction-kind-without-label",
        replace(STORY, "      label: Translation note\n      heading: Translation notes\n", ""),
        "data/story.yml:38: correction kind 'translation': a kind of the site's own needs label: and heading:"
        " (how a note introduces itself, and the heading of its list); add them",
    ),
    case(
        "story-source-kind-without-heading",
        append(STORY, "\nsources:\n  kinds:\n    filing: {description: A court filing.}\n"),
        "data/story.yml:48: source kind 'filing': a kind of the site's own needs heading: (the heading of its group"
        " on the Sources page); add it",
    ),
    case(
        "story-headline-events-min-above-max",
        append(STORY, "\ntimeline:\n  headline_events: {min: 8, max: 4}\n"),
        "data/story.yml:47: timeline: headline_events min (8) is more than max (4); lower min or raise max",
    ),
]

EVENT_CASES = [
    case(
        "value-not-in-list",
        replace(EVENTS, "precision: month", "precision: week"),
        "data/events.yml:14: event 'group-split': 'precision' must be one of: day, month, year (got \"week\")",
    ),
    case(
        "event-impossible-date",
        replace(EVENTS, '"2020-11-03"', '"2023-02-30"'),
        "data/events.yml:3: event 'ipo-halted': '2023-02-30' is not a real date (February 2023 has no day 30)",
    ),
    case(
        "event-outside-story-range-unflagged",
        replace(EVENTS, '"2020-10-24"', '"2019-10-24"'),
        "data/events.yml:22: event 'cases-first-week': date '2019-10-24' is outside the story's span"
        " (October 2020 to June 2026, dates: in data/story.yml); widen the span there, or, if the event is"
        " background, add outside_story_range: true",
    ),
    case(
        "event-flagged-but-inside-range",
        replace(
            EVENTS,
            "  section: the-fall\n  involved: []",
            "  section: the-fall\n  involved: []\n  outside_story_range: true",
        ),
        "data/events.yml:13: event 'group-split': date '2023-03' is inside the story's span"
        " (October 2020 to June 2026, dates: in data/story.yml); remove outside_story_range",
    ),
    case(
        "event-precision-finer-than-date",
        replace(EVENTS, "precision: month", "precision: day"),
        "data/events.yml:13: event 'group-split': date '2023-03' is written to the month but precision is 'day';"
        " give the full date or lower the precision",
    ),
    case(
        "event-month-written-as-year",
        replace(EVENTS, "precision: month", "precision: year"),
        "data/events.yml:13: event 'group-split': date '2023-03' is written to the month but precision is 'year';"
        " write '2023' (a year-level date is never shown as a month)",
    ),
    case(
        "event-month-13",
        replace(EVENTS, '"2023-03"', '"2023-13"'),
        "data/events.yml:13: event 'group-split': '2023-13' has no month 13",
    ),
    case(
        "event-just-before-the-story-span",
        replace(EVENTS, '"2020-11-03"', '"2020-09-30"'),
        "data/events.yml:3: event 'ipo-halted': date '2020-09-30' is outside the story's span"
        " (October 2020 to June 2026, dates: in data/story.yml); widen the span there, or, if the event is"
        " background, add outside_story_range: true",
    ),
    case(
        "event-just-after-the-story-span",
        replace(EVENTS, '"2023-03"', '"2026-07"'),
        "data/events.yml:13: event 'group-split': date '2026-07' is outside the story's span"
        " (October 2020 to June 2026, dates: in data/story.yml); widen the span there, or, if the event is"
        " background, add outside_story_range: true",
    ),
    case(
        "event-summary-of-four-sentences",
        replace(
            EVENTS,
            "summary: The group said it would reorganize into six business groups.",
            "summary: One. Two. Three. Four.",
        ),
        "data/events.yml:16: event 'group-split': summary has 4 sentences; write one to three",
    ),
    case(
        "event-names-unknown-section",
        replace(EVENTS, "section: timeline-cases", "section: the-rise"),
        "data/events.yml:27: event 'cases-first-week' names unknown section 'the-rise'"
        " (story pages: glossary-cases, glossary-every, the-fall, timeline-cases)",
        layer=PAGES,
    ),
    case(
        "event-involves-unknown-glossary-entry",
        replace(EVENTS, "involved: [ant-group, jack-ma]", "involved: [ant-group, jack-mo]"),
        "data/events.yml:9: event 'ipo-halted' cites unknown glossary id 'jack-mo'",
    ),
    case(
        "event-cites-unknown-source",
        replace(EVENTS, "sources: [company-2023-split]", "sources: [company-2024-split]"),
        "data/events.yml:18: event 'group-split' cites unknown source 'company-2024-split'",
    ),
    case(
        "event-title-too-long",
        replace(EVENTS, "title: The group splits into six parts", "title: " + "The group splits into six parts " * 3),
        "data/events.yml:15: event 'group-split': 'title' is 95 characters long; the limit is 80",
    ),
    case(
        "event-amount-as-text",
        replace(EVENTS, "amount: 34.5", "amount: '34.5'"),
        "data/events.yml:11: event 'ipo-halted': 'figures[0].amount' must be a number (got \"34.5\")",
    ),
    case(
        "event-amount-not-a-number",
        replace(EVENTS, "amount: 34.5", "amount: .nan"),
        "data/events.yml:11: .nan is not a number a reader can use; write one",
    ),
    case(
        "event-in-year-zero",
        replace(EVENTS, '  date: "2020-10-24"', '  date: "0000-02-29"\n  outside_story_range: true'),
        "data/events.yml:22: event 'cases-first-week': '0000-02-29' is not a year this site can show"
        " (it shows 1000 to 2999)",
    ),
    case(
        "event-unknown-currency",
        replace(EVENTS, "currency: USD", "currency: EUR"),
        "data/events.yml:11: event 'ipo-halted': currency 'EUR' is not one of the currencies in data/story.yml"
        " (USD); add it there or use one of them",
    ),
    case(
        "marker-misspelled",
        replace(TIMELINE_CASES, "<!-- key-dates -->", "<!-- key dates -->"),
        "docs/story/timeline-cases.md:7: unknown marker '<!-- key dates -->'; write <!-- key-dates -->",
        layer=PAGE,
    ),
    case(
        "marker-twice",
        replace(TIMELINE_CASES, "<!-- key-dates -->", "<!-- key-dates -->\n\n<!-- key-dates -->"),
        "docs/story/timeline-cases.md:7: the <!-- key-dates --> marker appears 2 times; keep one",
        layer=PAGE,
    ),
    case(
        "marker-naming-nothing",
        replace(EVENTS, "section: timeline-cases", "section: the-fall"),
        "docs/story/timeline-cases.md:7: <!-- key-dates -->: no event in data/events.yml has section 'timeline-cases'; "
        "give this chapter's events `section: timeline-cases`, or remove the marker",
        layer=PAGE,
    ),
    case(
        "marker-outside-the-story",
        replace("docs/index.md", "# Fixture home", "<!-- key-dates -->\n\n# Fixture home"),
        "docs/index.md:5: <!-- key-dates --> belongs on a story page (docs/story/*.md)",
        layer=PAGE,
    ),
    case(
        "event-link-after-a-code-example-of-it",
        append(TIMELINE_CASES, "\nA real [link](event:no-such-event).\n"),
        "docs/story/timeline-cases.md:13: links unknown event 'no-such-event' (not in data/events.yml)",
        layer=PAGE,
    ),
    case(
        "page-links-unknown-event",
        replace(TIMELINE_CASES, "event:ipo-halted", "event:ipo-haltd"),
        "docs/story/timeline-cases.md:9: links unknown event 'ipo-haltd' (not in data/events.yml)",
        layer=PAGE,
    ),
    case(
        "event-month-written-as-day",
        replace(EVENTS, 'date: "2023-03"', 'date: "2023-03-01"'),
        "data/events.yml:13: event 'group-split': date '2023-03-01' is written to the day but precision is "
        "'month'; write '2023-03' (a month-level date is never shown as a day)",
    ),
    case(
        "event-duplicate-id",
        replace(EVENTS, "- id: group-split", "- id: ipo-halted"),
        "data/events.yml:12: duplicate id 'ipo-halted' (first used on line 2)",
    ),
    case(
        "event-unknown-key",
        replace(EVENTS, "  section: timeline-cases\n", "  section: timeline-cases\n  place: Shanghai\n"),
        "data/events.yml:28: event 'cases-first-week': unknown key 'place' (allowed: id, date, precision, title, "
        "summary, sources, section, involved, figures, date_note, outside_story_range, headline)",
    ),
    case(
        "event-headline-not-boolean",
        replace(EVENTS, "  section: timeline-cases\n", '  section: timeline-cases\n  headline: "yes"\n'),
        "data/events.yml:28: event 'cases-first-week': 'headline' must be true or false (got \"yes\")",
    ),
    case(
        "event-unknown-figure-key",
        replace(EVENTS, "    - {amount: 34.5,", "    - {amount: 34.5, scale: x,"),
        "data/events.yml:11: event 'ipo-halted': unknown key 'scale' (allowed: amount, unit, currency, label)",
    ),
    case(
        "event-without-sources",
        replace(EVENTS, "  sources: [company-2023-split]\n", "  sources: []\n"),
        "data/events.yml:18: event 'group-split': 'sources' needs at least 1 item",
    ),
    case(
        "events-without-marker",
        replace(THE_FALL, "<!-- key-dates -->", ""),
        "docs/story/the-fall.md:5: section 'the-fall' has 2 events but no <!-- key-dates --> marker to show them",
        layer=PAGE,
    ),
]

CORRECTION_CASES = [
    case(
        "correction-cites-unknown-source",
        replace(CORRECTIONS, "sources: [company-2023-split]", "sources: [nobody]"),
        "data/corrections.yml:33: correction 'statement-date' cites unknown source 'nobody'",
    ),
    case(
        "correction-issued-without-day",
        replace(CORRECTIONS, 'issued: "2026-11-25"', 'issued: "2026-11"'),
        "data/corrections.yml:29: correction 'statement-date': 'issued' must be the day it was published,"
        ' written "YYYY-MM-DD" in quotes (got "2026-11")',
    ),
    case(
        "correction-impossible-date",
        replace(CORRECTIONS, 'issued: "2026-11-25"', 'issued: "2026-02-30"'),
        "data/corrections.yml:29: correction 'statement-date': '2026-02-30' is not a real date"
        " (February 2026 has no day 30)",
    ),
    case(
        "correction-duplicate-id",
        replace(CORRECTIONS, "id: dan-ives", "id: hugging-face"),
        "data/corrections.yml:10: duplicate id 'hugging-face' (first used on line 2)",
    ),
    case(
        "html-in-correction",
        replace(
            CORRECTIONS,
            "correction: The statement came after the listing was halted.",
            "correction: The <em>statement</em> came later.",
        ),
        "data/corrections.yml:32: correction 'statement-date': 'correction' is plain text: write it without < or >"
        ' (no HTML) (got "The <em>statement</em> came later.")',
    ),
    case(
        "correction-anchor-edited-out-of-the-page",
        replace("docs/corrected.md", "analyst Dan Ives.", "analyst Dan Evans."),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Dan Ives\" does not occur in docs/corrected.md; "
        "copy an exact phrase from the page's text (not from a heading, link or code)",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-anchor-made-ambiguous-on-the-page",
        replace("docs/corrected.md", "Twice: a phrase", "Twice: Dan Ives"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Dan Ives\" occurs 2 times in docs/corrected.md; "
        "make it longer so it is unique",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-cites-an-unknown-source-among-others",
        replace(CORRECTIONS, "[wire-2020-ipo, company-2023-split]", "[wire-2020-ipo, reuters-2099]"),
        "data/corrections.yml:17: correction 'dan-ives' cites unknown source 'reuters-2099'",
    ),
    case(
        "script-in-correction",
        replace(
            CORRECTIONS,
            "correction: The analyst is Dan Ives",
            "correction: <script>alert(1)</script> The analyst is Dan Ives",
        ),
        "data/corrections.yml:16: correction 'dan-ives': 'correction' is plain text: write it without < or > "
        '(no HTML) (got "<script>alert(1)</script> The analyst is Dan Ives of Wed...)',
    ),
    case(
        "correction-wrong-quote-too-long",
        replace(CORRECTIONS, "wrong: Dan Evez", "wrong: one two three four five six seven eight"),
        "data/corrections.yml:15: correction 'dan-ives': 'wrong' is a brief plain-text quote: at most 7 words, "
        'no < or > (got "one two three four five six seven eight")',
    ),
    case(
        "correction-issued-on-an-impossible-date",
        replace(
            CORRECTIONS,
            'issued: "2026-11-20"\n  kind: translation\n  wrong: Dan Evez',
            'issued: "2026-02-30"\n  kind: translation\n  wrong: Dan Evez',
        ),
        "data/corrections.yml:13: correction 'dan-ives': '2026-02-30' is not a real date (February 2026 has no day 30)",
    ),
]

FIGURES = "data/figures.yml"
GROUP_VALUE = "series 'group-value'"
CLOUD_GROWTH = "series 'cloud-growth'"
PEAK_NOTE = "      note: The two sources disagree about the peak.\n"

FIGURE_CASES = [
    case(
        "figure-unknown-unit",
        replace(FIGURES, "unit: usd-billion", "unit: eur-billion"),
        f"data/figures.yml:4: {GROUP_VALUE}: unit 'eur-billion' is not one of the units in data/story.yml"
        " (percent, count, usd-billion); add it there or use one of them",
    ),
    case(
        "figure-outside-story-range",
        replace(FIGURES, '"2023-06"', '"2026-09"'),
        f"data/figures.yml:29: {CLOUD_GROWTH}: date '2026-09' is outside the story's span (October 2020 to June"
        " 2026, dates: in data/story.yml); only figures within it are drawn: widen the span there, or leave the"
        " point out",
    ),
    case(
        "figure-without-source",
        replace(FIGURES, "      sources: [wire-2020-ipo]\n      event: ipo-halted", "      event: ipo-halted"),
        f"data/figures.yml:12: {GROUP_VALUE}: missing required key 'sources'",
    ),
    case(
        "figure-sources-empty",
        replace(FIGURES, "sources: [wire-2020-ipo]\n      event", "sources: []\n      event"),
        f"data/figures.yml:14: {GROUP_VALUE}: 'points[1].sources' needs at least 1 item",
    ),
    case(
        "figure-mixed-units",
        replace(FIGURES, "      unit: percent", "      unit: usd-billion"),
        f"data/figures.yml:31: {CLOUD_GROWTH}: the point dated '2023-06' is in usd-billion but the series is in"
        " percent; a chart has one unit (convert with a sourced rate, or start another series)",
    ),
    case(
        "figure-cites-unknown-source",
        replace(FIGURES, "sources: [wire-2020-ipo]\n      event", "sources: [wire-2021-ipo]\n      event"),
        f"data/figures.yml:14: {GROUP_VALUE} cites unknown source 'wire-2021-ipo'",
    ),
    case(
        "figure-names-unknown-event",
        replace(FIGURES, "event: ipo-halted", "event: ipo-haltd"),
        f"data/figures.yml:15: {GROUP_VALUE} cites unknown event 'ipo-haltd'",
    ),
    case(
        "figures-out-of-order",
        replace(FIGURES, '"2023-06"', '"2023-01"'),
        f"data/figures.yml:29: {CLOUD_GROWTH}: the point dated '2023-01' comes after '2023-03'; list points oldest"
        " first",
    ),
    case(
        "figures-same-date-twice",
        replace(FIGURES, '"2023-06"', '"2023-03"'),
        f"data/figures.yml:29: {CLOUD_GROWTH}: two points are dated '2023-03' (the first on line 26); one point per"
        " date",
    ),
    case(
        "figure-inside-the-previous-month",
        replace(FIGURES, '"2023-06"', '"2023-03-15"'),
        f"data/figures.yml:29: {CLOUD_GROWTH}: the point dated '2023-03-15' falls within '2023-03', the previous"
        " point's date; give each point its own date",
    ),
    case(
        "figure-impossible-date",
        replace(FIGURES, '"2020-11-03"', '"2020-11-31"'),
        f"data/figures.yml:12: {GROUP_VALUE}: '2020-11-31' is not a real date (November 2020 has no day 31)",
    ),
    case(
        "figure-without-value",
        replace(FIGURES, "      value: 700\n", ""),
        f"data/figures.yml:12: {GROUP_VALUE}: the point dated '2020-11-03' has no value; give value, or low and"
        " high where sources disagree",
    ),
    case(
        "figure-value-and-range",
        replace(FIGURES, "      low: 830\n", "      low: 830\n      value: 840\n"),
        f"data/figures.yml:9: {GROUP_VALUE}: the point dated '2020-10' gives both value and low/high; give one"
        " value, or a range where sources disagree",
    ),
    case(
        "figure-range-half-given",
        replace(FIGURES, "      high: 858\n", ""),
        f"data/figures.yml:8: {GROUP_VALUE}: the point dated '2020-10' gives low without high; a range needs both",
    ),
    case(
        "figure-range-upside-down",
        replace(FIGURES, "low: 830", "low: 900"),
        f"data/figures.yml:8: {GROUP_VALUE}: the point dated '2020-10' has low 900 not below high 858; a range"
        " runs low to high",
    ),
    case(
        "figure-range-without-note",
        replace(FIGURES, PEAK_NOTE, ""),
        f"data/figures.yml:9: {GROUP_VALUE}: the point dated '2020-10' is a range but has no note; say which"
        " source gave which figure",
    ),
    case(
        "figure-value-as-text",
        replace(FIGURES, "value: 700", "value: '700'"),
        f"data/figures.yml:13: {GROUP_VALUE}: 'points[1].value' must be a number (got \"700\")",
    ),
    case(
        "html-in-figure-note",
        replace(FIGURES, "note: Month-level figure.", "note: <b>Month</b>-level figure."),
        f"data/figures.yml:19: {GROUP_VALUE}: 'points[2].note' is plain text: write it without < or > (no HTML)"
        ' (got "<b>Month</b>-level figure.")',
    ),
]

CHART_MARKER = "<!-- chart: group-value -->"
CHART_FORMS = (
    "<!-- chart: SERIES-ID --> or <!-- chart: SERIES-ID events: EVENT-ID, EVENT-ID"
    ' from: YYYY-MM to: YYYY-MM title: "..." --> (each field optional)'
)


def ties_page(text: str) -> Edit:
    """docs/ties.md rewritten as `text`, ending with the phrase its single-source claim is anchored to
    (data/sources.yml), so that only the mistake in `text` is found."""
    return write("docs/ties.md", text + "\nThe group was fined.\n")


CHART_CASES = [
    case(
        "chart-unknown-series",
        replace(THE_FALL, CHART_MARKER, "<!-- chart: group-valeu -->"),
        "docs/story/the-fall.md:15: chart marker names unknown series 'group-valeu' (not in data/figures.yml)",
        layer=PAGE,
    ),
    case(
        "chart-unknown-event",
        replace("docs/index.md", "events: ipo-halted -->", "events: ipo-haltd -->"),
        "docs/index.md:11: chart 'cloud-growth' marks unknown event 'ipo-haltd' (not in data/events.yml)",
        layer=PAGE,
    ),
    case(
        "chart-marker-misspelt",
        replace(THE_FALL, CHART_MARKER, "<!-- chart group-value -->"),
        f"docs/story/the-fall.md:15: unknown chart marker '<!-- chart group-value -->'; write {CHART_FORMS}",
        layer=PAGE,
    ),
    case(
        "chart-twice-on-a-page",
        append(THE_FALL, f"\n{CHART_MARKER}\n"),
        "docs/story/the-fall.md:23: the chart 'group-value' is already on this page (line 15); show each series"
        " once per page",
        layer=PAGE,
    ),
    # A page of its own (docs/ties.md, no story page, so no Key dates are expected of it) with one marker mistake.
    case(
        "chart-marker-names-a-misspelt-series",
        ties_page("# Page\n\n<!-- chart: group-valu -->\n"),
        "docs/ties.md:3: chart marker names unknown series 'group-valu' (not in data/figures.yml)",
        layer=PAGE,
    ),
    case(
        "chart-marks-one-unknown-event-of-two",
        ties_page("# Page\n\nText.\n\n<!-- chart: group-value events: ipo-halted, ipo-haltd -->\n"),
        "docs/ties.md:5: chart 'group-value' marks unknown event 'ipo-haltd' (not in data/events.yml)",
        layer=PAGE,
    ),
    case(
        "chart-marker-plural",
        ties_page("# Page\n\n<!-- charts: group-value -->\n"),
        f"docs/ties.md:3: unknown chart marker '<!-- charts: group-value -->'; write {CHART_FORMS}",
        layer=PAGE,
    ),
    case(
        "chart-marker-capitalized",
        ties_page("# Page\n\n<!-- Chart: group-value -->\n"),
        f"docs/ties.md:3: unknown chart marker '<!-- Chart: group-value -->'; write {CHART_FORMS}",
        layer=PAGE,
    ),
    case(
        "chart-marker-without-colon",
        ties_page("# Page\n\n<!-- chart group-value -->\n"),
        f"docs/ties.md:3: unknown chart marker '<!-- chart group-value -->'; write {CHART_FORMS}",
        layer=PAGE,
    ),
    case(
        "chart-twice-with-events-the-second-time",
        ties_page(
            "# Page\n\n<!-- chart: group-value -->\n\nMore.\n\n<!-- chart: group-value events: group-split -->\n",
        ),
        "docs/ties.md:7: the chart 'group-value' is already on this page (line 3); show each series once per page",
        layer=PAGE,
    ),
    case(
        "chart-marker-unknown-field",
        ties_page("# Page\n\n<!-- chart: group-value form: 2020-10 -->\n"),
        (
            "docs/ties.md:3: chart marker for 'group-value': unknown field 'form:'; a chart marker may "
            "give events:, from:, to:, title:; write " + CHART_FORMS
        ),
        layer=PAGE,
    ),
    case(
        "chart-title-unquoted",
        ties_page("# Page\n\n<!-- chart: group-value title: Half of it gone -->\n"),
        (
            "docs/ties.md:3: chart marker for 'group-value': 'title:' takes a quoted text, title: "
            '"..."; write ' + CHART_FORMS
        ),
        layer=PAGE,
    ),
    case(
        "chart-from-quoted",
        ties_page('# Page\n\n<!-- chart: group-value from: "2020-10" -->\n'),
        (
            "docs/ties.md:3: chart marker for 'group-value': 'from:' takes a date, not a quoted text; "
            "write " + CHART_FORMS
        ),
        layer=PAGE,
    ),
    case(
        "chart-from-twice",
        ties_page("# Page\n\n<!-- chart: group-value from: 2020-10 from: 2021-01 -->\n"),
        ("docs/ties.md:3: chart marker for 'group-value': gives 'from:' twice; give it once; write " + CHART_FORMS),
        layer=PAGE,
    ),
    case(
        "chart-from-month-13",
        ties_page("# Page\n\n<!-- chart: group-value from: 2020-13 -->\n"),
        "docs/ties.md:3: chart 'group-value': 'from:' '2020-13' has no month 13",
        layer=PAGE,
    ),
    case(
        "chart-period-backwards",
        ties_page("# Page\n\n<!-- chart: group-value from: 2021-06 to: 2021-01 -->\n"),
        "docs/ties.md:3: chart 'group-value': 'from: 2021-06' is not before 'to: 2021-01'; the "
        "period runs from: to: to:",
        layer=PAGE,
    ),
    case(  # the side not given is the series' first point (it crashed the build with KeyError)
        "chart-period-to-before-the-first-point",
        ties_page("# Page\n\n<!-- chart: group-value to: 2019 -->\n"),
        "docs/ties.md:3: chart 'group-value': its first point (October 2020) is not before 'to: 2019'; the"
        " period runs from: to: to:",
        layer=PAGE,
    ),
    case(
        "chart-period-from-after-the-last-point",
        ties_page("# Page\n\n<!-- chart: group-value from: 2030 -->\n"),
        "docs/ties.md:3: chart 'group-value': 'from: 2030' is not before its last point (March 2023); the period"
        " runs from: to: to:",
        layer=PAGE,
    ),
    case(
        "chart-period-without-points",
        ties_page("# Page\n\n<!-- chart: group-value from: 2021 to: 2022 -->\n"),
        "docs/ties.md:3: chart 'group-value' has no point in the period its marker gives (from: "
        "2021 to: 2022); its points run from October 2020 to March 2023: change from: or to:",
        layer=PAGE,
    ),
    case(
        "chart-event-outside-its-period",
        ties_page("# Page\n\n<!-- chart: group-value events: group-split to: 2020-12 -->\n"),
        "docs/ties.md:3: chart 'group-value' marks event 'group-split' (March 2023), outside the "
        "period its marker gives (to: 2020-12); widen from: or to:, or leave the event out",
        layer=PAGE,
    ),
    case(
        "chart-title-empty",
        ties_page('# Page\n\n<!-- chart: group-value title: "" -->\n'),
        "docs/ties.md:3: chart 'group-value': the title is empty; write the chart's takeaway, title: \"...\"",
        layer=PAGE,
    ),
    case(
        "chart-title-too-long",
        ties_page('# Page\n\n<!-- chart: group-value title: "' + "Long " * 30 + '" -->\n'),
        "docs/ties.md:3: chart 'group-value': the title has 149 characters; a takeaway has at most 110",
        layer=PAGE,
    ),
    case(
        "chart-marker-stray-text",
        ties_page('# Page\n\n<!-- chart: group-value from: 2021 "stray" to: 2022 -->\n'),
        "docs/ties.md:3: chart marker for 'group-value': cannot read '\"stray\" to: 2022'; write"
        " <!-- chart: SERIES-ID --> or <!-- chart: SERIES-ID events: EVENT-ID, EVENT-ID from: YYYY-MM to: YYYY-MM"
        ' title: "..." --> (each field optional)',
        layer=PAGE,
    ),
]

# Mistakes in data found against a page (a correction's anchor), or that need the list of all pages or
# MkDocs' link checks.
NEEDS_PAGE_TEXT = "; copy an exact phrase from the page's text (not from a heading, link or code)"


def fixture_config_line(text: str) -> int:
    """The line of `text` in the fixture project's mkdocs.yml (written from the real one by write_project)."""
    with tempfile.TemporaryDirectory() as folder:
        config = write_project(Path(folder) / "project") / "mkdocs.yml"
        return config.read_text(encoding="utf-8").splitlines().index(text) + 1


BUILD_ONLY_CASES = [
    case(
        "page-links-to-a-missing-page",
        replace(THE_FALL, "The group split into six parts.", "The group split into [six parts](nowhere.md)."),
        "docs/story/the-fall.md:13: link 'nowhere.md' leads to no file: there is no docs/story/nowhere.md",
        layer=SITE,
        level="warning",
    ),
    # MkDocs reads mkdocs.yml before any hook runs, so only the quick check (and `mkdocs serve`, on a rebuild:
    # tests/test_serve.py) words this one; `mkdocs build` prints MkDocs' own message.
    case(
        "tab-in-mkdocs-yml",
        replace("mkdocs.yml", "theme:\n  ", "theme:\n\t"),
        f"mkdocs.yml:{fixture_config_line('theme:') + 1}: YAML syntax error: tab character; indent with spaces",
        layer=SITE,
        stops=True,
    ),
    case(
        "correction-on-unknown-page",
        replace(CORRECTIONS, "page: corrected.md\n  anchor: Dan Ives", "page: story/nowhere.md\n  anchor: Dan Ives"),
        "data/corrections.yml:11: correction 'dan-ives' is on unknown page 'story/nowhere.md'",
        layer=PAGES,
    ),
    case(
        "correction-anchor-missing",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Dan Ivess"),
        f"data/corrections.yml:12: correction 'dan-ives' anchor \"Dan Ivess\" does not occur in docs/corrected.md"
        f"{NEEDS_PAGE_TEXT}",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-anchor-ambiguous",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: a phrase"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"a phrase\" occurs 2 times in docs/corrected.md;"
        " make it longer so it is unique",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-anchor-in-heading",
        replace(CORRECTIONS, "anchor: regulator's statement", "anchor: in a heading"),
        "data/corrections.yml:28: correction 'statement-date' anchor \"in a heading\" does not occur in"
        f" docs/corrected.md{NEEDS_PAGE_TEXT}",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-anchor-in-link",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Hugging Face link"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Hugging Face link\" does not occur in"
        f" docs/corrected.md{NEEDS_PAGE_TEXT}",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "correction-anchors-overlap",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Face, a hub"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Face, a hub\" overlaps another correction's anchor"
        " in docs/corrected.md; choose phrases that do not share words",
        layer=PAGE,
        page="corrected.md",
    ),
    case(
        "single-source-on-unknown-page",
        replace(SOURCES, "page: ties.md", "page: story/nowhere.md"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: page 'story/nowhere.md' is not a page"
        " of the site; give a page's path inside docs/",
        layer=PAGES,
    ),
    case(
        "single-source-anchor-missing",
        replace(SOURCES, "anchor: The group was fined", "anchor: The group was fined twice"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: anchor \"The group was fined twice\""
        " does not occur in docs/ties.md; copy an exact phrase from the page's text (not from a heading, link, note"
        " or code)",
        layer=PAGE,
        page="ties.md",
    ),
    case(
        "single-source-anchor-ambiguous",
        replace(SOURCES, "anchor: The group was fined", "anchor: The group"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: anchor \"The group\" occurs 2 times in"
        " docs/ties.md; make it longer so it is unique",
        layer=PAGE,
        page="ties.md",
    ),
    case(
        "single-source-anchors-overlap",
        replace(
            SOURCES,
            FINE_CLAIM,
            f'{FINE_CLAIM[:-1]}, {{claim: "Who", page: ties.md, anchor: The group announced}},'
            ' {claim: "What", page: ties.md, anchor: announced the split}]',
        ),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 3: anchor \"announced the split\" overlaps"
        " another anchor in docs/ties.md; choose a phrase that shares no words with it",
        layer=PAGE,
        page="ties.md",
    ),
    case(
        "single-source-point-not-shown",
        replace(SOURCES, FINE_CLAIM, '[{claim: "The size", figure: group-value, date: "2020-10"}]'),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: no chart shows a point of"
        " 'group-value' dated 2020-10 citing this source; give the date of a point that cites it, or show the"
        " chart on a page (<!-- chart: ... -->)",
        layer=PAGES,
    ),
    case(
        "link-to-a-missing-heading",
        append("docs/ties.md", "\nSee [the start](index.md#no-such-heading).\n"),
        "docs/ties.md:11: link 'index.md#no-such-heading' leads to no heading or element with id 'no-such-heading' in"
        " docs/index.md",
        layer=SITE,
        level="warning",
    ),
]

FRONT_MATTER_CASES = [
    case(
        "front-matter-not-yaml",
        replace(THE_FALL, "title: The fall", "title: [The fall"),
        "docs/story/the-fall.md:2: front matter: YAML syntax error: the list opened with [ on this line is not"
        " closed with ]",
        layer=PAGE,
    ),
    case(
        "front-matter-tab",
        replace(THE_FALL, "description: The fixture", "\tdescription: The fixture"),
        "docs/story/the-fall.md:3: front matter: YAML syntax error: tab character; indent with spaces",
        layer=PAGE,
    ),
    case(
        "front-matter-title-a-number",
        replace(THE_FALL, "title: The fall", "title: 2020"),
        "docs/story/the-fall.md:2: front matter 'title' must be text (quote it)",
        layer=PAGE,
    ),
    case(
        "front-matter-title-with-html",
        replace(THE_FALL, "title: The fall", "title: The <script>alert(1)</script> fall"),
        "docs/story/the-fall.md:2: front matter 'title' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
    ),
    case(
        "front-matter-description-with-html",
        replace(THE_FALL, "description: The fixture's story page.", 'description: A "page" <b>bold</b>'),
        "docs/story/the-fall.md:3: front matter 'description' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
    ),
    case(
        "front-matter-a-list",
        replace(THE_FALL, "title: The fall\ndescription: The fixture's story page.", "- The fall"),
        "docs/story/the-fall.md:2: front matter must be 'key: value' lines",
        layer=PAGE,
    ),
]


# CONTRIBUTING.md's examples, followed to the letter, with one mistake each -------------------------
#
# The documented cases: the mistakes CONTRIBUTING.md walks a newcomer through, made by following its
# examples (in the fixture, with stand-ins for what of the real site they name), and the line the
# build prints for each, which CONTRIBUTING.md quotes (tests/test_contributing.py checks it does).
# One mistake a case, but for those that need a whole build: several to a project (the scenarios after LINK_CASES).

CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(r"<!-- contributing-example: (\S+) -->\n```\w+\n(.*?)^```", re.DOTALL | re.MULTILINE)
EXAMPLES = dict(EXAMPLE.findall(CONTRIBUTING))
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
REAL_SOURCE_IDS = {entry["id"] for entry in read_yaml(REPO / "data" / "sources.yml")}

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


def follow_add_a_chapter(project: Path, old: str = "", new: str = "") -> None:
    """The chapter of "Add a chapter", with its source and its key date (the event of "Add an event")."""
    follow(project, "add-event/source")
    follow(project, "add-event/event", "section: uncertainty-and-confusion", "section: jack-ma-returns")
    follow(project, "add-chapter/page", old, new)


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

# The fixture's pages in a nav (the fixture has none, so the build checks no nav unless given one).
FIXTURE_NAV = [
    {"Home": "index.md"},
    {"The story": [f"story/{name}.md" for name in ("the-fall", "glossary-cases", "timeline-cases", "glossary-every")]},
    *("corrected.md", "ties.md", "timeline.md", "glossary.md", "sources.md", "corrections.md"),
]

# ... and in the real site's vocabulary (in_this_storys_vocabulary), with the page it adds: the Translation log.
STORY_NAV = [*FIXTURE_NAV, "translation-log.md"]

# The chapter beside the-fall.md on the real site, which the documented link mistakes lead to.
STAND_IN_CHAPTER = (
    "---\ntitle: Correct course\ndescription: Stands in for a chapter of the real site.\n---\n\n# Correct course\n"
)


def with_nav(project: Path, nav: list) -> None:
    """Give the project's mkdocs.yml this nav (the fixture has none, so the build checks no nav unless given one)."""
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["nav"] = nav
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


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


DOCUMENTED_CASES = [
    case(
        "contributing-page-cites-unknown-source",
        lambda p: append_to(p, THE_FALL, "A claim.[^reuters-2020-ant]\n"),
        "docs/story/the-fall.md:22: cites unknown source 'reuters-2020-ant' (not in data/sources.yml)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-source-never-cited",
        lambda p: follow(p, "add-event/source"),
        "data/sources.yml:38: source 'cna-2023-ma-returns-hangzhou' is used nowhere (no page, chart, Timeline entry"
        " or glossary entry cites it): cite it where it is used, or remove it from data/sources.yml",
        layer=PAGES,
        documented=True,
    ),
    case(
        "contributing-figure-from-one-origin",
        lambda p: (
            follow(p, "add-event/source"),
            append_to(p, THE_FALL, "\nMa had been abroad for more than 12 months.[^cna-2023-ma-returns-hangzhou]\n"),
        ),
        'docs/story/the-fall.md:23: the figure in "Ma had been abroad for more than 12 months." is cited only to'
        " South China Morning Post: add a second report of another origin, or declare it single-source in"
        " data/sources.yml (single_source: claim, page, anchor)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-single-source-anchor-missing",
        lambda p: (
            follow(p, "add-event/source", SOURCE_USED_FOR, SOURCE_USED_FOR + SINGLE_SOURCE),
            append_to(p, THE_FALL, "\nMa visited a school in Hangzhou.[^cna-2023-ma-returns-hangzhou]\n"),
        ),
        "data/sources.yml:50: source 'cna-2023-ma-returns-hangzhou': single-source claim 1: anchor \"Ma visited"
        " Yungu School\" does not occur in docs/story/the-fall.md; copy an exact phrase from the page's text (not"
        " from a heading, link, note or code)",
        layer=PAGE,
        page="story/the-fall.md",
        documented=True,
    ),
    case(
        "contributing-source-http",
        lambda p: follow(p, "add-event/source", "url: https://", "url: http://"),
        "data/sources.yml:43: source 'cna-2023-ma-returns-hangzhou': 'url' must be a full https:// "
        'address (got "http://www.channelnewsasia.com/asia/jack-ma-alibaba-foun...)',
        documented=True,
    ),
    case(
        "contributing-source-missing-key",
        lambda p: follow(p, "add-event/source", "  kind: news\n"),
        "data/sources.yml:38: source 'cna-2023-ma-returns-hangzhou': missing required key 'kind'",
        documented=True,
    ),
    case(
        "contributing-source-colon-unquoted",
        lambda p: follow(p, "add-event/source", SOURCE_USED_FOR, "used_for: Ma's visit: a school"),
        "data/sources.yml:46: YAML syntax error: this value contains ': ' (a colon and a space), so "
        'put it in double quotes: key: "Note: the suspension."',
        documented=True,
    ),
    case(
        "contributing-glossary-never-mentioned",
        lambda p: (follow(p, "add-event/source"), follow(p, "add-glossary-term/entry")),
        "data/glossary.yml:46: glossary entry 'yungu-school' is never mentioned on a story page (add "
        "a mention or remove the entry)",
        layer=PAGES,
        level="warning",
        documented=True,
    ),
    case(
        "contributing-glossary-claimed-twice",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-glossary-term/entry", "term: Yungu School", "term: Ant Group"),
        ),
        "data/glossary.yml:47: glossary entry 'yungu-school': 'Ant Group' is already claimed by "
        "entry 'ant-group' (line 12)",
        documented=True,
    ),
    case(
        "contributing-glossary-short-too-long",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-glossary-term/page"),
            follow(
                p,
                "add-glossary-term/entry",
                "short: A private school in Hangzhou that Alibaba's founders set up in 2017.",
                LONG_SHORT,
            ),
        ),
        "data/glossary.yml:49: glossary entry 'yungu-school': 'short' is 216 characters long; the limit is 160",
        documented=True,
    ),
    case(
        "contributing-glossary-unknown-category",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-glossary-term/page"),
            follow(p, "add-glossary-term/entry", "category: organization", "category: school"),
        ),
        "data/glossary.yml:48: glossary entry 'yungu-school': category 'school' is not one of the glossary"
        " categories in data/story.yml (person, organization, product, concept); add it there or use one of them",
        documented=True,
    ),
    case(
        "contributing-glossary-long-links-http",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-glossary-term/page"),
            follow(
                p,
                "add-glossary-term/entry",
                "funded by Alibaba's founders",
                "funded by [Alibaba](http://www.alibaba.com)'s founders",
            ),
        ),
        "data/glossary.yml:50: glossary entry 'yungu-school': 'long' links to "
        "'http://www.alibaba.com'; use https:// or a link within the site",
        documented=True,
    ),
    case(
        "contributing-source-unknown-kind",
        lambda p: follow(p, "add-event/source", "kind: news", "kind: interview"),
        "data/sources.yml:44: source 'cna-2023-ma-returns-hangzhou': kind 'interview' is not one of the kinds of"
        " source in data/story.yml (primary, news, analysis, reference); add it there or use one of them",
        documented=True,
    ),
    case(
        "contributing-source-unknown-stake",
        lambda p: follow(p, "add-event/source", "stake: owned-by-alibaba", "stake: alibaba-owned"),
        "data/sources.yml:45: source 'cna-2023-ma-returns-hangzhou': stake 'alibaba-owned' is not one of the"
        " relationships in data/story.yml (independent, alibaba, owned-by-alibaba, alibaba-affiliate, chinese-state);"
        " add it there or use one of them",
        documented=True,
    ),
    case(
        "contributing-chapter-without-marker",
        lambda p: (
            follow_add_a_chapter(p),
            replace_in(p, NEW_CHAPTER, "<!-- key-dates -->\n", ""),
        ),
        "docs/story/jack-ma-returns.md:6: section 'jack-ma-returns' has 1 event but no <!-- "
        "key-dates --> marker to show them",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chapters-marker-misspelt",
        lambda p: append_to(p, "docs/index.md", "\n<!-- chapter list -->\n"),
        "docs/index.md:13: unknown marker '<!-- chapter list -->'; write <!-- chapters -->",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chapter-marker-without-event",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-chapter/page"),
        ),
        "docs/story/jack-ma-returns.md:10: <!-- key-dates -->: no event in data/events.yml has "
        "section 'jack-ma-returns'; give this chapter's events `section: jack-ma-returns`, or remove "
        "the marker",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-page-links-unknown-glossary-entry",
        lambda p: append_to(p, THE_FALL, "The [founder](glossary:jack-maa) spoke.\n"),
        "docs/story/the-fall.md:22: links to unknown glossary entry 'jack-maa' (not in data/glossary.yml)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-event-date-in-words",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-event/event", EVENT_DATE, 'date: "27 March 2023"'),
        ),
        "data/events.yml:30: event 'ma-returns-to-hangzhou': 'date' must be a date written "
        'YYYY-MM-DD, YYYY-MM or YYYY, in quotes (got "27 March 2023")',
        documented=True,
    ),
    case(
        "contributing-event-precision-mismatch",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-event/event", "precision: day", "precision: month"),
        ),
        "data/events.yml:30: event 'ma-returns-to-hangzhou': date '2023-03-27' is written to the day "
        "but precision is 'month'; write '2023-03' (a month-level date is never shown as a day)",
        documented=True,
    ),
    case(
        "contributing-event-outside-story",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-event/event", EVENT_DATE, 'date: "2019-09-10"'),
        ),
        "data/events.yml:30: event 'ma-returns-to-hangzhou': date '2019-09-10' is outside the story's span (October"
        " 2020 to June 2026, dates: in data/story.yml); widen the span there, or, if the event is background, add"
        " outside_story_range: true",
        documented=True,
    ),
    case(
        "contributing-event-unknown-source",
        lambda p: follow(p, "add-event/event"),
        "data/events.yml:36: event 'ma-returns-to-hangzhou' cites unknown source 'cna-2023-ma-returns-hangzhou'",
        documented=True,
    ),
    case(
        "contributing-event-unknown-glossary-id",
        lambda p: (
            follow(p, "add-event/source"),
            follow(p, "add-event/event", "involved: [jack-ma]", "involved: [jack-maa]"),
        ),
        "data/events.yml:38: event 'ma-returns-to-hangzhou' cites unknown glossary id 'jack-maa'",
        documented=True,
    ),
    case(
        "contributing-page-links-unknown-event",
        lambda p: append_to(p, THE_FALL, "See [the halt](event:ipo-halt).\n"),
        "docs/story/the-fall.md:22: links unknown event 'ipo-halt' (not in data/events.yml)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-key-dates-marker-misspelt",
        lambda p: replace_in(p, THE_FALL, "<!-- key-dates -->", "<!-- key dates -->"),
        "docs/story/the-fall.md:9: unknown marker '<!-- key dates -->'; write <!-- key-dates -->",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-correction-anchor-missing",
        lambda p: follow(p, "issue-a-correction/entry", "anchor: two days", "anchor: three days"),
        "data/corrections.yml:36: correction 'ant-ipo-halt-timing' anchor \"three days before\" does "
        "not occur in docs/story/the-fall.md; copy an exact phrase from the page's text (not from a "
        "heading, link or code)",
        layer=PAGE,
        page="story/the-fall.md",
        documented=True,
    ),
    case(
        "contributing-correction-anchor-twice",
        lambda p: follow(p, "issue-a-correction/entry", "anchor: two days before", "anchor: listing"),
        "data/corrections.yml:36: correction 'ant-ipo-halt-timing' anchor \"listing\" occurs 2 times "
        "in docs/story/the-fall.md; make it longer so it is unique",
        layer=PAGE,
        page="story/the-fall.md",
        documented=True,
    ),
    case(
        "contributing-correction-issued-month",
        lambda p: follow(p, "issue-a-correction/entry", 'issued: "2026-11-26"', 'issued: "2026-11"'),
        "data/corrections.yml:37: correction 'ant-ipo-halt-timing': 'issued' must be the day it was "
        'published, written "YYYY-MM-DD" in quotes (got "2026-11")',
        documented=True,
    ),
    case(
        "contributing-correction-wrong-too-long",
        lambda p: follow(
            p,
            "issue-a-correction/entry",
            "wrong: three days before their debut",
            "wrong: the IPO was pulled three days before its debut",
        ),
        "data/corrections.yml:39: correction 'ant-ipo-halt-timing': 'wrong' is a brief plain-text "
        'quote: at most 7 words, no < or > (got "the IPO was pulled three days before its debut")',
        documented=True,
    ),
    case(
        "contributing-correction-unknown-kind",
        lambda p: follow(p, "issue-a-correction/entry", "kind: fact", "kind: typo"),
        "data/corrections.yml:38: correction 'ant-ipo-halt-timing': kind 'typo' is not one of the kinds of"
        " correction in data/story.yml (fact, update, reading, translation, checked); add it there or use one of them",
        documented=True,
    ),
    case(
        "contributing-figure-unknown-unit",
        lambda p: follow(p, "add-figure/series", "unit: cny-billion", "unit: rmb-billion"),
        "data/figures.yml:37: series 'alibaba-cloud-revenue': unit 'rmb-billion' is not one of the units in"
        " data/story.yml (percent, count, usd-billion, cny-billion, hkd-billion); add it there or use one of them",
        documented=True,
    ),
    case(
        "contributing-figure-outside-story",
        lambda p: follow(p, "add-figure/series", '"2026-03-31"', '"2026-09-30"'),
        "data/figures.yml:51: series 'alibaba-cloud-revenue': date '2026-09-30' is outside the story's span (October"
        " 2020 to June 2026, dates: in data/story.yml); only figures within it are drawn: widen the span there, or"
        " leave the point out",
        documented=True,
    ),
    case(
        "contributing-figure-without-source",
        lambda p: follow(p, "add-figure/series", "      sources: [marketscreener-2025-alibaba-september-quarter]\n"),
        "data/figures.yml:47: series 'alibaba-cloud-revenue': missing required key 'sources'",
        documented=True,
    ),
    case(
        "contributing-figure-mixed-units",
        lambda p: follow(p, "add-figure/series", "value: 41.6\n", "value: 41.6\n      unit: usd-billion\n"),
        "data/figures.yml:54: series 'alibaba-cloud-revenue': the point dated '2026-03-31' is in "
        "usd-billion but the series is in cny-billion; a chart has one unit (convert with a sourced "
        "rate, or start another series)",
        documented=True,
    ),
    case(
        "contributing-figure-unknown-source",
        lambda p: follow(p, "add-figure/series", "[yicai-2025-alibaba-december-quarter]", "[yicai-2025-december]"),
        "data/figures.yml:45: series 'alibaba-cloud-revenue' cites unknown source 'yicai-2025-december'",
        documented=True,
    ),
    case(
        "contributing-chart-unknown-series",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "alibaba-cloud-revenue", "alibaba-cloud-revenu"),
        ),
        "docs/story/the-fall.md:22: chart marker names unknown series 'alibaba-cloud-revenu' (not in data/figures.yml)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-marker-misspelt",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "chart: alibaba", "chart alibaba"),
        ),
        "docs/story/the-fall.md:22: unknown chart marker '<!-- chart alibaba-cloud-revenue -->'; write " + CHART_FORMS,
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-unknown-event",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "revenue -->", "revenue events: deepseek-r2 -->"),
        ),
        "docs/story/the-fall.md:22: chart 'alibaba-cloud-revenue' marks unknown event 'deepseek-r2' "
        "(not in data/events.yml)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-misspelt-field",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "revenue -->", "revenue form: 2025-01 -->"),
        ),
        "docs/story/the-fall.md:22: chart marker for 'alibaba-cloud-revenue': unknown field 'form:'; a chart marker"
        " may give events:, from:, to:, title:; write " + CHART_FORMS,
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-title-without-quotes",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "revenue -->", "revenue title: Growing -->"),
        ),
        "docs/story/the-fall.md:22: chart marker for 'alibaba-cloud-revenue': 'title:' takes a quoted text,"
        ' title: "..."; write ' + CHART_FORMS,
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-empty-period",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "revenue -->", "revenue from: 2021-01 to: 2021-12 -->"),
        ),
        "docs/story/the-fall.md:22: chart 'alibaba-cloud-revenue' has no point in the period its marker gives"
        " (from: 2021-01 to: 2021-12); its points run from 31 December 2024 to 31 March 2026: change from: or to:",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-chart-event-outside-period",
        lambda p: (
            follow(p, "add-figure/series"),
            follow(p, "add-figure/page", "revenue -->", "revenue events: ipo-halted from: 2024-10 -->"),
        ),
        "docs/story/the-fall.md:22: chart 'alibaba-cloud-revenue' marks event 'ipo-halted' (3 November 2020), outside"
        " the period its marker gives (from: 2024-10); widen from: or to:, or leave the event out",
        layer=PAGE,
        documented=True,
    ),
    # Issue 21: what the build refuses in any file (SECURITY.md)
    case(
        "contributing-invisible-character",
        lambda p: replace_in(
            p,
            "data/events.yml",
            "title: The group splits into six parts",
            'title: "The group splits\u200b into six parts"',
        ),
        "data/events.yml:15: contains the invisible character U+200B ZERO WIDTH SPACE, which data files may not hold"
        " (readers cannot see it, and it can hide or join words); delete it",
        documented=True,
    ),
    case(
        "contributing-number-too-large",
        lambda p: replace_in(p, "data/figures.yml", "value: 700", "value: 1.7e+308"),
        "data/figures.yml:13: 1.7e+308 is too large for a chart to draw (the limit is 10^15, a thousand trillion);"
        " check the number, or give it in a larger unit",
        documented=True,
    ),
    case(
        "contributing-source-host-look-alike",
        lambda p: replace_in(
            p, "data/sources.yml", "url: https://example.com/wire/ipo-halted", "url: https://reuters.co/wire"
        ),
        "data/sources.yml:7: source 'wire-2020-ipo': the host 'reuters.co' looks like 'reuters.com' but is not it:"
        " check that the address leads to the publisher named (once checked, add 'reuters.co' to extra: explainer:"
        " reviewed_hosts in mkdocs.yml)",
        layer=PAGES,
        level="warning",
        documented=True,
    ),
    case(
        "contributing-front-matter-unknown-key",
        lambda p: replace_in(p, THE_FALL, "title: The fall\n", "title: The fall\ntemplate: x\n"),
        "docs/story/the-fall.md:3: front matter 'template' is not a key the site knows; use one of: description,"
        " glossary, hide, icon, retold, search, status, subtitle, title",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-page-writes-a-script",
        lambda p: append_to(p, THE_FALL, "\n<script>alert(1)</script>\n"),
        "docs/story/the-fall.md:23: HTML in the page has a <script> element (nothing in a page may run script; not"
        " allowed in a page)",
        layer=PAGE,
        documented=True,
    ),
    case(
        "contributing-symlink-out-of-the-repository",
        lambda p: (
            (p / "docs" / "assets").mkdir(parents=True, exist_ok=True),
            (p / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ"),
        ),
        "docs/assets/env.txt:1: is a symlink to '/proc/self/environ', outside the repository; the build reads nothing"
        " outside it: replace the link with the file itself",
        layer=PAGES,  # the start-up check of the repository's files, in the build's on_config (site_pages runs it)
        documented=True,
        stops=True,
    ),
]


# A page of link mistakes and a nav with two: MkDocs' own validation (`validation:` in mkdocs.yml, at `warn`)
# finds them, the MkDocs layer (explainer_mkdocs.reporting) words each as the rest, at its line
# (tests/test_link_checks.py builds it too, for MkDocs' own wording and the site's validation settings).

LINK_CHAPTERS = ["story/the-fall.md", "story/glossary-cases.md", "story/timeline-cases.md", "story/glossary-every.md"]
# The nav leaves out ties.md and lists a file that does not exist.
LINKS_NAV = [
    {"Home": "index.md"},
    {"The story": LINK_CHAPTERS},
    "corrected.md",
    "links.md",
    "gone.md",
    *("timeline.md", "glossary.md", "sources.md", "corrections.md"),
]
LINKS_PAGE = """---
title: Links
description: A catalogue of link mistakes.
---

# Links

A [missing page](nowhere.md) and a [missing page in a folder](story/nowhere.md).

A [heading the page lacks](story/the-fall.md#no-such-heading), and [one on this page](#not-here).

An [absolute link](/story/the-fall.md) and an [unrecognized one](story/the-fall).

An image that is not there: ![a chart](chart.png).

These are fine: [a page](story/the-fall.md), [a heading](#links), [another site](https://example.com/x),
[a folder's page](story/the-fall.md#the-fall), and `[code](nowhere-in-code.md)`.
"""


def links_page(project: Path) -> None:
    with_nav(project, LINKS_NAV)
    (project / "docs" / "links.md").write_text(LINKS_PAGE, encoding="utf-8")


LINK_CASES = scenario(
    "links-page",
    links_page,
    SITE,
    [
        (
            "link-to-no-page",
            "warning",
            "docs/links.md:8: link 'nowhere.md' leads to no file: there is no docs/nowhere.md",
        ),
        (
            "link-to-no-page-in-a-folder",
            "warning",
            "docs/links.md:8: link 'story/nowhere.md' leads to no file: there is no docs/story/nowhere.md",
        ),
        (
            "link-to-a-heading-this-page-lacks",
            "warning",
            "docs/links.md:10: link '#not-here' leads to no heading or element with id 'not-here' on this page",
        ),
        (
            "link-to-a-heading-another-page-lacks",
            "warning",
            "docs/links.md:10: link 'story/the-fall.md#no-such-heading' leads to no heading or element with id"
            " 'no-such-heading' in docs/story/the-fall.md",
        ),
        (
            "link-absolute",
            "warning",
            "docs/links.md:12: link '/story/the-fall.md' starts with '/'; link the file relative to this page (did you"
            " mean 'story/the-fall.md'?)",
        ),
        (
            "link-unrecognized",
            "warning",
            "docs/links.md:12: link 'story/the-fall' is not a link to a file; link the page's .md file (did you mean"
            " 'story/the-fall.md'?)",
        ),
        (
            "link-to-no-image",
            "warning",
            "docs/links.md:14: link 'chart.png' leads to no file: there is no docs/chart.png",
        ),
        (
            "page-left-out-of-the-nav",
            "warning",
            "docs/ties.md:1: page is not in the nav of mkdocs.yml, so no menu leads to it; add it to the nav",
        ),
        ("nav-lists-no-file", "warning", "mkdocs.yml:82: nav lists 'gone.md', which is no file of docs/"),
    ],
)


# The documented mistakes that need every page or the nav (SITE), made together, several to a project, so that
# one run finds each (tests/test_bad_inputs.py compares its every line: contributing-nav-and-links is in the project
# of the real commands, `mkdocs build --strict` and the quick check). CONTRIBUTING.md quotes them line numbers aside,
# so a line moved by another mistake of the project changes nothing there.

# A new chapter, out of the nav, with no description; a page out of the nav; a nav that lists a file that does not
# exist and leaves out a generated page; and five ways to mislink the chapter before (correct-course.md, in the nav),
# the last a misspelt name.
CONTRIBUTING_NAV = [
    *(entry for entry in STORY_NAV if entry != "glossary.md"),
    "story/correct-course.md",
    "story/the-fal.md",
]
CONTRIBUTING_LINKS = [
    "../correct-course.md",
    "/story/correct-course.md",
    "../correct-course/",
    "correct-course.md#the-spilt",
    "correct-cours.md",
]


def contributing_nav_and_links(project: Path) -> None:
    with_nav(project, CONTRIBUTING_NAV)
    append_to(project, "docs/about.md", "---\ntitle: About\n---\n\n# About\n")
    follow_add_a_chapter(project, CHAPTER_DESCRIPTION)
    for link in CONTRIBUTING_LINKS:
        link_from_the_fall(project, link)


# The source of "Add an event" claimed single-source on a page misspelt, and cited; its event in a section misspelt;
# its glossary entry with an alias no page has; a correction on a page misspelt.
def contributing_data_that_names_pages(project: Path) -> None:
    follow(project, "add-event/source", SOURCE_USED_FOR, SOURCE_USED_FOR + SINGLE_SOURCE.replace("the-fall", "the-fal"))
    append_to(project, THE_FALL, "\nMa visited Yungu School.[^cna-2023-ma-returns-hangzhou]\n")
    follow(project, "add-event/event", "section: uncertainty-and-confusion", "section: steadying-the-shi")
    follow(project, "add-glossary-term/page")
    follow(
        project, "add-glossary-term/entry", "term: Yungu School\n", "term: Yungu School\n  aliases: [Yungu Academy]\n"
    )
    follow(project, "issue-a-correction/entry", "page: story/the-fall.md", "page: story/the-fal.md")


DOCUMENTED_CASES += scenario(
    "contributing-nav-and-links",
    contributing_nav_and_links,
    SITE,
    [
        (
            "contributing-chapter-not-in-nav",
            "warning",
            "docs/story/jack-ma-returns.md:1: chapter is not in the nav of mkdocs.yml, so neither the "
            "menu nor the home page's list of chapters shows it; add it to the nav, among the other "
            "chapters in reading order",
        ),
        (
            "contributing-chapter-without-description",
            "error",
            "docs/story/jack-ma-returns.md:1: chapter has no description: add `description:` to its "
            "front matter, one sentence on what it tells (the home page lists each chapter with it)",
        ),
        (
            "contributing-link-from-the-pages-address",
            "warning",
            "docs/story/the-fall.md:23: link '../correct-course.md' leads to no file: there is no "
            "docs/correct-course.md (did you mean 'correct-course.md'?)",
        ),
        (
            "contributing-link-absolute",
            "warning",
            "docs/story/the-fall.md:25: link '/story/correct-course.md' starts with '/'; link the file "
            "relative to this page (did you mean 'correct-course.md'?)",
        ),
        (
            "contributing-link-to-an-address",
            "warning",
            "docs/story/the-fall.md:27: link '../correct-course/' is not a link to a file; link the "
            "page's .md file (did you mean 'correct-course.md'?)",
        ),
        (
            "contributing-link-unknown-anchor",
            "warning",
            "docs/story/the-fall.md:29: link 'correct-course.md#the-spilt' leads to no heading or "
            "element with id 'the-spilt' in docs/story/correct-course.md",
        ),
        (
            "contributing-link-misspelt",
            "warning",
            "docs/story/the-fall.md:31: link 'correct-cours.md' leads to no file: there is no "
            "docs/story/correct-cours.md",
        ),
        (
            "contributing-page-not-in-nav",
            "warning",
            "docs/about.md:1: page is not in the nav of mkdocs.yml, so no menu leads to it; add it to the nav",
        ),
        (
            "contributing-nav-leaves-out-a-generated-page",
            "warning",
            "mkdocs.yml:73: nav leaves out 'glossary.md', a page the build makes; add it",
        ),
        (
            "contributing-nav-lists-no-file",
            "warning",
            "mkdocs.yml:87: nav lists 'story/the-fal.md', which is no file of docs/",
        ),
    ],
    documented=True,
)
DOCUMENTED_CASES += scenario(
    "contributing-data-that-names-pages",
    contributing_data_that_names_pages,
    PAGES,
    [
        (
            "contributing-single-source-unknown-page",
            "error",
            "data/sources.yml:48: source 'cna-2023-ma-returns-hangzhou': single-source claim 1: page"
            " 'story/the-fal.md' is not a page of the site; give a page's path inside docs/",
        ),
        (
            "contributing-event-unknown-section",
            "error",
            "data/events.yml:37: event 'ma-returns-to-hangzhou' names unknown section "
            "'steadying-the-shi' (story pages: glossary-cases, glossary-every, the-fall, timeline-cases)",
        ),
        (
            "contributing-glossary-alias-never-matches",
            "warning",
            "data/glossary.yml:48: glossary entry 'yungu-school': alias 'Yungu Academy' never matches "
            "the text of a story page",
        ),
        (
            "contributing-correction-unknown-page",
            "error",
            "data/corrections.yml:35: correction 'ant-ipo-halt-timing' is on unknown page 'story/the-fal.md'",
        ),
    ],
    documented=True,
)


def in_this_storys_vocabulary(project: Path) -> Path:
    """The fixture in the real site's vocabulary (its data/story.yml, the fixture's sources with its stakes):
    CONTRIBUTING.md is this site's guide, and its examples are this story's."""
    (project / "data" / "story.yml").write_bytes((REPO / "data" / "story.yml").read_bytes())
    sources = project / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8").replace("stake: owned-by-example-group", "stake: owned-by-alibaba")
    sources.write_text(text.replace("stake: example-group", "stake: alibaba"), encoding="utf-8")
    return project


def in_this_story(edit: Edit) -> Edit:
    def edit_in_this_story(project: Path) -> None:
        in_this_storys_vocabulary(project)
        edit(project)

    return edit_in_this_story


IN_THIS_STORY = {mistake.edit: in_this_story(mistake.edit) for mistake in DOCUMENTED_CASES}  # a scenario's edit once
DOCUMENTED_CASES = [dataclasses.replace(mistake, edit=IN_THIS_STORY[mistake.edit]) for mistake in DOCUMENTED_CASES]


# Every case, by name ----------------------------------------------------------------------------------

ALL = (
    YAML_CASES
    + SHAPE_CASES
    + VALUE_CASES
    + PAGE_CASES
    + FRONT_MATTER_CASES
    + GLOSSARY_CASES
    + EVENT_CASES
    + STORY_CASES
    + CORRECTION_CASES
    + FIGURE_CASES
    + CHART_CASES
    + BUILD_ONLY_CASES
    + DOCUMENTED_CASES
    + LINK_CASES
)
MISTAKES = {mistake.name: mistake for mistake in ALL}
assert len(MISTAKES) == len(ALL), "two cases share a name"


def at_layer(layer: str) -> list[Mistake]:
    return [mistake for mistake in ALL if mistake.layer == layer]


def message(name: str) -> str:
    """The one line the build prints for the catalogued mistake `name`."""
    return MISTAKES[name].message


# What the build says after the problems: how many, in how many files, and what next -----------------------

ONE_ERROR_SUMMARY = "1 error in 1 file, listed above in file order; fix it and run again."
TWO_ERRORS_SUMMARY = "2 errors in 2 files, listed above in file order; fix them and run again."
EVERY_LAYER_SUMMARY = "6 errors and 12 warnings in 9 files, listed above in file order; fix them and run again."
STOPPED_EARLY = (
    "Stopped early: a file above cannot be read, so the checks that need it (data against data and pages, the pages,"
    " their links) did not run; fix it and run again to see any other problems."
)
STOPPED_EARLY_SUMMARY = "2 errors in 2 files. " + STOPPED_EARLY
ONE_STOPPED_EARLY_SUMMARY = "1 error in 1 file. " + STOPPED_EARLY
MKDOCS_STRICT_ABORT = "Aborted with {count} warnings in strict mode!"  # MkDocs' own last line, --strict
# The quick check of some files only (`python -m explainer.validate FILE`), after its summary.
ONE_MORE_ELSEWHERE = " (1 more problem in other files: run without file names to see them)"


# Hostile inputs -------------------------------------------------------------------------------------
#
# What an attacker or a careless contributor might put in the data, the pages, their front matter, the
# files of docs/ or symlinks: each refused with its located lines, or built into a site where nothing from
# the data runs. tests/test_hostile_inputs.py runs them (at the layer each names, sharing runs where cases
# touch different files, and times them); tests/browser/test_hostile.py opens the built ones in Chromium.
# Where a hostile input is refused with a line a mistake above gives, the case takes it from there.

PBOC_LONG = "long: The central bank."
DEPTH_LIMIT = "the limit for YAML in this project"
PBOC = "data/glossary.yml:38: glossary entry 'pboc': 'long'"
# The starts of the URL check's warnings (explainer.urlcheck), which the source-url-* cases give whole.
CREDENTIALS = "the address has a user name or password before its host"
MIXES = "the host '{host}' mixes writing systems"
LOOKS_LIKE = "the host '{host}' looks like '{like}'"
CYRILLIC_REUTERS = "www.r\u0435uters.com"  # with a Cyrillic e
WITHIN_SITE = "; use https:// or a link within the site"
FILES = "files"  # the start-up check of the repository's files (tests/test_hostile_inputs.py)
# The pages of thousands of mistakes (each on a page of its own): `make bench` times their refused build together
# (bench/run.py, "Hostile input"); the tests run each at its layer, its page's lines its own.
MANY = "thousands of mistakes on one page"


@dataclass(frozen=True)
class Hostile:
    name: str
    edit: Edit
    refused: str = ""  # the (first) located line of a refused input; "" if it builds
    pages: tuple[str, ...] = ()  # where a built input's content lands (checked by the Nu HTML Checker)
    lines: int = 1  # how many located lines a refused input gives (a page of repeated mistakes: thousands)
    also: tuple[str, ...] = ()  # a refused input of a few lines: the lines after the first, each whole
    layer: str = ""  # a refused input: the layer that finds it (DATA, PAGE, PAGES, FILES; SITE: MkDocs' link
    # checks, in tests/test_link_checks.py's strict build of its page of link mistakes)
    page: str = ""  # PAGE: the page (docs/ path) whose conversion finds it, if not the refused line's file
    alone: str = ""  # MANY: one of the pages of thousands of mistakes that `make bench` builds together

    @property
    def built(self) -> bool:
        return not self.refused

    @property
    def converted_page(self) -> str:
        return self.page or self.refused.split(":", 1)[0].removeprefix("docs/")

    @property
    def every_line(self) -> tuple[str, ...] | None:
        """Every located line of a refused input, if the catalogue gives each (None for thousands of lines)."""
        lines = (self.refused, *self.also)
        return lines if self.refused and len(lines) == self.lines else None


def long_is(markdown: str, refused: str = "", pages: tuple[str, ...] = ("glossary/",)) -> Edit:
    """data/glossary.yml with the pboc entry's `long` set to `markdown` (as a YAML block)."""
    block = "long: |\n" + "".join(f"    {line}\n" if line else "\n" for line in markdown.split("\n"))
    return replace(GLOSSARY, PBOC_LONG + "\n", block)


def long_case(name: str, markdown: str, refused: str = "") -> Hostile:
    refused = f"{PBOC} {refused}" if refused and not LOCATED.match(refused) else refused  # or a mistake's line
    return Hostile(f"long-{name}", long_is(markdown), refused, ("glossary/",), layer=DATA if refused else "")


CODE_EXAMPLE = "\n\nAn example, as indented code:\n\n    Cited in code.[^company-2023-split]\n    <!-- key-dates -->\n"

# Issue 21 ---------------------------------------------------------------------------------------------

INDEX, FIGURES, CORRECTED, CORRECTIONS = (
    "docs/index.md",
    "data/figures.yml",
    "docs/corrected.md",
    "data/corrections.yml",
)
TIES = "docs/ties.md"


def last_line(file: str) -> int:
    """The number of the fixture file's last line (text appended to it starts after it)."""
    return len((FIXTURE_SITE / file).read_text(encoding="utf-8").splitlines())


LAST_LINE = last_line(THE_FALL)
PAGE_HTML = "docs/story/the-fall.md:{line}: HTML in the page {what}"
UNKNOWN_SOURCE = "docs/story/the-fall.md:{line}: cites unknown source 'nobody-{n}' (not in data/sources.yml)"
NOT_PUBLISHED = (
    "{file}:1: is {kind}, which the site does not publish: pages are Markdown (.md), and besides them the site"
    " publishes images (.png .jpg .gif .webp .avif .ico .svg), fonts (.woff .woff2 .ttf .otf), .txt, and the CSS"
    " and JavaScript that mkdocs.yml lists; remove it, or add its type to mkdocs.yml (extra: explainer: allow_files:"
    " [pdf, csv, json])"
)
INVISIBLE = "{file}:{line}: contains the invisible character {point}, which data files may not hold ({why}); delete it"
HIDES = "readers cannot see it, and it can hide or join words"
REORDERS = "it changes the order in which text around it is shown"
TOO_LARGE = (
    "is too large for a chart to draw (the limit is 10^15, a thousand trillion); check the number, or give it in a"
    " larger unit"
)
CORRECTION = (
    '- id: internals\n  page: corrected.md\n  anchor: {anchor}\n  issued: "2026-11-26"\n  kind: fact\n'
    "  wrong: x\n  correction: The text was wrong.\n  sources: [wire-2020-ipo]\n"
)
ANCHOR_NOT_FOUND = (
    "data/corrections.yml:36: correction 'internals' anchor \"{anchor}\" does not occur in docs/corrected.md; copy an"
    " exact phrase from the page's text (not from a heading, link or code)"
)
OK_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><defs><linearGradient id="g"><stop offset="0"/>'
    '</linearGradient></defs><rect width="10" height="10" fill="url(#g)" style="stroke:#000"/></svg>\n'
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
# HTML a page may write: prose elements, tables, a collapsible block, attribute lists, links to other sites.
ALLOWED_HTML = (
    '\n<details class="note" markdown="1"><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n'
    'A <span class="x" title="&quot; onmouseover=&quot;alert(1)">span</span>, <abbr title="x">X</abbr>,'
    " <kbd>Ctrl</kbd> and &lt;script&gt;alert(1)&lt;/script&gt; as text.\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    'A [link](https://github.com/x){: title="t" } and a [mail](mailto:a@example.com).\n'
    "{: .wide }\n"
)


def link(path: str, target: str) -> Edit:
    """A symlink at `path` in the project (a pull request can commit one) to `target`."""

    def edit(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        if (project / path).exists():
            (project / path).unlink()
        os.symlink(target, project / path)

    return edit


def fifo(path: str) -> Edit:
    return lambda project: os.mkfifo(project / path)


def write_bytes(path: str, data: bytes) -> Edit:
    def edit(project: Path) -> None:
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data)

    return edit


def outside(path: str, target: str) -> str:
    return (
        f"{path}:1: is a symlink to {target!r}, outside the repository; the build reads nothing outside it:"
        " replace the link with the file itself"
    )


HOSTILE_CASES = [
    # 1. Markdown in the glossary's `long`: the site's extensions, checked as a tree
    long_case(
        "attribute-event-handler",
        '[bank](https://e.com/){: onmouseover="alert(1)" }',
        message("event-handler-in-glossary-explanation"),
    ),
    long_case(
        "attribute-javascript-href",
        '[bank](https://e.com/){: href="javascript:alert(1)" }',
        message("javascript-link-in-glossary-explanation"),
    ),
    long_case(
        "attribute-style-overlay",
        'The central bank.\n{: style="position:fixed;inset:0;background:red" }',
        message("style-on-a-glossary-paragraph"),
    ),
    long_case(
        "attribute-id-clobbering",
        "The central bank.\n{: #__search }",
        "has an attribute 'id' on <p> (not allowed in data)",
    ),
    long_case(
        "attribute-on-a-list-item",
        '- one\n- two\n{: onclick="alert(1)" }',
        "has an attribute 'onclick' on <li> (not allowed in data)",
    ),
    long_case(
        "footnote-with-javascript-link",
        "The bank.[^x]\n\n[^x]: [click](javascript:alert(1))",
        message("footnote-in-glossary-explanation"),
    ),
    long_case(
        "tab-split-javascript",
        "[x](java&#9;script:alert(1))",
        message("entity-split-javascript-link-in-glossary-explanation"),
    ),
    long_case(
        "newline-split-javascript", "[x](java&#10;script:alert(1))", f"links to 'java\\nscript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "entity-letter-javascript", "[x](jav&#x61;script:alert(1))", message("javascript-link-in-glossary-explanation")
    ),
    long_case(
        "leading-space-javascript", "[x](&#32;javascript:alert(1))", f"links to ' javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case("uppercase-javascript", "[x](JAVASCRIPT:alert(1))", f"links to 'JAVASCRIPT:alert(1)'{WITHIN_SITE}"),
    long_case(
        "reference-javascript", "[x][r]\n\n[r]: javascript:alert(1)", message("javascript-link-in-glossary-explanation")
    ),
    long_case("protocol-relative-host", "[x](//evil.example/)", f"links to '//evil.example/'{WITHIN_SITE}"),
    long_case("backslash-host", "[x](/\\evil.example/)", f"links to '/\\\\evil.example/'{WITHIN_SITE}"),
    long_case("data-url", "[x](data:text/html,hi)", f"links to 'data:text/html,hi'{WITHIN_SITE}"),
    long_case("vbscript-url", "[x](vbscript:msgbox)", f"links to 'vbscript:msgbox'{WITHIN_SITE}"),
    long_case(
        "remote-image",
        "![x](https://e.com/x.png)",
        message("remote-image-in-glossary-explanation"),
    ),
    long_case("heading", "# A heading", message("heading-in-glossary-explanation")),
    long_case("table", "| a |\n|---|\n| b |", "has a <table> element (a table; not allowed in data)"),
    long_case(
        "admonition",
        "!!! danger\n    Click here.",
        "has a <div> element (an admonition or a code block; not allowed in data)",
    ),
    long_case("details", "??? note\n    Hidden.", "has a <details> element (a collapsible block; not allowed in data)"),
    long_case(
        "abbreviation",
        "The PBOC.\n\n*[PBOC]: onmouseover",
        "has a <abbr> element (an abbreviation; not allowed in data)",
    ),
    long_case(
        "unclosed-brackets",
        "[" * 1400,
        message("nested-brackets-in-glossary-explanation"),
    ),
    long_case("unclosed-parentheses", "[a](" * 350, "has a ( that is never closed with )"),
    long_case("too-long", "The central bank. " * 90, "is 1621 characters long; the limit is 1500"),
    long_case("escaped-script-stays-text", 'The &lt;script&gt;alert(1)&lt;/script&gt; bank & "co".'),
    Hostile(  # the ant-group entry's `long`: pboc's is another built case's, and all built cases share one site
        "long-mailto-and-uppercase-https",
        replace(
            GLOSSARY,
            "long: A payments company whose listing was halted.",
            "long: '[Desk](mailto:desk@example.com) and [site](HTTPS://example.com/).'",
        ),
        pages=("glossary/",),
    ),
    # 2. Front matter and plain-text fields into HTML attributes
    Hostile(
        "title-with-quotes-and-ampersand",
        replace(THE_FALL, "title: The fall", "title: 'Ant & \"Friends\" of Jack''s fall'"),
        pages=("story/the-fall/", "timeline/", "", "sources/", "glossary/"),
    ),
    Hostile(
        "description-with-quotes",
        replace(
            THE_FALL, "description: The fixture's story page.", 'description: \'It "ends" here" onmouseover="alert(1)\''
        ),
        pages=("story/the-fall/",),
    ),
    Hostile(
        "title-with-script",
        replace(THE_FALL, "title: The fall", "title: The <script>alert(1)</script> fall"),
        message("front-matter-title-with-html"),
        layer=PAGE,
    ),
    Hostile(
        "description-breaking-out-of-meta",
        replace(THE_FALL, "description: The fixture's story page.", "description: '\"><script>alert(1)</script>'"),
        message("front-matter-description-with-html"),
        layer=PAGE,
    ),
    Hostile(  # headings from data/story.yml's vocabulary: Markdown there is text, not a link or an attribute list
        "vocabulary-headings-with-markdown",
        together(
            replace(
                STORY,
                "    fact:\n",
                "    fact:\n      heading: 'Facts [x](javascript:alert(1)) { onclick=\"alert(2)\" }'\n",
            ),
            append(
                STORY,
                "\nsources:\n  kinds:\n"
                "    primary: {heading: 'Primary [x](javascript:alert(3)) { onclick=\"alert(4)\" }'}\n"
                "\nglossary:\n  categories:\n"
                "    person: 'People [x](javascript:alert(5)) { onclick=\"alert(6)\" }'\n"
                "    organization: Companies\n    product: Products\n    concept: Concepts\n",
            ),
        ),
        pages=("sources/", "corrections/", "glossary/"),
    ),
    Hostile(
        "event-title-with-quotes-and-ampersand",
        replace(EVENTS, "title: The group splits into six parts", "title: 'Split & \"six\" parts'' onclick=x'"),
        pages=("timeline/", "story/the-fall/"),
    ),
    Hostile(
        "tooltip-breaking-out-of-title",
        replace(GLOSSARY, "short: China's central bank.", 'short: \'China"s bank" onmouseover="alert(1)\''),
        pages=("story/glossary-cases/", "glossary/"),
    ),
    # 3. Files crafted to be slow: built with the other built cases (their text appended after what those edit),
    # whose pages are checked (what such a build costs is `make bench`'s "Hostile input")
    Hostile("comment-brackets-100kb", append(CORRECTIONS, "# see [note\n" * 10_000)),
    Hostile("comment-brackets-1mb", append(SOURCES, "# see [note\n" * 100_000)),
    Hostile("comment-braces-1mb", append(GLOSSARY, "# see {note ?\n" * 80_000)),
    Hostile("comment-pipes-one-line-1mb", append("data/events.yml", "# " + "|" * 1_000_000 + " #\n")),
    Hostile(
        "data-file-over-the-limit",
        append(SOURCES, "# padding\n" * 420_000),
        message("data-file-over-the-size-limit"),
        layer=DATA,
    ),
    Hostile(
        "flow-nesting-1mb",
        append(SOURCES, "- " + "[" * 1_000_000 + "\n"),
        f"data/sources.yml:38: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
        layer=DATA,
    ),
    Hostile(
        "flow-nesting-100kb",
        append(SOURCES, "- " + "{a: " * 25_000 + "\n"),
        f"data/sources.yml:38: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
        layer=DATA,
    ),
    Hostile(
        "block-nesting",
        append(SOURCES, "".join("  " * level + "- a:\n" for level in range(200))),
        f"data/sources.yml:47: YAML syntax error: values are nested more than 20 levels deep, {DEPTH_LIMIT}",
        layer=DATA,
    ),
    Hostile(
        "quoted-brackets-100kb",
        append(SOURCES, '- ["' + '["' * 50_000 + "\n"),
        "data/sources.yml:38: YAML syntax error: expected ',' or ']', but got '['",
        layer=DATA,
    ),
    Hostile(
        "entries-over-the-limit",
        append(SOURCES, "- x\n" * 10_000),
        message("data-file-over-the-entry-limit"),
        layer=DATA,
    ),
    Hostile(
        "alias-bomb",
        append(SOURCES, "- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"),
        "data/sources.yml:39: YAML syntax error: aliases (*name) are not supported; write the value out in full",
        layer=DATA,
    ),
    Hostile(
        "page-over-the-limit",
        append(THE_FALL, "\nPadding.\n" * 30_000),
        message("page-over-the-size-limit"),
        layer=PAGE,
    ),
    # Work for our own scanners of page text (code spans, citations), which are linear. Pages are trusted,
    # and Python-Markdown itself is slow on some text (thousands of unclosed [, or of references to one
    # note): see SECURITY.md.
    Hostile(
        "page-of-unclosed-code-spans-and-citations",
        append(THE_FALL, "\n" + "`a `` ``` " * 2_000 + "\n\n" + "Cited.[^wire-2020-ipo] " * 200 + "\n"),
    ),
    # 4. Encodings
    Hostile(
        "page-not-utf-8",
        replace(THE_FALL, "## A split", "## A spl\udce9t"),
        message("page-not-utf-8"),
        layer=PAGE,
    ),
    Hostile(
        "data-not-utf-8",
        replace(SOURCES, "Example Group announces", "Example Gr\udce9oup announces"),
        message("latin-1-byte"),
        layer=DATA,
    ),
    # 5. Spreadsheet formulas
    Hostile(  # the first event's title: the second's is another built case's
        "csv-formula-title",
        replace(EVENTS, "title: The record listing is halted", "title: '=HYPERLINK(\"https://e.com\")'"),
    ),
    Hostile(
        "csv-formula-summary",
        replace(
            EVENTS,
            "summary: The group said it would reorganize into six business groups.",
            'summary: "@SUM(1)\\tThe group said it would reorganize into six business groups."',
        ),
    ),
    # 7. Examples in code
    Hostile("citation-and-marker-in-indented-code", append("docs/story/timeline-cases.md", CODE_EXAMPLE)),
    # Issue 21 ----------------------------------------------------------------------------------------
    # 8. Symlinks: nothing outside the repository is read (one line each, before any read)
    Hostile(
        "symlink-to-the-environment",
        link("docs/assets/env.txt", "/proc/self/environ"),
        message("contributing-symlink-out-of-the-repository"),
        layer=FILES,
    ),
    Hostile(
        "symlink-to-dev-zero", link("docs/zero.bin", "/dev/zero"), outside("docs/zero.bin", "/dev/zero"), layer=FILES
    ),
    Hostile("symlink-to-the-root", link("docs/rootfs", "/"), outside("docs/rootfs", "/"), layer=FILES),
    Hostile(
        "data-file-symlink-to-passwd",
        link("data/corrections.yml", "/etc/passwd"),
        outside("data/corrections.yml", "/etc/passwd"),
        layer=FILES,
    ),
    Hostile(
        "symlink-to-git-config",
        together(
            write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n"),
            link("docs/config.txt", "../.git/config"),
        ),
        "docs/config.txt:1: is a symlink to '.git/config', outside the site's folders (docs/, data/ and the theme's);"
        " replace the link with the file itself",
        layer=FILES,
    ),
    Hostile(
        "symlink-loop",
        together(link("docs/a.md", "b.md"), link("docs/b.md", "a.md")),
        "docs/a.md:1: is a symlink (to 'b.md') that loops back on itself; replace it with the file itself",
        lines=2,
        also=("docs/b.md:1: is a symlink (to 'a.md') that loops back on itself; replace it with the file itself",),
        layer=FILES,
    ),
    Hostile(
        "symlink-to-a-folder-inside",
        link("docs/again", "story"),
        "docs/again:1: is a symlink to a folder ('story'); MkDocs would copy everything in it (a loop, without end):"
        " replace it with the folder itself",
        layer=FILES,
    ),
    Hostile("fifo-in-docs", fifo("docs/pipe.md"), "docs/pipe.md:1: is a FIFO, not a file; remove it", layer=FILES),
    Hostile("symlink-within-the-site", link("docs/home.md", "index.md")),
    # 9. Files in docs/ that are not pages: allowed by type, checked by content, capped in size
    Hostile(
        "html-file-in-docs",
        write("docs/x.html", "<script>alert(1)</script>"),
        NOT_PUBLISHED.format(file="docs/x.html", kind="a .html file"),
        layer=FILES,
    ),
    Hostile(
        "file-without-an-extension",
        write("docs/payload", "#!/bin/sh\n"),
        NOT_PUBLISHED.format(file="docs/payload", kind="a file without an extension"),
        layer=FILES,
    ),
    Hostile(
        "png-that-is-html",
        write("docs/assets/x.png", "<script>alert(1)</script>"),
        "docs/assets/x.png:1: is named .png but is not a PNG image; save it in that format",
        layer=FILES,
    ),
    Hostile(
        "svg-with-script",
        write(
            "docs/assets/x.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.domain)</script>\n</svg>\n',
        ),
        "docs/assets/x.svg:2: SVG has a <script> element (nothing in an SVG may run script; not allowed in an SVG)",
        layer=FILES,
    ),
    Hostile(
        "svg-with-event-handler",
        write(
            "docs/assets/onload.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
        ),
        (
            "docs/assets/onload.svg:1: SVG has an attribute 'onload' on <svg> (event handlers run script; not allowed"
            " in an SVG)"
        ),
        layer=FILES,
    ),
    Hostile(
        "svg-entity-bomb",
        write(
            "docs/assets/entities.svg",
            '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<svg xmlns="http://www.w3.org/2000/svg">&b;</svg>',
        ),
        "docs/assets/entities.svg:1: SVG has a DOCTYPE (it can declare entities); remove it",
        layer=FILES,
    ),
    Hostile(
        "svg-style-element-importing",
        write(
            "docs/assets/styled.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<style>@import url(https://e.example/x.css);</style>\n</svg>\n',
        ),
        (
            "docs/assets/styled.svg:2: SVG has a <style> element that uses '@import' in a style (it can load from"
            " another host or run script)"
        ),
        layer=FILES,
    ),
    Hostile(
        "svg-javascript-link-and-foreign-object",
        write(
            "docs/assets/link.svg",
            (
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n<a '
                'xlink:href="javascript:alert(1)"><text>x</text></a>\n</svg>'
            ),
        ),
        "docs/assets/link.svg:2: SVG links to 'javascript:alert(1)'; use https:// or a link within the site",
        layer=FILES,
    ),
    Hostile(
        "image-over-the-limit",
        write_bytes("docs/assets/big.png", b"\x89PNG\r\n\x1a\n" + bytes(6_000_000)),
        (
            "docs/assets/big.png:1: 6,000,008 bytes is over the 5,242,880-byte (5 MB) limit for a PNG image; make it "
            "smaller"
        ),
        layer=FILES,
    ),
    Hostile(
        "undeclared-script",
        write("docs/assets/extra.js", "alert(1)"),
        "docs/assets/extra.js:1: is a script that mkdocs.yml does not list in extra_javascript; list it there"
        " (a reviewer reads mkdocs.yml) or remove it",
        layer=FILES,
    ),
    Hostile(
        "plain-svg-png-and-font",
        together(
            write("docs/assets/ok.svg", OK_SVG),
            write_bytes("docs/assets/ok.png", PNG),
            write_bytes("docs/assets/ok.woff2", b"wOF2" + bytes(40)),
        ),
    ),
    # 10. HTML written in pages: the allow-list, as for data
    Hostile(
        "page-script-block",
        append(THE_FALL, "\n<script>alert(document.domain)</script>\n"),
        message("contributing-page-writes-a-script"),
        layer=PAGE,
    ),
    Hostile(
        "page-inline-event-handler",
        append(THE_FALL, '\nText <span onmouseover="alert(1)">here</span>.\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="has an attribute 'onmouseover' on <span> (event handlers run script; not allowed in a page)",
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-attribute-list-handler",
        append(THE_FALL, '\nA paragraph.\n{: onclick="alert(1)" }\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 3,
            what="has an attribute 'onclick' on <p> (event handlers run script; not allowed in a page)",
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-javascript-link",
        append(THE_FALL, "\nA [link](javascript:alert(1)).\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2, what="links to 'javascript:alert(1)'; use https:// or a link within the site"
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-data-url-link",
        append(THE_FALL, "\nA [link](data:text/html,<script>alert(1)</script>).\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="links to 'data:text/html,<script>alert(1)</script>'; use https:// or a link within the site",
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-remote-image",
        append(THE_FALL, "\n![x](https://e.example/x.png)\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what=(
                "loads 'https://e.example/x.png' from outside the site (<img src>); put the file in docs/ and link to "
                "it there"
            ),
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-entity-encoded-javascript-link",
        append(THE_FALL, "\nA [link](jav&#x61;script&colon;alert(1)).\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2, what="links to 'javascript:alert(1)'; use https:// or a link within the site"
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-entity-encoded-remote-image",
        append(THE_FALL, "\n![x](&#104;ttps://e.example/x.png)\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what=(
                "loads 'https://e.example/x.png' from outside the site (<img src>); put the file in docs/ and link to "
                "it there"
            ),
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-iframe",
        append(THE_FALL, '\n<iframe src="https://e.example/"></iframe>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what=(
                "has a <iframe> element (a site may allow frames from named hosts in mkdocs.yml (extra: explainer: "
                "allow_html:); not allowed in a page)"
            ),
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-object-and-form",
        append(THE_FALL, '\n<form action="https://e.example/"><input name="q"></form>\n'),
        PAGE_HTML.format(line=LAST_LINE + 2, what="has a <form> element (not allowed in a page)"),
        layer=PAGE,
    ),
    Hostile(
        "page-base-href",
        append(THE_FALL, '\n<base href="https://e.example/">\n'),
        PAGE_HTML.format(line=LAST_LINE + 2, what="has a <base> element (not allowed in a page)"),
        layer=PAGE,
    ),
    Hostile(
        "page-style-url",
        append(THE_FALL, '\n<div style="background:url(https://e.example/x)">x</div>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="has a style on <div> that uses 'url(' in a style (it can load from another host or run script)",
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-md-in-html-handler",
        append(THE_FALL, '\n<div markdown="1" onclick="alert(1)">\n*x*\n</div>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="has an attribute 'onclick' on <div> (event handlers run script; not allowed in a page)",
        ),
        layer=PAGE,
    ),
    Hostile(
        "page-comment-parsed-two-ways",
        append(THE_FALL, "\n<!--><img src=x onerror=alert(1)>-->\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 2, what="has a '<' that starts no complete tag (a missing > or quote?); write it as &lt;"
        ),
        lines=2,
        layer=PAGE,
    ),
    Hostile(
        "page-theme-id",
        append(THE_FALL, "\nA paragraph.\n{: #__search }\n"),
        PAGE_HTML.format(line=LAST_LINE + 3, what="has id='__search' on <p>; ids starting with __ belong to the theme"),
        layer=PAGE,
    ),
    Hostile(
        "data-attribute-list-on-a-chart-cell",
        replace(FIGURES, "note: Month-level figure.", "note: 'Month-level figure. {: onmouseover=alert(1) }'"),
        "docs/story/the-fall.md:1: text the page shows from the data files ends in braces ({…}), which Markdown read"
        " as attributes (onmouseover='alert(1)') for a <td> the build made; write that text without braces",
        layer=PAGE,
    ),
    Hostile("page-allowed-html", append(THE_FALL, ALLOWED_HTML), pages=("story/the-fall/",)),
    # 11. Front matter the theme prints
    Hostile(
        "front-matter-subtitle-svg",
        replace(
            INDEX,
            "title: Home\n",
            'title: Home\nsubtitle: "<svg width=0 height=0 onload=alert(document.domain)></svg>"\n',
        ),
        "docs/index.md:3: front matter 'subtitle' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
    ),
    Hostile(
        "front-matter-status-breakout",
        replace(INDEX, "title: Home\n", "title: Home\nstatus: 'new\" onmouseover=\"alert(1)'\n"),
        (
            "docs/index.md:3: front matter 'status' must be one word of lowercase letters, digits and hyphens (new, "
            "deprecated)"
        ),
        layer=PAGE,
    ),
    Hostile(
        "front-matter-unknown-key",
        replace(INDEX, "title: Home\n", "title: Home\ntemplate: 404.html\n"),
        (
            "docs/index.md:3: front matter 'template' is not a key the site knows; use one of: description, glossary, "
            "hide, icon, retold, search, status, subtitle, title"
        ),
        layer=PAGE,
    ),
    Hostile(
        "front-matter-list-value",
        replace(INDEX, "title: Home\n", "title: Home\nsubtitle: ['<img src=x onerror=alert(1)>']\n"),
        "docs/index.md:3: front matter 'subtitle' must be text (quote it)",
        layer=PAGE,
    ),
    Hostile(
        "front-matter-character-reference",
        replace(INDEX, "title: Home\n", "title: Home\nsubtitle: '&#60;img src=x onerror=alert(1)&#62;'\n"),
        "docs/index.md:3: front matter 'subtitle' is plain text: write the character itself, not '&#60;'",
        layer=PAGE,
    ),
    Hostile(
        "front-matter-multimarkdown",
        write("docs/notes.md", "subtitle: <svg onload=alert(1)>\n\n# Notes\n\nText.\n"),
        "docs/notes.md:1: front matter 'subtitle' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
    ),
    Hostile(
        "front-matter-icon-path",
        replace(INDEX, "title: Home\n", "title: Home\nicon: ../../../../etc/passwd\n"),
        "docs/index.md:3: front matter 'icon' must be an icon's name, lowercase words and slashes: material/alert",
        layer=PAGE,
    ),
    Hostile(
        "front-matter-icon-missing",
        replace(INDEX, "title: Home\n", "title: Home\nicon: material/no-such-icon\n"),
        (
            "docs/index.md:3: front matter 'icon' names an icon the theme does not have ('material/no-such-icon'); "
            "pick one from Material's list of icons (material/..., fontawesome/...)"
        ),
        layer=PAGES,
    ),
    Hostile(
        "front-matter-allowed-keys",
        replace(
            INDEX,
            "title: Home\n",
            "title: Home\nsubtitle: Home & away\nstatus: new\nicon: material/alert\nhide: [toc]\nsearch: {boost: 2}\n",
        ),
        pages=("",),
    ),
    # 12. Thousands of repeated mistakes on one page: every one reported, in time proportional to the page (`make
    # bench` times the four together), each at its layer.
    Hostile(
        "page-of-3000-unknown-citations",
        append(THE_FALL, "".join(f"\nCited.[^nobody-{n}]\n" for n in range(3000))),
        UNKNOWN_SOURCE.format(line=LAST_LINE + 2, n=0),
        lines=3000,
        layer=PAGE,
        alone=MANY,
    ),
    Hostile(
        "page-of-3000-unknown-glossary-links",
        append(TIES, "".join(f"\n[term](glossary:nobody-{n})\n" for n in range(3000))),
        (f"{TIES}:{last_line(TIES) + 2}: links to unknown glossary entry 'nobody-0' (not in data/glossary.yml)"),
        lines=3000,
        layer=PAGE,
        alone=MANY,
    ),
    Hostile(
        "page-of-3000-broken-links",
        append(CORRECTED, "".join(f"\n[page](nowhere-{n}.md)\n" for n in range(3000))),
        f"{CORRECTED}:{last_line(CORRECTED) + 2}: link 'nowhere-0.md' leads to no file: there is no docs/nowhere-0.md",
        lines=3000,
        layer=SITE,  # MkDocs' own link check: tests/test_link_checks.py's strict build holds it with its page
        alone=MANY,
    ),
    Hostile(
        "page-of-5000-same-mistake",
        append(INDEX, "\nCited.[^nobody] \n" * 5000),
        f"{INDEX}:{last_line(INDEX) + 2}: cites unknown source 'nobody' (not in data/sources.yml)",
        layer=PAGE,
        alone=MANY,
    ),
    # 13. A correction's anchor never matches the build's internals
    Hostile(
        "anchor-on-a-raw-html-placeholder",
        together(
            append(CORRECTED, '\n<div class="note">A block that must stay.</div>\n'),
            append(CORRECTIONS, CORRECTION.format(anchor="wzxhzdk:0")),
        ),
        ANCHOR_NOT_FOUND.format(anchor="wzxhzdk:0"),
        layer=PAGE,
        page="corrected.md",
    ),
    Hostile(
        "anchor-on-an-escape-placeholder",
        together(append(CORRECTED, "\nA \\*starred\\* word.\n"), append(CORRECTIONS, CORRECTION.format(anchor='"42"'))),
        ANCHOR_NOT_FOUND.format(anchor="42"),
        layer=PAGE,
        page="corrected.md",
    ),
    Hostile(
        "anchor-on-an-ampersand-placeholder",
        together(append(CORRECTED, "\nTom &amp; Jerry.\n"), append(CORRECTIONS, CORRECTION.format(anchor="amp"))),
        ANCHOR_NOT_FOUND.format(anchor="amp"),
        layer=PAGE,
        page="corrected.md",
    ),
    # 14. Addresses that imitate another host: warnings a reviewer must answer (URL_WARNINGS, below, are their starts)
    Hostile(
        "source-url-with-credentials",
        replace(SOURCES, "url: https://example.com/press/split", "url: https://reuters.com@evil.example/wire"),
        (
            f"data/sources.yml:15: source 'company-2023-split': {CREDENTIALS} "
            "('reuters.com@'); a browser goes to 'evil.example', after the @: remove what comes before it"
        ),
        layer=PAGES,
    ),
    Hostile(
        "source-url-mixed-scripts",
        replace(SOURCES, "url: https://example.com/post/fine", "url: https://www.r\u0435uters.com/wire"),
        (
            f"data/sources.yml:24: source 'post-2021-fine': {MIXES.format(host=CYRILLIC_REUTERS)} in "
            "'r\u0435uters' (CYRILLIC and LATIN), a way to imitate another host: check that the address is the "
            "publisher's (once checked, add 'www.r\u0435uters.com' to extra: explainer: reviewed_hosts in mkdocs.yml)"
        ),
        layer=PAGES,
    ),
    Hostile(
        "source-url-punycode",
        replace(SOURCES, "url: https://example.com/daily/summons", "url: https://xn--ruters-2nf.com/wire"),
        (
            f"data/sources.yml:34: source 'daily-2020-summons': {MIXES.format(host='xn--ruters-2nf.com')} in "
            "'\u0430ruters' (CYRILLIC and LATIN), a way to imitate another host: check that the address is the "
            "publisher's (once checked, add 'xn--ruters-2nf.com' to extra: explainer: reviewed_hosts in mkdocs.yml)"
        ),
        layer=PAGES,
    ),
    Hostile(
        "source-url-look-alike",
        replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://reuters.co/wire"),
        (message("contributing-source-host-look-alike")),
        layer=PAGES,
    ),
    Hostile(
        "source-url-look-alike-answered",
        together(
            replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://reuters.co/wire"),
            append("mkdocs.yml", "extra:\n  explainer:\n    reviewed_hosts: [reuters.co]\n"),
        ),
    ),
    # 15. Invisible and direction-changing characters in data
    Hostile(
        "zero-width-space-in-a-title",
        replace(EVENTS, "title: The group splits into six parts", 'title: "The group splits\u200b into six parts"'),
        message("contributing-invisible-character"),
        layer=DATA,
    ),
    Hostile(
        "byte-order-mark-inside-text",
        replace(GLOSSARY, "short: China's central bank.", 'short: "China\ufeff\'s central bank."'),
        INVISIBLE.format(file=GLOSSARY, line=37, point="U+FEFF ZERO WIDTH NO-BREAK SPACE", why=HIDES),
        layer=DATA,
    ),
    Hostile(
        "right-to-left-mark-in-a-summary",
        replace(
            EVENTS,
            "summary: The group said it would reorganize into six business groups.",
            'summary: "The group said it would \u200freorganize."',
        ),
        INVISIBLE.format(file=EVENTS, line=16, point="U+200F RIGHT-TO-LEFT MARK", why=REORDERS),
        layer=DATA,
    ),
    Hostile(
        "isolate-in-a-source-title",
        replace(
            SOURCES,
            "title: Example Group announces six business groups",
            'title: "Example Group \u2067announces six business groups"',
        ),
        (
            "data/sources.yml:13: contains the control character U+2067 RIGHT-TO-LEFT ISOLATE, which data files may "
            "not hold; delete it"
        ),
        layer=DATA,
    ),
    Hostile(
        "private-use-character",
        replace(EVENTS, "title: The group splits into six parts", 'title: "The group splits \ue000 into six parts"'),
        INVISIBLE.format(file=EVENTS, line=15, point="U+E000 (a private-use character)", why=HIDES),
        layer=DATA,
    ),
    # 16. Numbers at the limits of a float
    Hostile(
        "figure-of-1.7e308",
        replace(FIGURES, "value: 700", "value: 1.7e+308"),
        message("contributing-number-too-large"),
        layer=DATA,
    ),
    Hostile(
        "figures-spanning-every-float",
        together(
            replace(FIGURES, "value: -2", "value: -1.7e+308"), replace(FIGURES, "value: 4\n", "value: 1.7e+308\n")
        ),
        f"{FIGURES}:27: -1.7e+308 {TOO_LARGE}",
        lines=2,
        layer=DATA,
    ),
    Hostile(
        "integer-of-5000-digits",
        replace(FIGURES, "value: 700", "value: " + "9" * 5000),
        f"{FIGURES}:13: a number written with 5,000 characters is longer than a data file allows (32); check it",
        layer=DATA,
    ),
    Hostile(
        "hexadecimal-of-2000-digits",
        replace(FIGURES, "value: 700", "value: 0x" + "f" * 2000),
        f"{FIGURES}:13: a number written with 2,002 characters is longer than a data file allows (32); check it",
        layer=DATA,
    ),
    Hostile(
        "integer-of-300-digits-in-an-event",
        replace(EVENTS, "amount: 34.5", "amount: 1" + "0" * 30),
        f"{EVENTS}:11: 1{'0' * 30} {TOO_LARGE}",
        layer=DATA,
    ),
    Hostile(
        "denormal-figures",
        together(replace(FIGURES, "value: -2", "value: 5.0e-324"), replace(FIGURES, "value: 4\n", "value: 1.0e-323\n")),
        (
            f"{FIGURES}:27: 5.0e-324 is too small for a chart to draw (the smallest is 10^-9, other than 0); check the "
            f"number, or give it in a smaller unit"
        ),
        lines=2,
        layer=DATA,
    ),
    Hostile(
        "figures-at-the-limits",
        together(
            replace(FIGURES, "value: -2", "value: -1.0e+15"),
            replace(FIGURES, "value: 4\n", "value: 1000000000000000\n"),
        ),
        pages=("", "timeline/"),
    ),
]

# Addresses a careful reader would question, each with the start of its one warning (explainer.urlcheck.url_warnings;
# tests/test_hostile_inputs.py), and the same as the source-url-* cases above say it.
URL_WARNINGS = [
    ("https://reuters.com@evil.example/x", CREDENTIALS),
    (f"https://{CYRILLIC_REUTERS}/x", MIXES.format(host=CYRILLIC_REUTERS)),
    ("https://xn--ruters-2nf.com/x", MIXES.format(host="xn--ruters-2nf.com")),
    ("https://reuters.co/x", LOOKS_LIKE.format(host="reuters.co", like="reuters.com")),
    ("https://bloornberg.com/x", LOOKS_LIKE.format(host="bloornberg.com", like="bloomberg.com")),
    ("https://reuters.com.evil.example/x", LOOKS_LIKE.format(host="reuters.com.evil.example", like="reuters.com")),
    ("https://\u051d\u0455\u0458.com/", "looks like 'wsj.com'"),  # all Cyrillic, one script: its skeleton
]

# Error paths the cases above leave unvisited (issue 22: the engine's coverage) ----------------------------
#
# Each run at its layer by tests/test_bad_inputs.py, with the cases above (added to ALL here).

TRANSLATION_NOTICE = "      notice: Translation notes added\n"
UPDATE_KIND = "    update:\n      wrong_intro: This page said\n"


def every(file: str, old: str, new: str) -> Edit:
    """Replace each occurrence of `old` in `file` (there must be one at least)."""

    def edit(project: Path) -> None:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{file} should contain {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit


COVERAGE_CASES = [
    case(
        "story-date-not-a-real-month",
        replace(STORY, 'start: "2020-10"', 'start: "2020-13"'),
        "data/story.yml:6: dates: start: '2020-13' has no month 13",
    ),
    case(
        # The other kinds stay declared: data/corrections.yml's 'translation' is not reported unknown.
        "story-correction-kind-setting-of-the-wrong-type",
        replace(STORY, "      mark: C\n    translation", "      mark: C\n      inline: maybe\n    translation"),
        "data/story.yml:38: correction kind 'update': 'corrections.kinds.update.inline' must be true or false"
        ' (got "maybe")',
    ),
    case(
        "story-source-kind-unknown-key",
        append(STORY, "\nsources:\n  kinds:\n    filing: {heading: Court filings, label: Filing}\n"),
        "data/story.yml:48: source kind 'filing': unknown key 'label' (allowed: heading, description)",
    ),
    case(
        # A site's publishers (explainer.urlcheck): host names, not addresses; the good one beside it is kept.
        "story-known-host-not-a-host-name",
        append(STORY, "\nsources:\n  known_hosts:\n    - courtlistener.com\n    - https://law360.com/news\n"),
        "data/story.yml:49: 'sources.known_hosts[1]' must be a host name in lower case, like 'example.com'"
        ' (no https://, no path, no port; a name in other letters in its xn-- form) (got "https://law360.com/news")',
    ),
    case(
        "story-correction-kind-page-without-title",
        replace(STORY, TRANSLATION_NOTICE, TRANSLATION_NOTICE + "      page: translation-log.md\n"),
        "data/story.yml:43: correction kind 'translation': page: translation-log.md needs page_title: (the page's"
        " title); add it",
    ),
    case(
        "story-correction-kind-page-title-without-page",
        replace(STORY, TRANSLATION_NOTICE, TRANSLATION_NOTICE + "      page_title: Translation log\n"),
        "data/story.yml:43: correction kind 'translation': page_title: is for a page of its own; add page: or"
        " remove page_title",
    ),
    case(
        "story-correction-kinds-on-one-page",
        together(
            replace(
                STORY, UPDATE_KIND, "    update:\n      page: log.md\n      page_title: Updates\n" + UPDATE_KIND[12:]
            ),
            replace(STORY, TRANSLATION_NOTICE, TRANSLATION_NOTICE + "      page: log.md\n      page_title: Log\n"),
        ),
        "data/story.yml:45: correction kind 'translation': page log.md is already the page of kind 'update'; give"
        " each kind a page of its own",
    ),
    case(
        "story-glossary-category-not-text",
        append(
            STORY,
            "\nglossary:\n  categories:\n    person: 3\n    organization: Orgs\n    product: Products\n"
            "    concept: Concepts\n",
        ),
        "data/story.yml:48: glossary category 'person': 'glossary.categories.person' must be text (got 3)",
    ),
    case(
        # The other files use the vocabulary it declares: they are read for their YAML only, so none of their
        # kinds, stakes or units is called unknown (bug: 6 more lines, the engine's defaults judging them).
        "story-that-does-not-parse-stops-the-vocabulary-checks",
        append(STORY, "\ntimeline: [headline_events\n"),
        "data/story.yml:46: YAML syntax error: the list opened with [ on this line is not closed with ]",
    ),
    case(
        "story-corrections-intro-html-comment",
        replace(STORY, "corrections:\n  kinds:", "corrections:\n  intro: 'Kinds. <!-- note -->'\n  kinds:"),
        "data/story.yml:31: corrections: 'intro' has an HTML comment (not allowed in data)",
    ),
    case(
        "story-corrections-intro-declaration",
        replace(STORY, "corrections:\n  kinds:", "corrections:\n  intro: '<!DOCTYPE html>'\n  kinds:"),
        "data/story.yml:31: corrections: 'intro' has an HTML declaration (not allowed in data)",
    ),
    case(
        "story-corrections-intro-processing-instruction",
        replace(STORY, "corrections:\n  kinds:", "corrections:\n  intro: 'Kinds. <?php x ?>'\n  kinds:"),
        "data/story.yml:31: corrections: 'intro' has an HTML processing instruction (not allowed in data)",
    ),
    case(
        # </b> closes the <i> left open inside it, as a browser does, before the <b> is refused.
        "story-corrections-intro-tags-closed-out-of-order",
        replace(STORY, "corrections:\n  kinds:", "corrections:\n  intro: 'Kinds <b><i>of</b> fixes.'\n  kinds:"),
        "data/story.yml:31: corrections: 'intro' has a <b> element (not allowed in data)",
    ),
    case(
        "page-cdata-section",
        append(THE_FALL, "\n<![CDATA[x]]>\n"),
        PAGE_HTML.format(line=LAST_LINE + 2, what="has an HTML declaration (not allowed in a page)"),
        layer=PAGE,
    ),
    case(
        # Python 3.11's parser stops with an AssertionError at `<![` before a word other than CDATA, if, endif.
        "page-unknown-marked-section",
        append(THE_FALL, "\n\n<div>\n<![ix]>\n</div>\n"),
        PAGE_HTML.format(line=LAST_LINE + 3, what="has an HTML declaration (not allowed in a page)"),
        layer=PAGE,
    ),
    case(
        # Taken for the footnotes' own list, it stopped Python-Markdown's footnotes with a traceback.
        "page-writes-a-footnote-list",
        append(THE_FALL, '\n<div class="footnote" markdown>\n<ol><li>y</li></ol>\n</div>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2, what='has class="footnote", the footnotes\' own list (write footnotes as [^name])'
        ),
        layer=PAGE,
    ),
    case(
        "page-url-in-a-title",
        append(THE_FALL, '\nA <abbr title="url(javascript:x)">b</abbr>.\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="has an attribute 'title' on <abbr> that uses 'url(' in a style (it can load from another host or run"
            " script)",
        ),
        layer=PAGE,
    ),
    case(
        # In a block, an SVG is checked against the SVG allow-list, where a link within it (#a) is allowed.
        "page-svg-event-handler",
        append(THE_FALL, '\n<div>\n<svg viewBox="0 0 1 1"><use href="#a"/><circle r="1" onclick="x"/></svg>\n</div>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 3,
            what="has an attribute 'onclick' on <circle> (event handlers run script; not allowed in an SVG)",
        ),
        layer=PAGE,
    ),
    case(
        "page-svg-link-out-of-the-document",
        append(THE_FALL, '\n<div>\n<svg viewBox="0 0 1 1"><use href="https://e.example/#a"/></svg>\n</div>\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 3,
            what="has href='https://e.example/#a' on <use>; only a link within the document (#id) is allowed there",
        ),
        layer=PAGE,
    ),
    case(
        "page-raw-link-with-credentials",
        append(THE_FALL, '\nA <a href="https://reuters.com@evil.example/x">link</a>.\n'),
        f"{THE_FALL}:{LAST_LINE + 2}: link: {CREDENTIALS} ('reuters.com@'); a browser goes to 'evil.example', after"
        " the @: remove what comes before it",
        layer=PAGE,
        level="warning",
    ),
    case(
        # The attribute list's href is taken back out: the link keeps the address it was written with.
        "page-attribute-list-replaces-a-link",
        append(THE_FALL, '\n[a link](https://example.com/){: href="javascript:alert(1)" }\n'),
        PAGE_HTML.format(
            line=LAST_LINE + 2, what="links to 'javascript:alert(1)'; use https:// or a link within the site"
        ),
        layer=PAGE,
    ),
    case(
        "page-markdown-in-html-script",
        append(THE_FALL, "\n<div markdown>\n\n*x* <script>y</script>\n\n</div>\n"),
        PAGE_HTML.format(
            line=LAST_LINE + 4, what="has a <script> element (nothing in a page may run script; not allowed in a page)"
        ),
        layer=PAGE,
    ),
    case(
        "page-allowed-frame-from-an-unreadable-host",
        together(
            append(
                "mkdocs.yml",
                "extra:\n  explainer:\n    allow_html:\n      iframe: {attributes: [src], hosts: [video.example]}\n",
            ),
            append(THE_FALL, '\n<iframe src="https://[::1/x"></iframe>\n'),
        ),
        PAGE_HTML.format(
            line=LAST_LINE + 2,
            what="loads 'https://[::1/x' from outside the site (<iframe src>); put the file in docs/ and link to it"
            " there",
        ),
        layer=PAGE,
    ),
    case(
        "front-matter-retold-not-true-or-false",
        replace(INDEX, "title: Home\n", "title: Home\nretold: yes please\n"),
        "docs/index.md:3: front matter 'retold' must be true or false",
        layer=PAGE,
    ),
    case(
        "front-matter-search-not-a-mapping",
        replace(INDEX, "title: Home\n", "title: Home\nsearch: exclude\n"),
        "docs/index.md:3: front matter 'search' takes exclude: true or false, and boost: a number from 0 to 10",
        layer=PAGE,
    ),
    case(
        "story-unit-key-with-spaces",
        replace(STORY, "units:\n", "units:\n  US Dollars: {axis: x}\n"),
        "data/story.yml:25: unit 'US Dollars': key 'US Dollars' in 'units' must be lowercase letters, digits and"
        " single hyphens, like 'owned-by-the-subject'",
    ),
    case(
        "story-currency-code-in-lowercase",
        replace(STORY, "currencies:\n", "currencies:\n  usd: {prefix: x}\n"),
        "data/story.yml:28: currency 'usd': key 'usd' in 'currencies' must be an ISO 4217 code: three capital"
        " letters, like 'USD'",
    ),
    case(
        "correction-marked-in-the-text-without-its-anchor",
        replace(CORRECTIONS, "  anchor: Dan Ives\n", ""),
        "data/corrections.yml:13: correction 'dan-ives': kind 'translation' is marked in the text, so it needs"
        " anchor:; add it, or use a kind with inline: false in data/story.yml",
    ),
    case(
        "single-source-claim-date-not-a-real-month",
        replace(SOURCES, FINE_CLAIM, '[{claim: "The fine", figure: group-value, date: "2021-13"}]'),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: '2021-13' has no month 13",
    ),
    case(
        "more-headline-events-than-the-story-allows",
        together(
            append(STORY, "\ntimeline:\n  headline_events: {min: 0, max: 1}\n"),
            every(EVENTS, "  section: the-fall\n", "  section: the-fall\n  headline: true\n"),
        ),
        "data/events.yml:21: 2 events are marked headline: true, but timeline: headline_events in data/story.yml asks"
        " for 0 to 1; take headline: true off the least important, or raise max there",
    ),
    case(
        "fewer-headline-events-than-the-story-asks",
        append(STORY, "\ntimeline:\n  headline_events: {min: 2, max: 4}\n"),
        "data/events.yml:2: 0 events are marked headline: true, but timeline: headline_events in data/story.yml asks"
        " for 2 to 4; mark the events that matter most with headline: true, or lower min there",
    ),
]

ALL += COVERAGE_CASES
MISTAKES.update((mistake.name, mistake) for mistake in COVERAGE_CASES)
assert len(MISTAKES) == len(ALL), "two cases share a name"


# What make says, before it runs anything, of a committed file a machine made (the Makefile's
# no-machine-made-files; tests/test_machine_made.py): one line per file, then the summary.
MACHINE_MADE_FILE = (
    "hooks/__pycache__/explainer_hooks.cpython-311.pyc:1: compiled code or an installed tool is committed: "
    "make would run it, and no reviewer can read it; remove it from git (git rm -r --cached)"
)
MACHINE_MADE_SUMMARY = "Stopped: {count} committed file(s) made by a machine; nothing was run"
MACHINE_MADE_GIT_FAILED = (
    "Stopped: git cannot list this checkout's files, so committed code cannot be checked "
    '(as another user, run git config --global --add safe.directory "{path}")'
)

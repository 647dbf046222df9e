"""The catalogue of bad inputs: every mistake a contributor can make stops the build with one clear line.

Each case edits one file of a fresh copy of the fixture site, builds it with `--strict`, and
asserts the build fails with exactly one `file:line: what is wrong` message, naming the exact
file and line. A few cases also run the real `mkdocs build --strict` command in a subprocess, and
one the quick check (`python -m explainer.validate`, the same build) with six mistakes at once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE_SITE, REPO, build_project

from explainer import validate

Edit = Callable[[Path], None]

LOCATED = re.compile(r"^[\w./-]+:\d+: ")
SOURCES = "data/sources.yml"
FINE_CLAIM = '[{claim: "The size of the fine, in yuan & dollars", page: ties.md, anchor: The group was fined}]'
THE_FALL = "docs/story/the-fall.md"


# Edits --------------------------------------------------------------------------------------


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


def case(case_id: str, edit: Edit, expected: str):
    return pytest.param(edit, expected, id=case_id)


# The catalogue ------------------------------------------------------------------------------

WIRE_TITLE = 'title: "Fintech group\'s record listing is halted"'
WIRE_AUTHORS = "authors: [Ann Writer, Bo Reporter]"
SPLIT_URL = "url: https://example.com/press/split"
ALLOWED_SOURCE_KEYS = (
    "id, publisher, title, authors, published, url, kind, used_for, notes, stake, origin, single_source, base_report"
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
    ),
    case(
        "python-tag",
        replace(SOURCES, "kind: news", "kind: !!python/name:os.system"),
        "data/sources.yml:8: unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'",
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
        "value-not-in-list",
        replace(SOURCES, "kind: primary", "kind: blog"),
        "data/sources.yml:16: source 'company-2023-split': 'kind' must be one of: primary, news, analysis, reference"
        ' (got "blog")',
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
    ),
]

PAGE_CASES = [
    case(
        "figure-cited-to-one-origin",
        replace(THE_FALL, "halted two days", "halted 2 days"),
        'docs/story/the-fall.md:7: the figure in "The listing was halted 2 days before it was due." is cited only to'
        " Example Wire: add a second report of another origin, or declare it single-source in data/sources.yml"
        " (single_source: claim, page, anchor)",
    ),
    case(
        "page-cites-unknown-source",
        replace(THE_FALL, "[^company-2023-split]", "[^reuters-2020]"),
        "docs/story/the-fall.md:13: cites unknown source 'reuters-2020' (not in data/sources.yml)",
    ),
    case(
        "citation-after-a-code-example-of-it",
        append(THE_FALL, "\nA real citation of the key shown in code above.[^not-a-source]\n"),
        "docs/story/the-fall.md:23: cites unknown source 'not-a-source' (not in data/sources.yml)",
    ),
    case(
        "page-not-utf-8",
        replace(THE_FALL, "## A split", "## A spl\udce9t"),
        "docs/story/the-fall.md:11: not UTF-8 (byte 0xE9 at offset 171); save the file as UTF-8",
    ),
    case(
        "page-over-the-size-limit",
        append(THE_FALL, "\nPadding.\n" * 30_000),
        f"docs/story/the-fall.md:1: {fixture_size(THE_FALL) + 300_000:,} bytes is over the 262,144-byte (256 KB)"
        " limit for a page; split it",
    ),
    case(
        "new-page-cites-unknown-source",
        write("docs/story/another.md", NEW_STORY_PAGE),
        "docs/story/another.md:11: cites unknown source 'nobody-2021' (not in data/sources.yml)",
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
        "page-links-unknown-glossary-entry",
        replace("docs/story/glossary-every.md", "glossary:ant-group", "glossary:ant-grop"),
        "docs/story/glossary-every.md:10: links to unknown glossary entry 'ant-grop' (not in data/glossary.yml)",
    ),
    case(
        "page-front-matter-unknown-value",
        replace("docs/story/glossary-every.md", "glossary: every\n---", "glossary: all\n---"),
        "docs/story/glossary-every.md:4: front matter 'glossary' must be one of: first, every, off",
    ),
]

EVENT_CASES = [
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
        "event-names-unknown-section",
        replace(EVENTS, "section: timeline-cases", "section: the-rise"),
        "data/events.yml:27: event 'cases-first-week' names unknown section 'the-rise'"
        " (story pages: glossary-cases, glossary-every, the-fall, timeline-cases)",
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
    ),
    case(
        "marker-twice",
        replace(TIMELINE_CASES, "<!-- key-dates -->", "<!-- key-dates -->\n\n<!-- key-dates -->"),
        "docs/story/timeline-cases.md:7: the <!-- key-dates --> marker appears 2 times; keep one",
    ),
    case(
        "marker-naming-nothing",
        replace(EVENTS, "section: timeline-cases", "section: the-fall"),
        "docs/story/timeline-cases.md:7: <!-- key-dates -->: no event in data/events.yml has section 'timeline-cases'; "
        "give this chapter's events `section: timeline-cases`, or remove the marker",
    ),
    case(
        "marker-outside-the-story",
        replace("docs/index.md", "# Fixture home", "<!-- key-dates -->\n\n# Fixture home"),
        "docs/index.md:5: <!-- key-dates --> belongs on a story page (docs/story/*.md)",
    ),
    case(
        "event-link-after-a-code-example-of-it",
        append(TIMELINE_CASES, "\nA real [link](event:no-such-event).\n"),
        "docs/story/timeline-cases.md:13: links unknown event 'no-such-event' (not in data/events.yml)",
    ),
    case(
        "page-links-unknown-event",
        replace(TIMELINE_CASES, "event:ipo-halted", "event:ipo-haltd"),
        "docs/story/timeline-cases.md:9: links unknown event 'ipo-haltd' (not in data/events.yml)",
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

CHART_CASES = [
    case(
        "chart-unknown-series",
        replace(THE_FALL, CHART_MARKER, "<!-- chart: group-valeu -->"),
        "docs/story/the-fall.md:15: chart marker names unknown series 'group-valeu' (not in data/figures.yml)",
    ),
    case(
        "chart-unknown-event",
        replace("docs/index.md", "events: ipo-halted -->", "events: ipo-haltd -->"),
        "docs/index.md:11: chart 'cloud-growth' marks unknown event 'ipo-haltd' (not in data/events.yml)",
    ),
    case(
        "chart-marker-misspelt",
        replace(THE_FALL, CHART_MARKER, "<!-- chart group-value -->"),
        f"docs/story/the-fall.md:15: unknown chart marker '<!-- chart group-value -->'; write {CHART_FORMS}",
    ),
    case(
        "chart-twice-on-a-page",
        append(THE_FALL, f"\n{CHART_MARKER}\n"),
        "docs/story/the-fall.md:23: the chart 'group-value' is already on this page (line 15); show each series"
        " once per page",
    ),
]

# Data-file mistakes only the build can find: they need the list of all pages or their converted text.
NEEDS_PAGE_TEXT = "; copy an exact phrase from the page's text (not from a heading, link or code)"
BUILD_ONLY_CASES = [
    case(
        "correction-on-unknown-page",
        replace(CORRECTIONS, "page: corrected.md\n  anchor: Dan Ives", "page: story/nowhere.md\n  anchor: Dan Ives"),
        "data/corrections.yml:11: correction 'dan-ives' is on unknown page 'story/nowhere.md'",
    ),
    case(
        "correction-anchor-missing",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Dan Ivess"),
        f"data/corrections.yml:12: correction 'dan-ives' anchor \"Dan Ivess\" does not occur in docs/corrected.md"
        f"{NEEDS_PAGE_TEXT}",
    ),
    case(
        "correction-anchor-ambiguous",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: a phrase"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"a phrase\" occurs 2 times in docs/corrected.md;"
        " make it longer so it is unique",
    ),
    case(
        "correction-anchor-in-heading",
        replace(CORRECTIONS, "anchor: regulator's statement", "anchor: in a heading"),
        "data/corrections.yml:28: correction 'statement-date' anchor \"in a heading\" does not occur in"
        f" docs/corrected.md{NEEDS_PAGE_TEXT}",
    ),
    case(
        "correction-anchor-in-link",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Hugging Face link"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Hugging Face link\" does not occur in"
        f" docs/corrected.md{NEEDS_PAGE_TEXT}",
    ),
    case(
        "correction-anchors-overlap",
        replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Face, a hub"),
        "data/corrections.yml:12: correction 'dan-ives' anchor \"Face, a hub\" overlaps another correction's anchor"
        " in docs/corrected.md; choose phrases that do not share words",
    ),
    case(
        "single-source-on-unknown-page",
        replace(SOURCES, "page: ties.md", "page: story/nowhere.md"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: page 'story/nowhere.md' is not a page"
        " of the site; give a page's path inside docs/",
    ),
    case(
        "single-source-anchor-missing",
        replace(SOURCES, "anchor: The group was fined", "anchor: The group was fined twice"),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: anchor \"The group was fined twice\""
        " does not occur in docs/ties.md; copy an exact phrase from the page's text (not from a heading, link, note"
        " or code)",
    ),
    case(
        "single-source-point-not-shown",
        replace(SOURCES, FINE_CLAIM, '[{claim: "The size", figure: group-value, date: "2020-10"}]'),
        "data/sources.yml:28: source 'post-2021-fine': single-source claim 1: no chart shows a point of"
        " 'group-value' dated 2020-10 citing this source; give the date of a point that cites it, or show the"
        " chart on a page (<!-- chart: ... -->)",
    ),
]

FRONT_MATTER_CASES = [
    case(
        "front-matter-not-yaml",
        replace(THE_FALL, "title: The fall", "title: [The fall"),
        "docs/story/the-fall.md:2: front matter: YAML syntax error: the list opened with [ on this line is not"
        " closed with ]",
    ),
    case(
        "front-matter-tab",
        replace(THE_FALL, "description: The fixture", "\tdescription: The fixture"),
        "docs/story/the-fall.md:3: front matter: YAML syntax error: tab character; indent with spaces",
    ),
    case(
        "front-matter-title-a-number",
        replace(THE_FALL, "title: The fall", "title: 2020"),
        "docs/story/the-fall.md:2: front matter 'title' must be text (quote it)",
    ),
    case(
        "front-matter-title-with-html",
        replace(THE_FALL, "title: The fall", "title: The <script>alert(1)</script> fall"),
        "docs/story/the-fall.md:2: front matter 'title' is plain text: write it without < or > (no HTML)",
    ),
    case(
        "front-matter-description-with-html",
        replace(THE_FALL, "description: The fixture's story page.", 'description: A "page" <b>bold</b>'),
        "docs/story/the-fall.md:3: front matter 'description' is plain text: write it without < or > (no HTML)",
    ),
    case(
        "front-matter-a-list",
        replace(THE_FALL, "title: The fall\ndescription: The fixture's story page.", "- The fall"),
        "docs/story/the-fall.md:2: front matter must be 'key: value' lines",
    ),
]

# The catalogue: its data/ cases are found by the data layer alone (tests/test_schemas.py replays them
# through explainer.validate); its docs/ cases while pages are converted.
CATALOGUE = (
    YAML_CASES
    + SHAPE_CASES
    + VALUE_CASES
    + PAGE_CASES
    + FRONT_MATTER_CASES
    + GLOSSARY_CASES
    + EVENT_CASES
    + CORRECTION_CASES
    + FIGURE_CASES
    + CHART_CASES
)
ALL_CASES = CATALOGUE + BUILD_ONLY_CASES


def located_lines(messages: list[str]) -> list[str]:
    """The `file:line: message` lines among the build's warnings and errors."""
    return [message for message in messages if LOCATED.match(message)]


def quick_check(project: Path) -> list[tuple[str, str]]:
    """(level, line) of each problem `python -m explainer.validate` finds, in the order it prints them."""
    return [(problem.level, str(problem)) for problem in validate.problems_of(project / "mkdocs.yml")]


@pytest.mark.parametrize(("edit", "expected"), ALL_CASES)
def test_bad_input_stops_the_build_with_one_located_line(fixture_project: Path, edit: Edit, expected: str):
    edit(fixture_project)
    built = build_project(fixture_project, strict=True)
    assert not built.ok
    assert located_lines(built.messages) == [expected]
    assert not any("Traceback" in message for message in built.messages)


def test_catalogue_is_large_and_has_unique_messages():
    assert len(ALL_CASES) >= 40
    assert len({param.values[1] for param in ALL_CASES}) >= len(ALL_CASES) - 2  # tabs share one message


# The real command ---------------------------------------------------------------------------

COMMAND_CASES = [
    case("cli-tab", replace(SOURCES, "  kind: news", "\tkind: news"), "data/sources.yml:8: YAML syntax error: tab"),
    case("cli-impossible-date", replace(SOURCES, '"2023-03"', '"2023-02-30"'), "data/sources.yml:14: source"),
    case("cli-byte-order-mark", prepend_bom(SOURCES), "data/sources.yml:1: starts with a byte-order mark"),
    case("cli-unknown-source", replace(THE_FALL, "[^company-2023-split]", "[^nope]"), "docs/story/the-fall.md:13:"),
    case("cli-uncited-source", append(SOURCES, EXTRA_SOURCE), "data/sources.yml:38: source 'unused-2024'"),
]


def run_mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as a contributor runs it, in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("edit", "expected_start"), COMMAND_CASES)
def test_mkdocs_build_command_fails_cleanly(fixture_project: Path, edit: Edit, expected_start: str):
    edit(fixture_project)
    result = run_mkdocs_build(fixture_project)
    assert result.returncode != 0
    logged = [line.split("-  ", 1)[-1] for line in result.stderr.splitlines() if "-  " in line]
    located = located_lines(logged)
    assert len(located) == 1, result.stderr
    assert located[0].startswith(expected_start)
    assert "Traceback" not in result.stdout + result.stderr


# Warnings are errors ------------------------------------------------------------------------


def test_make_build_and_ci_treat_warnings_as_errors():
    recipe = subprocess.run(["make", "-n", "build"], cwd=REPO, capture_output=True, text=True, check=False).stdout
    build_line = next(line for line in recipe.splitlines() if "mkdocs build" in line)
    assert "--strict" in build_line
    assert not re.search(r"\s(-q|--quiet)\b", build_line), "-q hides warnings, so --strict would not count them"
    # pages.yml builds through the reusable workflow every explainer calls
    for workflow in ("ci.yml", "explainer-pages.yml", "explainer-site.yml"):
        assert "run: make build" in (REPO / ".github/workflows" / workflow).read_text(encoding="utf-8")


# Every mistake in one build -------------------------------------------------------------------

SIX_MISTAKES = together(
    replace(SOURCES, SPLIT_URL, "url: http://example.com/press/split"),  # schema
    replace("data/events.yml", "sources: [company-2023-split]", "sources: [company-2032-split]"),  # cross-reference
    replace(CORRECTIONS, "anchor: Dan Ives", "anchor: Dan Ivess"),  # an anchor the page lacks
    replace(THE_FALL, "[^company-2023-split]", "[^nobody-2020]"),  # an unknown citation
    append(THE_FALL, "\nSee [the glossary](../glossry.md).\n"),  # a link MkDocs itself would have warned about
    append("docs/ties.md", "\nSee [the start](index.md#no-such-heading).\n"),  # a heading the linked page lacks
)


def test_six_mistakes_in_five_files_are_reported_by_one_build_in_file_order(fixture_project: Path):
    """Issue 14: six mistakes across four files once took four builds to see; now one build shows them all."""
    SIX_MISTAKES(fixture_project)
    fall_lines = (fixture_project / THE_FALL).read_text(encoding="utf-8").splitlines()
    ties_lines = (fixture_project / "docs/ties.md").read_text(encoding="utf-8").splitlines()
    built = build_project(fixture_project, strict=True)
    assert not built.ok
    expected = [
        (
            "error",
            "data/corrections.yml:12: correction 'dan-ives' anchor \"Dan Ivess\" does not occur in"
            f" docs/corrected.md{NEEDS_PAGE_TEXT}",
        ),
        ("error", "data/events.yml:18: event 'group-split' cites unknown source 'company-2032-split'"),
        (
            "error",
            "data/sources.yml:15: source 'company-2023-split': 'url' must be a full https:// address"
            ' (got "http://example.com/press/split")',
        ),
        ("error", "docs/story/the-fall.md:13: cites unknown source 'nobody-2020' (not in data/sources.yml)"),
        (
            "warning",
            f"docs/story/the-fall.md:{len(fall_lines)}: link '../glossry.md' leads to no file: there is no"
            " docs/glossry.md",
        ),
        (
            "warning",
            f"docs/ties.md:{len(ties_lines)}: link 'index.md#no-such-heading' leads to no heading or element"
            " with id 'no-such-heading' in docs/index.md",
        ),
    ]
    assert built.problem_lines == expected
    assert (
        built.messages[-1] == "4 errors and 2 warnings in 5 files, listed above in file order; fix them and run again."
    )
    assert quick_check(fixture_project) == expected


def test_a_file_that_cannot_be_read_stops_the_checks_and_says_so(fixture_project: Path):
    """The one exception: whatever refers to a file that does not parse would look wrong, so the checks stop."""
    together(replace(SOURCES, "  kind: news", "\tkind: news"), replace(THE_FALL, "[^company-2023-split]", "[^x]"))(
        fixture_project
    )
    built = build_project(fixture_project, strict=True)
    assert built.located == ["data/sources.yml:8: YAML syntax error: tab character; indent with spaces"]
    assert built.messages[-1].startswith("1 error in 1 file. Stopped early: a file above cannot be read, so the")
    result = subprocess.run(
        [sys.executable, "-m", "explainer.validate"],
        cwd=fixture_project,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "ERROR   -  data/sources.yml:8: YAML syntax error: tab character; indent with spaces",
        built.messages[-1],
    ]


def test_a_tab_in_mkdocs_yml_is_one_line_in_the_quick_check(fixture_project: Path):
    """MkDocs reads mkdocs.yml before any hook runs, so only the quick check (and `mkdocs serve`, on a
    rebuild: tests/test_serve.py) can word this one; `mkdocs build` prints MkDocs' own message."""
    config = fixture_project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    line = lines.index("theme:") + 2
    config.write_text(config.read_text(encoding="utf-8").replace("theme:\n  ", "theme:\n\t", 1), encoding="utf-8")
    assert quick_check(fixture_project) == [
        ("error", f"mkdocs.yml:{line}: YAML syntax error: tab character; indent with spaces")
    ]

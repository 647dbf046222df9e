"""Hostile inputs: what an attacker or a careless contributor might put in the data, the pages, their
front matter, the files of docs/ or symlinks (everything a pull request can commit but the code).

Each must be refused with its located lines (one, or one per mistake), or built into a site where
nothing from the data runs as script, loads from another host or restyles the page; each within
three times the time of a normal build. After the catalogue, each cause of issue 21 has tests of
its own at the cheapest layer (a function, a build, `mkdocs serve`); tests/browser/test_hostile.py
opens what the catalogue builds in Chromium.
"""

from __future__ import annotations

import csv
import filecmp
import functools
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from catalogue import DATA, PAGE, SITE
from conftest import FIXTURE_SITE, REPO, BuiltSite, build_config, build_project, write_project
from htmlcheck import java_and_vnu, style_attributes, unsafe_markup, vnu_errors
from layers import data_problems, page_problems, site_problems
from markdown import Markdown
from markupsafe import Markup
from test_bad_inputs import THE_FALL as THE_FALL_PAGE
from test_bad_inputs import Edit, append, fixture_size, located_lines, replace, together, write
from test_serve import (
    BANNER,
    REBUILD_SECONDS,
    SERVING,
    STARTUP_SECONDS,
    PendingRequest,
    ServeProcess,
    fetch,
    free_port,
    watching_data,
)

from explainer import frontmatter, repository, validate
from explainer.codeblocks import without_code
from explainer.corrections.anchors import attach_mark, count_anchor
from explainer.corrections.records import Correction
from explainer.dates import PartialDate
from explainer.errors import DataError, Problem, line_of
from explainer.events.exports import events_csv
from explainer.events.records import Event
from explainer.markup import SITE_CONFIGS, SITE_EXTENSIONS, parse_fragment, refusals
from explainer.pagehtml import PageHtmlExtension, page_allow_list, written_html
from explainer.pagelines import PageLines
from explainer.placeholders import masked
from explainer.reader_diff import render
from explainer.reader_diff.compare import ItemChanges, PageChange, Report
from explainer.registry import new_context
from explainer.repository import read_capped, repository_problems, site_folders
from explainer.svgcheck import svg_problems
from explainer.urlcheck import registrable, url_warnings
from explainer.yamlfile import invisible_character, parse_data_file

# Published data: events.csv ---------------------------------------------------------------------


def event(**overrides) -> Event:
    fields = dict(id="e", date=PartialDate(2020, 11, 3), title="T", summary="S.", sources=("s",), section="the-fall")
    return Event(**{**fields, **overrides})


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_escaped(start: str):
    """OWASP's advice for CSV injection: a leading formula character is preceded by a quote."""
    formula = f'{start}HYPERLINK("https://example.com","x")'
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title=formula, summary=formula)]), newline="")))
    assert rows[0]["title"] == "'" + formula
    assert rows[0]["summary"] == "'" + formula


def test_ordinary_cells_are_unchanged():
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title="Plain = fine", summary="A 3% rise.")]))))
    assert (rows[0]["title"], rows[0]["summary"], rows[0]["date"]) == ("Plain = fine", "A 3% rise.", "2020-11-03")


def test_csv_lines_end_with_crlf_as_rfc_4180_says():
    data = events_csv([event(), event(id="f", summary="Two\nlines.")]).encode("utf-8")
    records = data.split(b"\r\n")
    assert records[0].startswith(b"id,date,precision,") and records[-1] == b""
    assert len(records) == 4  # header, two events, and the empty string after the last CRLF
    assert b'"Two\nlines."' in data  # a line break inside a quoted field stays as written


# The catalogue ------------------------------------------------------------------------------------
#
# Each case edits a copy of the fixture site. A refused case is run at the cheapest layer that finds it
# (tests/layers.py), which gives exactly its located lines; a built case must leave no event handler, no
# foreign scheme and no style attribute on any page, and its pages must pass the Nu HTML Checker. Either way
# the run takes at most TIME_RATIO times a normal build of the real site, measured in the same run (CPU time
# of this process, so other work on the machine counts less). That each layer's lines stop the build is
# shown once per layer by tests/test_bad_inputs.py (the wiring).
#
# - DATA: the data layer alone (no MkDocs), one case at a time: it costs a few milliseconds;
# - PAGE: one page converted, its bytes and front matter checked (no MkDocs), one case at a time;
# - SITE: the quick check (the build without writing pages); cases that touch different files share one,
#   and its lines must be exactly theirs, so nothing one case adds or hides goes unseen;
# - FILES: the start-up check of the repository's files, in the quick check. It reports every such file
#   and then stops the checks, so these cases share quick checks with each other only, as above;
# - built cases share a site: the cases in site 0 edit different lines (tests/browser/test_hostile.py
#   opens the same ones in Chromium), site 1 holds those that edit a line a case of site 0 edits;
# - `alone`: a case with a whole build of its own, for the reason given.

TIME_RATIO = 3
GLOSSARY, EVENTS, SOURCES, THE_FALL = "data/glossary.yml", "data/events.yml", "data/sources.yml", THE_FALL_PAGE
PBOC_LONG = "long: The central bank."
DEPTH_LIMIT = "the limit for YAML in this project"
PBOC = "data/glossary.yml:38: glossary entry 'pboc': 'long'"
WITHIN_SITE = "; use https:// or a link within the site"
LOCATED_LINE = re.compile(r"^([^:]+):(\d+): (.*)$", re.DOTALL)
FILES = "files"  # the start-up check of the repository's files (see above)
SLOW = "crafted to be slow and built: the whole build is what is timed, and its pages are checked"
MANY = "thousands of mistakes on one page: the whole build is what is timed, and its lines are its own"


@dataclass(frozen=True)
class Hostile:
    name: str
    edit: Edit
    refused: str = ""  # the (first) located line of a refused input; "" if it builds
    pages: tuple[str, ...] = ()  # where a built input's content lands (checked by the Nu HTML Checker)
    lines: int = 1  # how many located lines a refused input gives (a page of repeated mistakes: thousands)
    layer: str = ""  # a refused input: the layer that finds it (DATA, PAGE, SITE, FILES)
    page: str = ""  # PAGE: the page (docs/ path) whose conversion finds it, if not the refused line's file
    site: int = 0  # a built input: the shared site it is built in
    alone: str = ""  # why it has a whole build of its own, if it has

    @property
    def built(self) -> bool:
        return not self.refused

    @property
    def converted_page(self) -> str:
        return self.page or self.refused.split(":", 1)[0].removeprefix("docs/")


def long_is(markdown: str, refused: str = "", pages: tuple[str, ...] = ("glossary/",)) -> Edit:
    """data/glossary.yml with the pboc entry's `long` set to `markdown` (as a YAML block)."""
    block = "long: |\n" + "".join(f"    {line}\n" if line else "\n" for line in markdown.split("\n"))
    return replace(GLOSSARY, PBOC_LONG + "\n", block)


def long_case(name: str, markdown: str, refused: str = "", site: int = 0) -> Hostile:
    refused = f"{PBOC} {refused}" if refused else ""
    return Hostile(f"long-{name}", long_is(markdown), refused, ("glossary/",), layer=DATA if refused else "", site=site)


CODE_EXAMPLE = "\n\nAn example, as indented code:\n\n    Cited in code.[^company-2023-split]\n    <!-- key-dates -->\n"

# Issue 21 ---------------------------------------------------------------------------------------------

INDEX, FIGURES, CORRECTED, CORRECTIONS = (
    "docs/index.md",
    "data/figures.yml",
    "docs/corrected.md",
    "data/corrections.yml",
)
LAST_LINE = len((FIXTURE_SITE / THE_FALL).read_text(encoding="utf-8").splitlines())  # appended text starts after it
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


CASES = [
    # 1. Markdown in the glossary's `long`: the site's extensions, checked as a tree
    long_case(
        "attribute-event-handler",
        '[bank](https://e.com/){: onmouseover="alert(1)" }',
        "has an attribute 'onmouseover' on <a> (not allowed in data)",
    ),
    long_case(
        "attribute-javascript-href",
        '[bank](https://e.com/){: href="javascript:alert(1)" }',
        f"links to 'javascript:alert(1)'{WITHIN_SITE}",
    ),
    long_case(
        "attribute-style-overlay",
        'The central bank.\n{: style="position:fixed;inset:0;background:red" }',
        "has an attribute 'style' on <p> (not allowed in data)",
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
        "has a footnote ([^…]), which is not allowed in data",
    ),
    long_case(
        "tab-split-javascript", "[x](java&#9;script:alert(1))", f"links to 'java\\tscript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "newline-split-javascript", "[x](java&#10;script:alert(1))", f"links to 'java\\nscript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "entity-letter-javascript", "[x](jav&#x61;script:alert(1))", f"links to 'javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case(
        "leading-space-javascript", "[x](&#32;javascript:alert(1))", f"links to ' javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case("uppercase-javascript", "[x](JAVASCRIPT:alert(1))", f"links to 'JAVASCRIPT:alert(1)'{WITHIN_SITE}"),
    long_case(
        "reference-javascript", "[x][r]\n\n[r]: javascript:alert(1)", f"links to 'javascript:alert(1)'{WITHIN_SITE}"
    ),
    long_case("protocol-relative-host", "[x](//evil.example/)", f"links to '//evil.example/'{WITHIN_SITE}"),
    long_case("backslash-host", "[x](/\\evil.example/)", f"links to '/\\\\evil.example/'{WITHIN_SITE}"),
    long_case("data-url", "[x](data:text/html,hi)", f"links to 'data:text/html,hi'{WITHIN_SITE}"),
    long_case("vbscript-url", "[x](vbscript:msgbox)", f"links to 'vbscript:msgbox'{WITHIN_SITE}"),
    long_case(
        "remote-image",
        "![x](https://e.com/x.png)",
        "embeds an image; the site loads nothing from other hosts, so describe it in words",
    ),
    long_case("heading", "# A heading", "has a <h1> element (a heading; not allowed in data)"),
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
        "has a [ inside [ ]; data Markdown allows one level (links are written [text](url))",
    ),
    long_case("unclosed-parentheses", "[a](" * 350, "has a ( that is never closed with )"),
    long_case("too-long", "The central bank. " * 90, "is 1621 characters long; the limit is 1500"),
    long_case("escaped-script-stays-text", 'The &lt;script&gt;alert(1)&lt;/script&gt; bank & "co".'),
    long_case(
        "mailto-and-uppercase-https", "[Desk](mailto:desk@example.com) and [site](HTTPS://example.com/).", site=1
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
        "docs/story/the-fall.md:2: front matter 'title' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
    ),
    Hostile(
        "description-breaking-out-of-meta",
        replace(THE_FALL, "description: The fixture's story page.", "description: '\"><script>alert(1)</script>'"),
        "docs/story/the-fall.md:3: front matter 'description' is plain text: write it without < or > (no HTML)",
        layer=PAGE,
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
    # 3. Files crafted to be slow
    Hostile("comment-brackets-100kb", append(SOURCES, "# see [note\n" * 10_000), alone=SLOW),
    Hostile("comment-brackets-1mb", append(SOURCES, "# see [note\n" * 100_000), alone=SLOW),
    Hostile("comment-braces-1mb", append(SOURCES, "# see {note ?\n" * 80_000), alone=SLOW),
    Hostile("comment-pipes-one-line-1mb", append(SOURCES, "# " + "|" * 1_000_000 + " #\n"), alone=SLOW),
    Hostile(
        "data-file-over-the-limit",
        append(SOURCES, "# padding\n" * 420_000),
        f"data/sources.yml:1: {fixture_size(SOURCES) + 4_200_000:,} bytes is over the 4,194,304-byte (4 MB)"
        " limit for a data file",
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
        "data/sources.yml:10034: 10,004 entries is over the 10,000 limit for a data file",
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
        f"docs/story/the-fall.md:1: {(FIXTURE_SITE / THE_FALL).stat().st_size + 300_000:,} bytes is over the"
        " 262,144-byte (256 KB) limit for a page; split it",
        layer=PAGE,
    ),
    # Work for our own scanners of page text (code spans, citations), which are linear. Pages are trusted,
    # and Python-Markdown itself is slow on some text (thousands of unclosed [, or of references to one
    # note): see SECURITY.md.
    Hostile(
        "page-of-unclosed-code-spans-and-citations",
        append(THE_FALL, "\n" + "`a `` ``` " * 2_000 + "\n\n" + "Cited.[^wire-2020-ipo] " * 200 + "\n"),
        alone=SLOW,
    ),
    # 4. Encodings
    Hostile(
        "page-not-utf-8",
        replace(THE_FALL, "## A split", "## A spl\udce9t"),
        "docs/story/the-fall.md:11: not UTF-8 (byte 0xE9 at offset 171); save the file as UTF-8",
        layer=PAGE,
    ),
    Hostile(
        "data-not-utf-8",
        replace(SOURCES, "Example Group announces", "Example Gr\udce9oup announces"),
        "data/sources.yml:13: not UTF-8 (byte 0xE9 at offset 445); save the file as UTF-8",
        layer=DATA,
    ),
    # 5. Spreadsheet formulas
    Hostile(
        "csv-formula-title",
        replace(EVENTS, "title: The group splits into six parts", "title: '=HYPERLINK(\"https://e.com\")'"),
        site=1,
    ),
    Hostile(
        "csv-formula-summary",
        replace(
            EVENTS,
            "summary: The group said it would reorganize into six business groups.",
            'summary: "@SUM(1)\\tThe group said it would reorganize into six business groups."',
        ),
        site=1,
    ),
    # 7. Examples in code
    Hostile("citation-and-marker-in-indented-code", append("docs/story/timeline-cases.md", CODE_EXAMPLE)),
    # Issue 21 ----------------------------------------------------------------------------------------
    # 8. Symlinks: nothing outside the repository is read (one line each, before any read)
    Hostile(
        "symlink-to-the-environment",
        link("docs/assets/env.txt", "/proc/self/environ"),
        outside("docs/assets/env.txt", "/proc/self/environ"),
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
            "docs/assets/x.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
        ),
        (
            "docs/assets/x.svg:1: SVG has an attribute 'onload' on <svg> (event handlers run script; not allowed in an "
            "SVG)"
        ),
        layer=FILES,
    ),
    Hostile(
        "svg-entity-bomb",
        write(
            "docs/assets/x.svg",
            '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<svg xmlns="http://www.w3.org/2000/svg">&b;</svg>',
        ),
        "docs/assets/x.svg:1: SVG has a DOCTYPE (it can declare entities); remove it",
        layer=FILES,
    ),
    Hostile(
        "svg-javascript-link-and-foreign-object",
        write(
            "docs/assets/x.svg",
            (
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n<a '
                'xlink:href="javascript:alert(1)"><text>x</text></a>\n</svg>'
            ),
        ),
        "docs/assets/x.svg:2: SVG links to 'javascript:alert(1)'; use https:// or a link within the site",
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
        PAGE_HTML.format(
            line=LAST_LINE + 2, what="has a <script> element (nothing in a page may run script; not allowed in a page)"
        ),
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
        layer=SITE,
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
    # 12. Thousands of repeated mistakes on one page: every one reported, in time proportional to the page
    Hostile(
        "page-of-3000-unknown-citations",
        append(THE_FALL, "".join(f"\nCited.[^nobody-{n}]\n" for n in range(3000))),
        UNKNOWN_SOURCE.format(line=LAST_LINE + 2, n=0),
        lines=3000,
        alone=MANY,
    ),
    Hostile(
        "page-of-3000-unknown-glossary-links",
        append(THE_FALL, "".join(f"\n[term](glossary:nobody-{n})\n" for n in range(3000))),
        (
            f"docs/story/the-fall.md:{LAST_LINE + 2}: links to unknown glossary entry 'nobody-0' (not in "
            f"data/glossary.yml)"
        ),
        lines=3000,
        alone=MANY,
    ),
    Hostile(
        "page-of-3000-broken-links",
        append(THE_FALL, "".join(f"\n[page](nowhere-{n}.md)\n" for n in range(3000))),
        (
            f"docs/story/the-fall.md:{LAST_LINE + 2}: link 'nowhere-0.md' leads to no file: there is no "
            f"docs/story/nowhere-0.md"
        ),
        lines=3000,
        alone=MANY,
    ),
    Hostile(
        "page-of-5000-same-mistake",
        append(THE_FALL, "\nCited.[^nobody] \n" * 5000),
        UNKNOWN_SOURCE.format(line=LAST_LINE + 2, n="").replace("nobody-", "nobody"),
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
    # 14. Addresses that imitate another host: warnings a reviewer must answer
    Hostile(
        "source-url-with-credentials",
        replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://reuters.com@evil.example/wire"),
        (
            "data/sources.yml:7: source 'wire-2020-ipo': the address has a user name or password before its host "
            "('reuters.com@'); a browser goes to 'evil.example', after the @: remove what comes before it"
        ),
        layer=SITE,
    ),
    Hostile(
        "source-url-mixed-scripts",
        replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://www.r\u0435uters.com/wire"),
        (
            "data/sources.yml:7: source 'wire-2020-ipo': the host 'www.r\u0435uters.com' mixes writing systems in "
            "'r\u0435uters' (CYRILLIC and LATIN), a way to imitate another host: check that the address is the "
            "publisher's (once checked, add 'www.r\u0435uters.com' to extra: explainer: reviewed_hosts in mkdocs.yml)"
        ),
        layer=SITE,
    ),
    Hostile(
        "source-url-punycode",
        replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://xn--ruters-2nf.com/wire"),
        (
            "data/sources.yml:7: source 'wire-2020-ipo': the host 'xn--ruters-2nf.com' mixes writing systems in "
            "'\u0430ruters' (CYRILLIC and LATIN), a way to imitate another host: check that the address is the "
            "publisher's (once checked, add 'xn--ruters-2nf.com' to extra: explainer: reviewed_hosts in mkdocs.yml)"
        ),
        layer=SITE,
    ),
    Hostile(
        "source-url-look-alike",
        replace(SOURCES, "url: https://example.com/wire/ipo-halted", "url: https://reuters.co/wire"),
        (
            "data/sources.yml:7: source 'wire-2020-ipo': the host 'reuters.co' looks like 'reuters.com' but is not it: "
            "check that the address leads to the publisher named (once checked, add 'reuters.co' to extra: explainer: "
            "reviewed_hosts in mkdocs.yml)"
        ),
        layer=SITE,
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
        INVISIBLE.format(file=EVENTS, line=15, point="U+200B ZERO WIDTH SPACE", why=HIDES),
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
        f"{FIGURES}:13: 1.7e+308 {TOO_LARGE}",
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


@dataclass
class Outcome:
    """What the run that holds a case found: its located lines (a refused case's run), or its site (built)."""

    cases: tuple[Hostile, ...]  # the cases of the run (one, or the cases sharing a quick check or a site)
    lines: list[str]
    cpu_seconds: float
    built: BuiltSite | None = None


def cpu_timed_build(project: Path) -> tuple[BuiltSite, float]:
    start = time.process_time()
    built = build_project(project, strict=True)
    return built, time.process_time() - start


def timed(find: Callable[[], list[str]]) -> tuple[list[str], float]:
    """The lines `find` returns, in the order the build prints them (each once, by file, line and message),
    and the CPU seconds it took."""
    start = time.process_time()
    lines = find()
    seconds = time.process_time() - start
    located = [LOCATED_LINE.match(line).groups() for line in lines]
    return [
        f"{file}:{line}: {message}" for file, line, message in sorted({(f, int(n), m) for f, n, m in located})
    ], seconds


@pytest.fixture(scope="module")
def normal_build_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """CPU seconds of a normal build of the real site, the slower of two (a generous baseline)."""
    times = []
    for attempt in range(2):
        start = time.process_time()
        built = build_config(REPO / "mkdocs.yml", tmp_path_factory.mktemp(f"normal{attempt}") / "site", strict=False)
        times.append(time.process_time() - start)
        assert built.ok, built.messages
    return max(times)


def touched_files(case: Hostile, folder: Path, before: Path) -> set[str]:
    """The files of the fixture (`before`, unchanged) that `case` adds, removes or changes."""
    project = write_project(folder / case.name)
    case.edit(project)
    names = {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file() or path.is_symlink()}
    names |= {path.relative_to(before).as_posix() for path in before.rglob("*") if path.is_file()}
    return {
        name
        for name in names
        if (project / name).is_symlink()
        or not (project / name).is_file()
        or not (before / name).is_file()
        or not filecmp.cmp(project / name, before / name, shallow=False)
    }


def sharing(cases: list[Hostile], folder: Path) -> list[tuple[Hostile, ...]]:
    """The cases in groups whose cases touch different files (a case of several lines on its own)."""
    before = write_project(folder / "before")
    groups: list[tuple[list[Hostile], set[str]]] = []
    for case in cases:
        files = touched_files(case, folder, before) | {case.refused.split(":", 1)[0]}
        group = next((g for g in groups if case.lines == 1 and g[0][0].lines == 1 and not g[1] & files), None)
        if group is None:
            groups.append(([case], files))
        else:
            group[0].append(case)
            group[1].update(files)
    return [tuple(group) for group, _ in groups]


def made(cases: tuple[Hostile, ...], folder: Path) -> Path:
    project = write_project(folder / "project")
    for case in cases:
        case.edit(project)
    return project


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every hostile input, run once at its layer, in a shared quick check or site, or in a build of its own."""
    runs: list[tuple[tuple[Hostile, ...], str]] = []  # (cases, how they are run)
    for case in CASES:
        if case.alone:
            runs.append(((case,), "build"))
        elif case.layer in (DATA, PAGE):
            runs.append(((case,), case.layer))
    for layer in (SITE, FILES):
        cases = [case for case in CASES if case.layer == layer and not case.alone]
        runs += [(group, SITE) for group in sharing(cases, tmp_path_factory.mktemp(f"touched-{layer}"))]
    for site in sorted({case.site for case in CASES if case.built and not case.alone}):
        runs.append((tuple(case for case in CASES if case.built and not case.alone and case.site == site), "build"))
    results = {}
    for cases, how in runs:
        project = made(cases, tmp_path_factory.mktemp(cases[0].name))
        built = None
        if how == "build":
            built, seconds = cpu_timed_build(project)
            lines = located_lines(built.messages)
        elif how == DATA:
            lines, seconds = timed(lambda project=project: data_problems(project))
        elif how == PAGE:
            lines, seconds = timed(lambda project=project, page=cases[0].converted_page: page_problems(project, page))
        else:
            lines, seconds = timed(lambda project=project: [line for _, line in site_problems(project)])
        for case in cases:
            results[case.name] = Outcome(cases, lines, seconds, built)
    assert set(results) == {case.name for case in CASES}
    return results


def test_the_catalogue_covers_every_item_of_the_issue():
    assert len(CASES) >= 30 and len({case.name for case in CASES}) == len(CASES)
    assert sum(case.built for case in CASES) >= 8 and sum(not case.built for case in CASES) >= 30
    assert all(case.layer in (DATA, PAGE, SITE, FILES) or case.alone for case in CASES if not case.built)


def test_the_fixture_has_no_problem_at_the_layers_the_cases_run_at(fixture_project: Path, fixture_build: BuiltSite):
    """The positive control of the refusals below: without the hostile input, nothing is reported."""
    assert data_problems(fixture_project) == []
    pages = {
        case.converted_page
        for case in CASES
        if case.layer == PAGE and (fixture_project / "docs" / case.converted_page).is_file()
    }
    assert pages and all(page_problems(fixture_project, page) == [] for page in sorted(pages))
    assert site_problems(fixture_project) == []
    assert fixture_build.ok and fixture_build.problem_lines == []


@pytest.mark.parametrize("case", [case for case in CASES if not case.built], ids=lambda case: case.name)
def test_a_hostile_input_is_refused_with_its_located_lines(outcomes: dict[str, Outcome], case: Hostile):
    outcome = outcomes[case.name]
    if len(outcome.cases) == 1:
        assert outcome.lines[:1] == [case.refused]
        assert len(outcome.lines) == case.lines
    else:  # a shared quick check: each case's one line, and nothing else
        assert case.refused in outcome.lines
        assert sorted(outcome.lines) == sorted(shared.refused for shared in outcome.cases)
    if outcome.built is not None:
        assert not outcome.built.ok
        assert not any("Traceback" in message for message in outcome.built.messages)


@functools.cache
def what_could_run(site_dir: Path) -> list[str]:
    """Every page of a built site with an event handler, a foreign scheme, a style attribute or a script
    that alerts (checked once per site: several cases share it)."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(site_dir).as_posix()
        found += [f"{where}: {item}" for item in unsafe_markup(page)]
        found += [f"{where}: style {item}" for item in sorted(style_attributes(page))]
        found += [f"{where}: {script}" for script in page.find_all("script") if "alert" in script.get_text()]
    return found


def test_what_could_run_is_found_where_it_is():
    """The positive control of the test below: a page with each of those is found."""
    page = BeautifulSoup(
        '<a href="javascript:x">a</a><p onmouseover="x" style="color:red">p</p><script>alert(1)</script>', "html.parser"
    )
    assert unsafe_markup(page) and style_attributes(page)
    assert [script for script in page.find_all("script") if "alert" in script.get_text()]


@pytest.mark.parametrize("case", [case for case in CASES if case.built], ids=lambda case: case.name)
def test_a_hostile_input_that_builds_leaves_nothing_that_runs(outcomes: dict[str, Outcome], case: Hostile):
    built = outcomes[case.name].built
    assert built is not None and built.ok, built and built.messages
    assert what_could_run(built.site_dir) == []


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_input_takes_no_longer_than_a_normal_build(
    outcomes: dict[str, Outcome], normal_build_seconds: float, case: Hostile
):
    seconds = outcomes[case.name].cpu_seconds  # of its run: a shared run holds more than the case
    assert seconds <= TIME_RATIO * normal_build_seconds, f"{seconds:.2f} s against {normal_build_seconds:.2f} s"


def test_the_slowest_hostile_case_against_a_normal_build(
    outcomes: dict[str, Outcome], normal_build_seconds: float, fixture_project: Path
):
    """The figures for a closing note, in one run: the slowest case built on its own, a normal build of the
    real site (the baseline above) and a normal build of the fixture every case edits (shown with `pytest -rP`)."""
    _, fixture_seconds = cpu_timed_build(fixture_project)
    alone = {name: outcome for name, outcome in outcomes.items() if len(outcome.cases) == 1 and outcome.built}
    name, slowest = max(((name, outcome.cpu_seconds) for name, outcome in alone.items()), key=lambda x: x[1])
    runs = len({id(outcome.cases) for outcome in outcomes.values()})
    figures = (
        f"{len(outcomes)} hostile cases in {runs} runs; slowest built alone {name}: {slowest:.2f} s CPU;"
        f" normal build of the real site {normal_build_seconds:.2f} s"
        f" ({slowest / normal_build_seconds:.2f}x), of the fixture {fixture_seconds:.2f} s"
        f" ({slowest / fixture_seconds:.2f}x)"
    )
    print(figures)  # noqa: T201 - the figures, shown by pytest -rP
    assert slowest <= TIME_RATIO * normal_build_seconds


@pytest.mark.slow
def test_pages_built_from_hostile_inputs_are_valid_html(outcomes: dict[str, Outcome], tmp_path_factory):
    """The Nu HTML Checker, once over every page the built inputs reach: no error but Material's."""
    java_and_vnu()
    root = tmp_path_factory.getbasetemp()
    paths = sorted(
        {
            outcomes[case.name].built.site_dir / page / "index.html"
            for case in CASES
            if case.built
            for page in case.pages
        }
    )
    assert paths
    assert [str(error) for error in vnu_errors(paths, root) if error.known is None] == []


# What readers get from the built inputs ----------------------------------------------------------


def test_a_title_with_quotes_and_an_ampersand_is_written_exactly(outcomes: dict[str, Outcome]):
    page = outcomes["title-with-quotes-and-ampersand"].built.html("story/the-fall/")
    title = 'Ant & "Friends" of Jack\'s fall'
    assert page.select_one('meta[property="og:title"]')["content"].startswith(title + " · ")
    assert page.title.get_text().startswith(title + " - ")
    assert page.select_one("article h1").get_text().startswith("The fall")


def test_a_description_that_tries_to_leave_its_attribute_stays_in_it(outcomes: dict[str, Outcome]):
    page = outcomes["description-with-quotes"].built.html("story/the-fall/")
    description = 'It "ends" here" onmouseover="alert(1)'
    assert page.select_one('meta[name="description"]')["content"] == description
    assert page.select_one('meta[property="og:description"]')["content"] == description


def test_escaped_markup_in_a_long_explanation_is_text(outcomes: dict[str, Outcome]):
    page = outcomes["long-escaped-script-stays-text"].built.html("glossary/")
    entry = page.select_one("h3#pboc").find_parent("div")
    assert "<script>alert(1)</script> bank & “co”." in entry.get_text()
    assert entry.find("script") is None


def test_published_csv_cells_do_not_start_formulas(outcomes: dict[str, Outcome]):
    for name, field, value in [
        ("csv-formula-title", "title", '\'=HYPERLINK("https://e.com")'),
        ("csv-formula-summary", "summary", "'@SUM(1)\tThe group said it would reorganize into six business groups."),
    ]:
        data = (outcomes[name].built.site_dir / "events.csv").read_bytes()
        assert data.count(b"\r\n") == data.count(b"\n") == 4  # CRLF after the header and each event
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
        assert value in [row[field] for row in rows]


def test_examples_in_indented_code_make_no_note_and_no_second_key_dates(outcomes: dict[str, Outcome]):
    page = outcomes["citation-and-marker-in-indented-code"].built.html("story/timeline-cases/")
    assert page.select("div.footnote") == []
    assert len(page.select("aside.key-dates")) == 1


# Issue 21: each cause, at the cheapest layer that shows it ------------------------------------------


# 1. A committed cache turned every data check off (the engine stops keeping one: issue 21 item 1) ---------

HOSTILE_LONG = "long: <img src=x onerror=alert(document.domain)>"
HOSTILE_LONG_REFUSED = PBOC  # refused by the data check, whichever its exact words
CHECKED_DATA = ".cache/explainer/checked-data.json"  # where the engine kept its record of checked data (gone)
FORGED_HTML = '<p><details open ontoggle="alert(document.domain)"><summary>x</summary></details>The bank.</p>'


def forge_cache(project: Path) -> None:
    """Write what a pull request could commit: a record of checked data as the engine wrote it until
    issue 21 (explainer/checked.py: a fingerprint, and every data file as parsed, with its values'
    lines and its Markdown fields' stored HTML), saying the data as it now is passed every check, with
    pboc's `long` stored as HTML whose event handler runs script.

    The old fingerprint also covered the engine's own code, which has changed since, so this one is the
    data files' part of it only: nothing reads the record any more, whatever its fingerprint."""
    from explainer.yamlfile import load_yaml

    documents, digest = {}, hashlib.sha256()
    for path in sorted((project / "data").glob("*.yml")):
        name = path.relative_to(project).as_posix()
        digest.update(f"\0{name}\0{path.stat().st_size}\0".encode() + path.read_bytes())
        document = load_yaml(path, name)
        rendered = []
        if name == GLOSSARY:
            pboc = next(index for index, entry in enumerate(document.data) if entry["id"] == "pboc")
            rendered = [[[pboc, "long"], FORGED_HTML, []]]
        lines = [[list(at), line] for at, line in document.lines.items()]
        documents[name] = {"data": document.data, "lines": lines, "rendered": rendered}
    record = project / CHECKED_DATA
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"fingerprint": digest.hexdigest(), "documents": documents}, default=str), "utf-8")


def committed_and_cloned(project: Path) -> Path:
    """The project committed with its forged record (`git add -f`, as .cache/ is ignored), and a fresh
    clone of that commit: what CI builds for a pull request."""
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    for args in (["init", "--quiet"], ["add", "."], ["add", "-f", CHECKED_DATA], ["commit", "--quiet", "-m", "x"]):
        subprocess.run(["git", *identity, *args], cwd=project, check=True, capture_output=True)
    clone = project.parent / "clone"
    subprocess.run(["git", "clone", "--quiet", str(project), str(clone)], check=True, capture_output=True)
    assert (clone / CHECKED_DATA).is_file()
    return clone


def site_text(built: BuiltSite) -> str:
    return "".join(path.read_text("utf-8") for path in built.site_dir.rglob("*.html"))


def test_a_committed_record_of_checked_data_does_not_turn_the_checks_off(tmp_path: Path):
    """The attack of issue 21 item 1 with a hostile entry: the record says it passed, the check refuses it."""
    project = write_project(tmp_path / "project")
    replace(GLOSSARY, PBOC_LONG, HOSTILE_LONG)(project)
    forge_cache(project)
    built = build_project(committed_and_cloned(project))
    assert not built.ok
    assert [line for line in located_lines(built.messages) if line.startswith(HOSTILE_LONG_REFUSED)]
    assert "ontoggle" not in site_text(built) and "onerror" not in site_text(built)


def test_a_committed_record_of_checked_data_with_hostile_stored_html_is_ignored(
    tmp_path: Path, fixture_build: BuiltSite
):
    """The attack exactly as issue 21 found it: harmless YAML, hostile HTML stored in the committed
    record. The clone builds from its YAML alone: the same pages as the fixture built without a record."""
    project = write_project(tmp_path / "project")
    forge_cache(project)
    built = build_project(committed_and_cloned(project))
    assert built.ok, built.messages
    assert "ontoggle" not in site_text(built)
    glossary = built.html("glossary/").select_one("h3#pboc").find_parent("div")
    assert glossary.get_text() == fixture_build.html("glossary/").select_one("h3#pboc").find_parent("div").get_text()


def test_a_junk_record_of_checked_data_changes_nothing(tmp_path: Path):
    project = write_project(tmp_path / "project")
    (project / CHECKED_DATA).parent.mkdir(parents=True, exist_ok=True)
    (project / CHECKED_DATA).write_text('{"fingerprint": [1, 2], "documents": "\\u0000"}', encoding="utf-8")
    assert build_project(project).ok
    replace(GLOSSARY, PBOC_LONG, HOSTILE_LONG)(project)
    (project / CHECKED_DATA).write_bytes(b"\xff\xfe not JSON")
    built = build_project(project)
    assert not built.ok and any(line.startswith(HOSTILE_LONG_REFUSED) for line in located_lines(built.messages))


def test_each_build_checks_the_data_it_reads(tmp_path: Path):
    """Two builds in one process (as `mkdocs serve` makes them): the second checks its own data again."""
    project = write_project(tmp_path / "project")
    assert build_project(project).ok
    replace(GLOSSARY, PBOC_LONG, HOSTILE_LONG)(project)
    built = build_project(project)
    assert not built.ok and any(line.startswith(HOSTILE_LONG_REFUSED) for line in located_lines(built.messages))


# 2. Symlinks: the start-up check, alone and in the quick check -------------------------------------------


def folder_with(tmp_path: Path, links: dict[str, str]) -> list[str]:
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "data").mkdir()
    for name, target in links.items():
        os.symlink(target, root / name)
    return [str(problem) for problem in repository_problems(root, site_folders(root, root / "docs"))]


def test_every_bad_link_is_one_line_and_a_good_one_none(tmp_path: Path):
    links = {
        "docs/env.txt": "/proc/self/environ",
        "docs/zero.bin": "/dev/zero",
        "docs/root": "/",
        "docs/nowhere.md": "missing.md",
        "docs/self.md": "self.md",
        "docs/home.md": "index.md",  # within the site: followed, and the file checked like any other
        "data/sources.yml": "../docs/index.md",
    }
    assert folder_with(tmp_path, links) == [
        "docs/env.txt:1: " + outside("", "/proc/self/environ").split(":1: ")[1],
        "docs/nowhere.md:1: is a symlink to 'missing.md', which does not exist; replace it with the file itself",
        "docs/root:1: " + outside("", "/").split(":1: ")[1],
        "docs/self.md:1: is a symlink (to 'self.md') that loops back on itself; replace it with the file itself",
        "docs/zero.bin:1: " + outside("", "/dev/zero").split(":1: ")[1],
    ]


def test_a_site_folder_that_is_itself_a_link_is_refused(tmp_path: Path):
    root = tmp_path / "repo"
    root.mkdir()
    os.symlink("/etc", root / "docs")
    problems = repository_problems(root, site_folders(root, root / "docs"))
    assert [str(problem) for problem in problems] == [
        "docs:1: is a symlink (to '/etc'); the site's folders must be folders"
    ]


def test_files_are_read_within_their_limit_whatever_size_they_report(tmp_path: Path):
    with pytest.raises(DataError) as device:
        read_capped(Path("/dev/zero"), 1024, "docs/zero.bin")
    assert [str(problem) for problem in device.value.problems] == [
        "docs/zero.bin:1: is a device, not a file; remove it"
    ]
    environ = read_capped(Path("/proc/self/environ"), 2**20, "x")  # reports 0 bytes: the limit still holds
    assert len(environ) <= 2**20
    with pytest.raises(DataError):
        read_capped(Path("/proc/self/environ"), 1, "x")


def test_the_quick_check_refuses_a_link_before_reading_anything(tmp_path: Path):
    project = write_project(tmp_path / "project")
    link("data/corrections.yml", "/etc/passwd")(project)
    problems = [str(problem) for problem in validate.problems_of(project / "mkdocs.yml")]
    assert problems == [outside("data/corrections.yml", "/etc/passwd")]
    assert "root:" not in "".join(problems)  # nothing of the file it points at


# 3. Front matter the theme prints ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        (
            "subtitle",
            "<svg onload=alert(1)>",
            "front matter 'subtitle' is plain text: write it without < or > (no HTML)",
        ),
        ("title", "&lt;b&gt;", "front matter 'title' is plain text: write the character itself, not '&lt;'"),
        ("description", ["a"], "front matter 'description' must be text (quote it)"),
        ("status", 'new" onmouseover="x', "front matter 'status' must be one word"),
        ("icon", "material/../../x", "front matter 'icon' must be an icon's name"),
        ("hide", ["navigation", "everything"], "front matter 'hide' cannot hide 'everything'"),
        ("search", {"boost": 1e300}, "front matter 'search' takes exclude: true or false"),
        ("template", "404.html", "front matter 'template' is not a key the site knows; use one of: description,"),
    ],
)
def test_front_matter_values_the_theme_prints(key: str, value: object, problem: str):
    assert frontmatter.value_problem(key, value).startswith(problem)


def test_sound_front_matter_is_left_as_written():
    meta = {"title": 'Ant & "Friends"', "subtitle": "AT&T", "status": "new", "icon": "material/alert", "hide": ["toc"]}
    kept = dict(meta)
    frontmatter.safe_front_matter(meta)
    assert meta == kept and not any(isinstance(value, Markup) for value in meta.values())


def test_what_is_refused_is_escaped_or_dropped_for_make_serve():
    meta = {"subtitle": "<svg onload=alert(1)>", "title": ["<b>"], "status": '"><script>', "template": "x.html"}
    frontmatter.safe_front_matter(meta)
    assert meta == {"subtitle": "&lt;svg onload=alert(1)&gt;", "title": "[&#39;&lt;b&gt;&#39;]"}
    assert isinstance(meta["subtitle"], Markup)  # a template that escapes again prints it once


# 4. Thousands of mistakes on one page: located in time proportional to the page -----------------------


def test_page_lines_answers_as_line_of():
    text = (
        "---\ntitle: x\n---\n`[^a]` in code\n\n    [^a] indented\n\nText [^a] and [^b].\n" + "filler\n" * 50 + "[^c]\n"
    )
    lines = PageLines(text)
    for needle in ("[^a]", "[^b]", "[^c]", "absent", "title:", ""):
        prose = without_code(text)
        assert lines.line_of(needle) == (line_of(prose if needle in prose else text, needle) if needle else 1), needle


def test_page_lines_past_the_index_still_finds_each_needle():
    text = "".join(f"Cited.[^n-{n}] and (n-{n}.md) and glossary:g-{n}\n\n" for n in range(500))
    lines = PageLines(text)
    for n in range(0, 500, 7):
        assert (
            lines.line_of(f"[^n-{n}]") == lines.line_of(f"(n-{n}.md)") == lines.line_of(f"glossary:g-{n}") == 2 * n + 1
        )


def test_locating_many_distinct_mistakes_is_linear():
    def seconds(count: int) -> float:
        text = "".join(f"Cited.[^nobody-{n}]\n\n" for n in range(count))
        start = time.process_time()
        lines = PageLines(text)
        for n in range(count):
            lines.line_of(f"[^nobody-{n}]")
        return time.process_time() - start

    small, large = seconds(2_000), seconds(16_000)
    assert large <= 8 * 3 * small + 0.05  # eight times the mistakes: at most about eight times the time


# 5. Files in docs/ that are not pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG has a <script> element"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:x"/></svg>',
            "SVG has a <set>",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://e.example/x.png"/></svg>', "SVG has a <image>"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><use href="https://e.example/s.svg#a"/></svg>', "SVG has href="),
        ('<svg xmlns="http://www.w3.org/2000/svg" style="background:url(https://e.example)"/>', "SVG has a style"),
        (
            '<?xml-stylesheet href="x.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG has a processing",
        ),
        ('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "is not an SVG"),
        ("<svg", "SVG is not well-formed XML"),
    ],
)
def test_an_svg_is_checked_like_html(svg: str, problem: str):
    found = svg_problems(svg.encode(), "docs/x.svg")
    assert found and found[0].message.startswith(problem), found


def test_a_plain_svg_passes():
    assert svg_problems(OK_SVG.encode(), "docs/ok.svg") == []


def test_files_are_allowed_by_type_and_content(tmp_path: Path):
    root = tmp_path / "repo"
    for name, data in {
        "docs/index.md": b"# Home\n",
        "docs/a.png": PNG,
        "docs/b.png": b"GIF89a",
        "docs/c.woff2": b"wOF2" + bytes(8),
        "docs/robots.txt": b"User-agent: *\n",
        "docs/x.txt": b"<html><script>alert(1)</script>",
        "docs/d.pdf": b"%PDF-1.7",
        "docs/.hidden.html": b"<script>",  # left out of the site by MkDocs
        "docs/site.css": b"body{}",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    folders = site_folders(root, root / "docs", declared=["site.css"], allow_files=["pdf"])
    assert [str(problem) for problem in repository_problems(root, folders)] == [
        "docs/b.png:1: is named .png but is not a PNG image; save it in that format",
        "docs/x.txt:1: is a text file with '<' in it, which a browser may read as HTML; remove it",
    ]


# 6. A correction's anchor and the build's internals ------------------------------------------------------


def test_placeholders_are_masked_in_place():
    text = "Before \x02wzxhzdk:3\x03 and \x0242\x03 after."
    masked_text = masked(text)
    assert len(masked_text) == len(text) and "wzxhzdk" not in masked_text and "42" not in masked_text
    assert masked_text.startswith("Before ") and masked_text.endswith(" after.")
    assert masked("no placeholder") == "no placeholder"


def paragraphs(*texts: str) -> etree.Element:
    """A converted page's tree with these paragraphs' text (placeholders and all, as Python-Markdown leaves it)."""
    root = etree.Element("div")
    for text in texts:
        etree.SubElement(root, "p").text = text
    return root


def test_an_anchor_is_not_counted_in_a_placeholder():
    root = paragraphs("\x02wzxhzdk:0\x03", "A \x0242\x03 star and 42 stars.")
    assert count_anchor(root, "wzxhzdk:0") == 0
    assert count_anchor(root, "42") == 1  # the page's own 42 only


def test_a_correction_still_marks_the_page_s_own_words_beside_a_placeholder():
    root = paragraphs("Tom \x02amp\x03 Jerry said it.")
    correction = Correction("c", "corrected.md", "Jerry said", PartialDate(2026, 11, 26), "fact", "x", "y.", ("s",))
    assert attach_mark(root, correction)
    assert root.find(".//span").text == "Jerry said"
    assert "\x02amp\x03" in root.find("p").text  # the placeholder whole


# 7. Addresses that imitate another host ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "warning"),
    [
        ("https://reuters.com@evil.example/x", "the address has a user name or password before its host"),
        ("https://www.r\u0435uters.com/x", "the host 'www.r\u0435uters.com' mixes writing systems"),
        ("https://xn--ruters-2nf.com/x", "the host 'xn--ruters-2nf.com' mixes writing systems"),
        ("https://reuters.co/x", "the host 'reuters.co' looks like 'reuters.com'"),
        ("https://bloornberg.com/x", "the host 'bloornberg.com' looks like 'bloomberg.com'"),
        ("https://reuters.com.evil.example/x", "the host 'reuters.com.evil.example' looks like 'reuters.com'"),
        ("https://\u0430\u0440\u0440\u04cf\u0435.com/", "looks like 'apple.com'"),
    ],
)
def test_an_address_a_careful_reader_would_question_is_named(url: str, warning: str):
    warnings = url_warnings(url)
    assert len(warnings) == 1 and warning in warnings[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/markets/x",
        "https://markets.ft.com/data",
        "https://www.bbc.co.uk/news",
        "https://morningstar.co.uk/uk/news",
        "https://\u65b0\u534e\u7f51.\u4e2d\u56fd/",
        "https://example.com/wire",
    ],
)
def test_an_ordinary_address_has_no_warning(url: str):
    assert url_warnings(url) == []


def test_a_reviewed_host_is_answered_but_credentials_never_are():
    assert url_warnings("https://reuters.co/x", reviewed={"reuters.co"}) == []
    assert url_warnings("https://a:b@reuters.co/x", reviewed={"reuters.co"})[0].startswith("the address has a user")


def test_the_real_site_s_sources_need_no_answer():
    sources = yaml.safe_load((REPO / "data" / "sources.yml").read_text(encoding="utf-8"))
    hosts = {registrable(urlsplit(source["url"]).hostname) for source in sources}
    for source in sources:
        own = registrable(urlsplit(source["url"]).hostname)
        assert url_warnings(source["url"], hosts - {own}) == [], source["id"]


# 8. Invisible and direction-changing characters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "character"),
    [
        ("zero\u200bwidth", "\u200b"),
        ("a\ufeffbom", "\ufeff"),
        ("soft\u00adhyphen", "\u00ad"),
        ("mark\u200fhere", "\u200f"),
        ("tag\U000e0041", "\U000e0041"),
        ("private\ue000", "\ue000"),
        ("filler\u3164", "\u3164"),
        ("line\u2028break", "\u2028"),
        ("first\u200b then \u202e", "\u200b"),
    ],
)
def test_an_invisible_character_is_found(text: str, character: str):
    assert invisible_character(text) == character


@pytest.mark.parametrize("text", ["plain", "Café, naïve, 阿里巴巴, Ελληνικά, русский", "emoji 👍🏽 and tab\tnewline\n"])
def test_visible_text_has_none(text: str):
    assert invisible_character(text) is None


def test_every_invisible_character_of_a_file_is_reported_together():
    raw = 'a: "one\u200b"\nb: "two\u202e"\nc: "three"\nd: [x, "\ufeffy"]\n'.encode()
    with pytest.raises(DataError) as raised:
        parse_data_file(raw, "data/x.yml")
    assert [(problem.line, problem.message.split(",")[0]) for problem in raised.value.problems] == [
        (1, "contains the invisible character U+200B ZERO WIDTH SPACE"),
        (2, "contains the control character U+202E RIGHT-TO-LEFT OVERRIDE"),
        (4, "contains the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ]


# 9. Numbers at the limits of a float ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1.7e+308", "1.7e+308 is too large for a chart to draw"),
        ("-1.0e+16", "-1.0e+16 is too large for a chart to draw"),
        ("1" + "0" * 20, "1" + "0" * 20 + " is too large"),
        ("5.0e-324", "5.0e-324 is too small for a chart to draw"),
        ("9" * 4301, "a number written with 4,301 characters is longer than a data file allows (32)"),
        ("0b" + "1" * 40, "a number written with 42 characters is longer"),
        ("1" + ":59" * 20, "a number written with 61 characters is longer"),
    ],
)
def test_a_number_no_chart_can_draw_is_a_located_error(written: str, message: str):
    with pytest.raises(DataError) as raised:
        parse_data_file(f"- id: x\n  value: {written}\n".encode(), "data/figures.yml")
    assert [problem.line for problem in raised.value.problems] == [2]
    assert raised.value.problems[0].message.startswith(message)


@pytest.mark.parametrize("written", ["0", "-2", "0.000000001", "1000000000000000", "-1.0e+15", "18.228", "1_000"])
def test_a_number_a_chart_can_draw_is_read(written: str):
    assert parse_data_file(f"- value: {written}\n".encode(), "data/figures.yml").data[0]["value"] is not None


# 10. The job summary is inert (tests/test_reader_diff.py has the rest) ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "@annotated-explainers/maintainers look: https://evil.example and #1",
        '<img src=x onerror=alert(1)> <a href="https://evil.example">x</a>',
        "A ``` fence, `code`, :tada: and [a link](https://evil.example)",
    ],
)
def test_a_sentence_in_the_job_summary_is_one_code_span(sentence: str):
    change = PageChange("p/", sentence, None, (sentence,), (), False, (), (), ())
    report = Report((), (), (change,), (), ItemChanges(), ItemChanges(), ItemChanges(), ())
    markdown = render.render_markdown(report, sentence, "b")
    line = next(line for line in markdown.splitlines() if "➖" in line)
    assert line == f"  - ➖ {render.code_span(sentence)}"
    assert markdown.splitlines()[0] == f"## Reader's diff: {render.code_span(sentence)} → `b`"


# 11. The site extends the page allow-list in mkdocs.yml, never beyond what cannot be safe -------------------


def test_a_site_may_allow_frames_from_named_hosts():
    allow, problems = page_allow_list(
        {"allow_html": {"iframe": {"attributes": ["src", "title"], "hosts": ["v.example"]}}}
    )
    assert problems == []
    root, _ = parse_fragment(
        '<iframe src="https://v.example/e" title="t"></iframe><iframe src="https://w.example/"></iframe>'
    )
    assert [refusal.message for refusal in refusals(root, allow)] == [
        "loads 'https://w.example/' from outside the site (<iframe src>); put the file in docs/ and link to it there"
    ]


@pytest.mark.parametrize(
    "added",
    [
        {"script": {}},
        {"object": {"attributes": ["data"]}},
        {"div": {"attributes": ["onclick"]}},
        {"iframe": {"attributes": ["srcdoc"]}},
    ],
)
def test_a_site_cannot_allow_what_runs_script(added: dict):
    _, problems = page_allow_list({"allow_html": added})
    assert len(problems) == 1 and "can never be allowed in a page" in problems[0].message


# make serve: a symlink stops it at start with its line; a number no chart can draw does not hang it ------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ServeProcess, Path, str]]:
    """A running `mkdocs serve` of a fixture copy (as tests/test_serve.py's): (process, project, base URL)."""
    project = watching_data(write_project(tmp_path / "project"))
    server = ServeProcess(project, free_port())
    try:
        match = server.wait_for(lambda: SERVING.search(server.output), STARTUP_SECONDS, "the server to start")
        server.wait_for(lambda: fetch(match.group(1) + "story/the-fall/"), STARTUP_SECONDS, "the first page")
        yield server, project, match.group(1)
    finally:
        server.stop()


@pytest.mark.slow
def test_serve_started_on_a_symlink_out_of_the_repository_exits_with_the_line(tmp_path: Path):
    project = write_project(tmp_path / "project")
    link("docs/rootfs", "/")(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=STARTUP_SECONDS)
    assert result.returncode != 0
    assert f"ERROR   -  {outside('docs/rootfs', '/')}" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.slow
def test_serve_keeps_answering_when_a_figure_is_too_large_for_a_chart(served):
    server, project, base_url = served
    error = f"{FIGURES}:13: 1.7e+308 {TOO_LARGE}"
    replace(FIGURES, "value: 700", "value: 1.7e+308")(project)
    server.wait_for(lambda: error in server.output, REBUILD_SECONDS, "the error line")
    answer = PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)
    assert BANNER in answer and html.escape(error) in answer  # answered, with the last good data
    replace(FIGURES, "value: 1.7e+308", "value: 701")(project)
    server.wait_for(lambda: BANNER not in (fetch(base_url + "story/the-fall/") or BANNER), REBUILD_SECONDS, "the fix")
    assert "Traceback" not in server.output


@pytest.mark.slow
def test_serve_refuses_a_symlink_added_while_it_runs_and_recovers(served):
    server, project, base_url = served
    link("docs/zero.bin", "/dev/zero")(project)
    (project / "docs" / "index.md").write_text(
        (project / "docs" / "index.md").read_text("utf-8") + "\nMore.\n", "utf-8"
    )
    server.wait_for(lambda: outside("docs/zero.bin", "/dev/zero") in server.output, REBUILD_SECONDS, "the error line")
    assert PendingRequest(base_url + "story/the-fall/").result(REBUILD_SECONDS)  # the last site built, still served
    (project / "docs" / "zero.bin").unlink()
    (project / "docs" / "index.md").write_text(
        (project / "docs" / "index.md").read_text("utf-8") + "\nAgain.\n", "utf-8"
    )
    server.wait_for(lambda: "Again." in (fetch(base_url) or ""), REBUILD_SECONDS, "the rebuild")
    assert "Traceback" not in server.output


# The page HTML check at the cheapest layer -------------------------------------------------------------


def converted(markdown_text: str) -> tuple[str, list[str]]:
    """A page converted with the site's Markdown set-up and the page HTML check: its HTML and its problems."""
    context = new_context(page="story/x.md")
    context.page.source_text = markdown_text
    md = Markdown(extensions=[*SITE_EXTENSIONS, PageHtmlExtension(context)], extension_configs=SITE_CONFIGS)
    return md.convert(markdown_text), [str(problem) for problem in context.problems]


def test_a_refused_fragment_is_reported_at_its_line_and_shown_as_text():
    html_out, problems = converted("# T\n\nText.\n\n<div>\n<p>ok</p>\n<script>alert(1)</script>\n</div>\n")
    assert problems == [
        "docs/story/x.md:7: HTML in the page has a <script> element (nothing in a page may run script; not allowed"
        " in a page)"
    ]
    assert "<script>" not in html_out and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out


def test_what_a_page_writes_is_listed_for_review():
    listed = written_html('A <b title="t">b</b>.\n\n<div class="box">x</div>\n\nP.\n{: .wide }\n\n<!-- key-dates -->\n')
    assert listed == ['<div class="box">x</div>', '<b title="t">', "</b>", "{: class='wide' } on <p>"]


def test_the_html_tree_builder_is_linear_in_the_fragment():
    def seconds(count: int) -> float:
        fragment = "<span>" * count + "</b>" * count + "</span>" * count
        start = time.process_time()
        parse_fragment(fragment, comments=True)
        return time.process_time() - start

    small, large = seconds(2_000), seconds(16_000)
    assert large <= 8 * 3 * small + 0.05


def test_a_problem_is_one_line_whatever_its_text():
    problem = Problem("docs/x.md", 3, "unknown marker '<!-- chart:\n::error::injected -->'")
    assert "\n" not in str(problem) and str(problem).endswith("'<!-- chart: ::error::injected -->'")


def test_a_link_is_checked_as_the_browser_decodes_it():
    _, problems = converted(
        "[a](jav&#x61;script:x) [b](javascript&colon;x) [c](java&#9;script:x) [d](https://e.example/?a=1&b=2)"
    )
    assert [problem.split(": HTML in the page ")[1] for problem in problems] == [
        "links to 'javascript:x'; use https:// or a link within the site",
        "links to 'javascript:x'; use https:// or a link within the site",
        "links to 'java\\tscript:x'; use https:// or a link within the site",
    ]


def test_the_pages_together_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(repository, "MAX_PAGES_BYTES", 100)
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    for name in ("a.md", "b.md", "c.md"):
        (root / "docs" / name).write_text("x" * 60, encoding="utf-8")
    problems = [str(problem) for problem in repository_problems(root, site_folders(root, root / "docs"))]
    assert problems == ["docs:1: its pages together are over the 100-byte (0 KB) limit for a site; split it"]

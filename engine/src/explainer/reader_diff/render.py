"""The report as Markdown (GitHub's job summary) and as plain text (the terminal).

Both are made from one outline, so they always say the same. Output is bounded: long lists end
with "… and N more", long sentences are shortened, and the Markdown is cut below GitHub's 1 MiB
limit for a step summary.

Nothing a contributor writes can act in the job summary: every piece of text that comes from the
site or the repository (sentences, titles, ids, notes, addresses, branch names) is a code span,
where GitHub renders no Markdown, no HTML, no link, no @mention, no #123 reference and no emoji,
and it is one line. Only the report's own words (`label`) are plain Markdown, escaped. In the
terminal (the CI log), no line starts with what a contributor wrote, so none can be read as a
workflow command (`::error::`, `::stop-commands::`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .compare import ItemChanges, PageChange, PageRef, Report, differing_keys
from .site import GlossaryEntry

MAX_ITEMS = 50  # per list: pages, glossary entries, events, corrections, files
MAX_SENTENCES = 20  # removed, and added, per page
MAX_CHARS = 400  # per sentence or field shown
SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024  # GitHub refuses a step summary over 1 MiB
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")
MARKERS = {"+": "➕", "-": "➖", "~": "✏️", "!": "❌", "…": "", " ": ""}
_WORKFLOW_COMMAND = re.compile(r"^([^\S\n]*)(?=::)", re.MULTILINE)  # a line the Actions runner reads as a command


@dataclass(frozen=True)
class Span:
    text: str
    style: str = ""  # '', 'label', 'code' or 'strong'


@dataclass(frozen=True)
class Line:
    marker: str  # + added, - removed, ~ changed, ! must not be merged, … more, ' ' neutral
    spans: tuple[Span, ...]
    depth: int = 0


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)


def plain(text: object, style: str = "") -> Span:
    """Text from the site or the repository, on one line: a code span in the job summary."""
    return Span(shorten(str(text)), style)


label = functools.partial(plain, style="label")  # the report's own words (escaped Markdown in the job summary)
code = functools.partial(plain, style="code")
strong = functools.partial(plain, style="strong")


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())  # one line: nothing from the site can start a line of output
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def capped(lines: list[Line], limit: int = MAX_ITEMS, depth: int = 0) -> list[Line]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], Line("…", (label(f"… and {len(lines) - limit} more"),), depth)]


# The outline -----------------------------------------------------------------------------------


def outline(report: Report) -> list[Section]:
    sections = [overview(report), review_section(report)]
    if report.problems:
        sections.insert(0, Section("Must be fixed", [Line("!", (plain(p),)) for p in report.problems]))
    sections += [
        pages_section("Pages added", "+", report.pages_added),
        pages_section("Pages removed", "-", report.pages_removed),
        changed_pages_section(report.pages_changed),
        items_section("Glossary entries", report.glossary, glossary_spans),
        items_section("Events", report.events, event_spans, changed_fields=True),
        items_section("Corrections", report.corrections, correction_spans, changed_fields=True),
        pages_section("Pages whose markup alone changed (same text and notes)", "~", report.markup_only),
        Section(
            "Other files", capped([Line(" ", (code(path), label(status))) for path, status in report.files_changed])
        ),
    ]
    return [section for section in sections if section.lines]


def overview(report: Report) -> Section:
    if not report.readers_see_a_change:
        return Section("Summary", [Line(" ", (label("No change readers would see."),))])
    items = (("glossary entries", report.glossary), ("events", report.events), ("corrections", report.corrections))
    parts = [counts("pages", report.pages_added, report.pages_removed, report.pages_changed)]
    parts += [counts(noun, changes.added, changes.removed, changes.changed) for noun, changes in items if changes]
    return Section("Summary", [Line(" ", (label(part),)) for part in parts])


def counts(noun: str, added: tuple, removed: tuple, changed: tuple) -> str:
    return f"{noun}: {len(added)} added, {len(removed)} removed, {len(changed)} changed"


def review_section(report: Report) -> Section:
    """What the change adds that acts in a reader's browser, for the reviewer to look at one by one."""
    lines = [
        *(Line("+", (label("raw HTML in"), code(page), plain(fragment))) for page, fragment in report.raw_html_added),
        *(Line("+", (label("file"), code(path))) for path in report.files_added),
        *(
            Line("+", (label("address on another site:"), plain(url), label("on"), code(page or "/")))
            for url, page in report.outside_added
        ),
    ]
    if lines and not report.raw_html_known:
        note = "(raw HTML is listed when the diff is made from the repository, not from two built sites)"
        lines.append(Line(" ", (label(note),)))
    return Section("For review: new raw HTML, files and addresses on other sites", capped(lines))


def pages_section(heading: str, marker: str, pages: tuple[PageRef, ...]) -> Section:
    return Section(heading, capped([Line(marker, page_spans(page.title, page.url)) for page in pages]))


def page_spans(title: str, url: str) -> tuple[Span, ...]:
    return (strong(title), code(url or "/"))


def changed_pages_section(changes: tuple[PageChange, ...]) -> Section:
    lines: list[Line] = []
    for change in changes[:MAX_ITEMS]:
        lines.append(Line(" ", page_spans(change.title, change.url)))
        lines += page_change_lines(change)
    if len(changes) > MAX_ITEMS:
        lines.append(Line("…", (label(f"… and {len(changes) - MAX_ITEMS} more pages"),)))
    return Section("Pages changed", lines)


def page_change_lines(change: PageChange) -> list[Line]:
    lines: list[Line] = []
    if change.old_title is not None:
        lines.append(Line("~", (label("title was:"), strong(change.old_title)), 1))
    lines += capped([Line("-", (plain(s),), 1) for s in change.sentences_removed], MAX_SENTENCES, 1)
    lines += capped([Line("+", (plain(s),), 1) for s in change.sentences_added], MAX_SENTENCES, 1)
    if change.reordered:
        lines.append(Line("~", (label("the same sentences, in a different order"),), 1))
    notes = [
        *(Line("-", (label("note removed:"), code(key), plain(text)), 1) for key, text in change.notes.removed),
        *(Line("+", (label("note added:"), code(key), plain(text)), 1) for key, text in change.notes.added),
        *(
            Line("~", (label("note changed:"), code(key), plain(old), label("→"), plain(new)), 1)
            for (key, old), (_, new) in change.notes.changed
        ),
    ]
    return lines + capped(notes, MAX_SENTENCES, 1)


def items_section(
    heading: str, changes: ItemChanges, spans: Callable[[Any], tuple[Span, ...]], changed_fields: bool = False
) -> Section:
    lines = [
        *(Line("+", spans(item)) for item in changes.added),
        *(Line("-", spans(item)) for item in changes.removed),
    ]
    for old, new in changes.changed:
        detail = (label("changed:"), plain(", ".join(differing_keys(old, new)))) if changed_fields else ()
        lines.append(Line("~", (*spans(new), *detail)))
    return Section(heading, capped(lines))


def glossary_spans(entry: GlossaryEntry) -> tuple[Span, ...]:
    return (strong(entry.term), code(entry.id), plain(entry.short))


def event_spans(event: dict) -> tuple[Span, ...]:
    return (plain(event.get("date", "")), strong(event.get("title", "")), code(event["id"]))


def correction_spans(entry: dict) -> tuple[Span, ...]:
    where = ", ".join(str(entry[key]) for key in ("kind", "page", "issued") if entry.get(key))
    return (code(entry["id"]), plain(f"({where}):" if where else ":"), plain(entry.get("correction", "")))


# Markdown and plain text -------------------------------------------------------------------------


def render_markdown(report: Report, base_label: str, head_label: str) -> str:
    out = [f"## Reader's diff: {md_span(plain(base_label))} → {md_span(plain(head_label))}", ""]
    for section in outline(report):
        out += ["### " + md_escape(section.heading), ""]
        for line in section.lines:
            marker = MARKERS[line.marker]
            text = " ".join(md_span(span) for span in line.spans)
            out.append("  " * line.depth + "- " + (f"{marker} {text}" if marker else text))
        out.append("")
    return fit_summary("\n".join(out))


def render_failure(message: str) -> str:
    """Why there is no report (a revision that does not build), for the job summary."""
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", message))])
    return fit_summary(f"## Reader's diff\n\n**It could not be made:**\n\n{fence}text\n{message}\n{fence}\n")


def md_escape(text: str) -> str:
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def md_span(span: Span) -> str:
    if span.style == "label":
        return md_escape(span.text)
    text = code_span(span.text)
    return f"**{text}**" if span.style == "strong" else text


def code_span(text: str) -> str:
    """`text` as a Markdown code span: a fence of more backticks than any run inside, spaced if it touches one."""
    text = " ".join(text.split()) or " "
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def fit_summary(markdown: str, limit: int = SUMMARY_LIMIT_BYTES) -> str:
    """The Markdown, cut at a line if it would be over GitHub's limit for a job summary."""
    if len(markdown.encode()) <= limit:
        return markdown
    note = "\n\n**The report is too long for a job summary and was cut here: run `make diff` for all of it.**\n"
    kept = markdown.encode()[: limit - len(note.encode())].decode(errors="ignore")
    return kept.rpartition("\n")[0] + note


def render_text(report: Report, base_label: str, head_label: str) -> str:
    out = [f"Reader's diff: {base_label} -> {head_label}"]
    for section in outline(report):
        out += ["", section.heading.upper() if section.heading == "Must be fixed" else section.heading]
        for line in section.lines:
            marker = "" if line.marker in "… " else line.marker + " "
            out.append("  " * (line.depth + 1) + marker + " ".join(text_span(span) for span in line.spans))
    return one_command_free("\n".join(out) + "\n")


def one_command_free(text: str) -> str:
    """The text with no line the Actions runner would read as a workflow command (`::error::`, `::stop-commands::`):
    a `· ` before the line's `::` (the report and a build's error are printed in the CI log)."""
    return _WORKFLOW_COMMAND.sub(r"\1· ", text)


def text_span(span: Span) -> str:
    return f"[{span.text}]" if span.style == "code" else span.text

"""The glossary extension: mentions of glossary entries become links with the short definition as tooltip.

A treeprocessor walks each page in reading order and marks mentions (see matching.py for
which words name an entry) as links to the entry on the Glossary page, whose `title` is the
short definition. It marks the first mention of each entry on a story page, never inside
headings, links, code, footnote references and notes, abbreviations, a corrected phrase, or any
element that already carries a title (another annotation); never an entry marked `mark: false`
(a household name), whose entry stays on the Glossary page.

Authors steer it with link syntax that GitHub's preview shows as plain text:
`[the Hamburg company](glossary:acme)` forces a mention of an entry, and
`[Mercury](glossary:none)` keeps a word from being marked. Front matter `glossary: every`
marks every mention on a page, `glossary: off` none; the default is `first`.

Usable on its own (see explainer.extensions): `GlossaryExtension(entries={...})`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import ClassVar

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..anchors import not_prose
from ..backlinks import Backlink
from ..codeblocks import HEADING_TAGS
from ..extensions import ContextProcessor, ExplainerExtension
from ..placeholders import restored
from .page import PAGE
from .records import LINK_SCHEME, SPEC, GlossaryEntry

PAGE_MODES = ("first", "every", "off")  # front matter `glossary:`
SUPPRESS_ID = "none"
MENTION_CLASS = "glossary-term"
SUPPRESSED_CLASS = "glossary-skip"

# Footnotes, suppressed text and mentions. A phrase a correction marks (span.corrected) is read but not
# underlined (one mark at a time, issue 24.4): a mention there counts as a mention of the page (the
# Glossary page lists it), and the term is underlined at its next mention outside the phrase.
_ANNOTATION_CLASSES = {"footnote", SUPPRESSED_CLASS, MENTION_CLASS}
CORRECTED_CLASS = "corrected"


class GlossaryExtension(ExplainerExtension):
    """Marks glossary mentions as links whose title (the tooltip) is the short definition."""

    data: ClassVar = {"entries": SPEC}

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (20), footnotes (50, 15), abbreviations (7) and smartypants (6), so
        # links, code, footnote references and <abbr> are elements; before the table of contents (5).
        md.treeprocessors.register(_Mentions(md, self.context), "explainer-glossary", 5.5)


makeExtension = GlossaryExtension  # Python-Markdown's entry point for the extension by name


class _Mentions(ContextProcessor, Treeprocessor):
    """Walks the page's element tree in reading order and marks mentions."""

    def run(self, root: etree.Element) -> None:
        # How to mark the page, from its kind and its front matter `glossary:` (a document converted without a
        # page, the extension on its own, is marked like a story page).
        page = self.context.page
        mode = page.meta.get("glossary") if page else None
        if mode is not None and mode not in PAGE_MODES:  # marked as `first`
            self.context.report("glossary:", f"front matter 'glossary' must be one of: {', '.join(PAGE_MODES)}")
        self.glossary_href = page.link_to(PAGE.src_uri) if page else PAGE.src_uri  # mentions' link target
        self.automatic = (page is None or page.is_story) and mode != "off"  # not only authored glossary: links
        self.every_mention = mode == "every"
        # List each mention on the Glossary page ("Mentioned in").
        self.backlinks = page is not None and (page.is_story or page.src_uri != PAGE.src_uri)
        self.entries = self.context.glossary.records
        self.marked: dict[str, int] = {}  # entry id -> mentions marked so far
        self.quiet = False  # inside a corrected phrase: mentions are counted, not underlined
        self.section = ""
        self.walk(root)

    def walk(self, element: etree.Element) -> None:
        children = list(element)  # before marking: new mentions and their tails are already done
        inserted = 0  # mentions added to `element` so far: a child's position is its index plus these
        if element.text and not _skipped(element):
            inserted += self._mark_text(element, 0, element, "text")
        for index, child in enumerate(children):
            self._visit(child)
            if child.tail:
                inserted += self._mark_text(element, index + inserted + 1, child, "tail")

    def _visit(self, child: etree.Element) -> None:
        if child.tag in HEADING_TAGS:
            # The page title (h1) is no section: mentions before the first h2 belong to the page.
            self.section = (
                " ".join(restored("".join(child.itertext()), self.md, decode_all=True).split())
                if child.tag != "h1"
                else ""
            )
        elif child.tag == "a" and (child.get("href") or "").startswith(LINK_SCHEME):
            self._authored_link(child)
        elif CORRECTED_CLASS in (child.get("class") or "").split() and not self.quiet:
            self.quiet = True
            self.walk(child)
            self.quiet = False
        elif not _skipped(child):
            self.walk(child)

    def _authored_link(self, link: etree.Element) -> None:
        """`[text](glossary:id)` forces a mention; `[text](glossary:none)` keeps the text unmarked."""
        entry_id = link.get("href")[len(LINK_SCHEME) :]
        entry = self.entries.get(entry_id)
        link.attrib.clear()
        if entry is not None:
            self._make_mention(link, entry)
            return
        if entry_id != SUPPRESS_ID and not self.entries.knows(entry_id):
            message = f"links to unknown glossary entry '{entry_id}' (not in data/glossary.yml)"
            self.context.report(f"{LINK_SCHEME}{entry_id}", message)
        link.tag, link.attrib["class"] = "span", SUPPRESSED_CLASS

    def _mark_text(self, parent: etree.Element, position: int, holder: etree.Element, where: str) -> int:
        """Mark mentions in `holder`'s text or tail (`where`), inserted into `parent` from `position`; how many."""
        text = getattr(holder, where)
        if isinstance(text, AtomicString) or not self.automatic:
            return 0  # code, or a page where only authored glossary links count
        pieces: list[etree.Element] = []
        kept_until = 0
        for found in self.context.glossary.matcher.finditer(text):
            self.context.glossary.matched_forms.add((found.entry_id, found.form))
            entry = self.entries.by_id[found.entry_id]
            if self.quiet or not entry.mark:
                # In a corrected phrase, or a household name (matched: its aliases are in use): never underlined,
                # still listed on the Glossary page ("Mentioned in"), linked to the page (no mark to link to).
                self._backlink(entry, "")
                continue
            if entry.id in self.marked and not self.every_mention:
                continue
            mention = etree.Element("a")
            mention.text = AtomicString(text[found.start : found.end])
            self._make_mention(mention, entry)
            if pieces:
                pieces[-1].tail = text[kept_until : found.start]
            else:
                setattr(holder, where, text[: found.start])
            pieces.append(mention)
            kept_until = found.end
        if pieces:
            pieces[-1].tail = text[kept_until:]
            for offset, piece in enumerate(pieces):
                parent.insert(position + offset, piece)
        return len(pieces)

    def _backlink(self, entry: GlossaryEntry, anchor: str) -> None:
        if self.backlinks:
            page = self.context.page
            self.context.backlinks.add("glossary", entry.id, Backlink(page.url, page.title, anchor, self.section))

    def _make_mention(self, element: etree.Element, entry: GlossaryEntry) -> None:
        count = self.marked[entry.id] = self.marked.get(entry.id, 0) + 1
        anchor = f"glossary-{entry.id}" + (f"-{count}" if count > 1 else "")
        element.tag = "a"
        element.set("href", f"{self.glossary_href}#{entry.id}")
        element.set("class", MENTION_CLASS)
        element.set("id", anchor)
        # The serializer escapes < > " but leaves entity-like text such as "&amp;" alone,
        # so escape & first: a definition always reads exactly as written in the data.
        element.set("title", entry.short.replace("&", "&amp;"))
        self._backlink(entry, anchor)


def _skipped(element: etree.Element) -> bool:
    """Elements whose text is never marked: code, links, headings, notes, other annotations."""
    footnote_reference = element.tag == "sup" and (element.get("id") or "").startswith("fnref")
    return footnote_reference or element.get("title") is not None or not_prose(element, _ANNOTATION_CLASSES)

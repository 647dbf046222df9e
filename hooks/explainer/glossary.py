"""The glossary: who and what the story mentions, explained where the reader meets it.

data/glossary.yml holds the entries. A Python-Markdown treeprocessor marks the first
mention of each entry on a story page as a link to its glossary entry whose `title` is
the short definition, which docs/assets/previews.js shows as a tooltip on hover, keyboard
focus and a first tap on touch screens (built on first use, nothing at page load).

Matching rules (documented for authors in CONTRIBUTING and tested in tests/test_glossary.py):

- whole words only, longest form first ("Ant Group" wins over "Ant");
- a form with any capital letter matches exactly as written ("Ma" never matches "ma");
  an all-lowercase form also matches with a capital first letter ("capex", "Capex");
- a space in a form matches any run of whitespace, an apostrophe matches ' or ’;
- never inside headings, links, code, footnote references and notes, abbreviations,
  or any element that already carries a title (another annotation).

Authors steer it with link syntax that GitHub's preview shows as plain text:
`[the Hangzhou company](glossary:alibaba)` forces a mention of an entry, and
`[Ant](glossary:none)` keeps a word from being marked. Front matter `glossary: every`
marks every mention on a page, `glossary: off` none; the default is `first`.
"""

from __future__ import annotations

import html
import itertools
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from .backlinks import Backlink, placeholder
from .errors import Problem
from .markup import fragment_elements
from .records import DataFileSpec, check_ids, ids_in_order
from .yamlfile import YamlDocument

if TYPE_CHECKING:
    from .context import BuildContext
    from .data import SiteData
    from .sources import Source

CATEGORY_HEADINGS = {
    "person": "People",
    "organization": "Companies and institutions",
    "product": "Products and models",
    "concept": "Concepts",
}
PAGE_MODES = ("first", "every", "off")  # front matter `glossary:`
LINK_SCHEME = "glossary:"
SUPPRESS_ID = "none"
MENTION_CLASS = "glossary-term"
SUPPRESSED_CLASS = "glossary-skip"
ENTRY_CLASS = "glossary-entry"  # the Glossary page's wrapper of one entry (and its heading)
LONG_PLACEHOLDER = "data-glossary-long"  # marks where the Glossary page shows an entry's checked `long`
GROUP_CLASS = "glossary-group"  # the Glossary page's wrapper of a category's entries with one initial

_SKIPPED_TAGS = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Footnotes, suppressed text and mentions. A phrase a correction marks (span.corrected) is not
# skipped: it is plain text with its mark after it, and a reader still needs the term explained.
_ANNOTATION_CLASSES = {"footnote", SUPPRESSED_CLASS, MENTION_CLASS}
_APOSTROPHE = "(?:['’]|\x02wzxhzdk:\\d+\x03)"  # smarty stashes a typographic apostrophe as a placeholder


# Data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    category: str
    short: str
    long: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    index: int = 0  # position in data/glossary.yml, for messages
    long_html: str = ""  # `long` rendered and checked by the data layer (explainer.markup): what the page shows

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the story may name this entry, as written in the data file."""
        return (self.term, *self.aliases)


def build_glossary(document: YamlDocument) -> tuple[dict[str, GlossaryEntry], list[Problem]]:
    """Typed entries by id from a schema-valid data/glossary.yml, plus problems between entries."""
    first_index, problems = ids_in_order(document)
    entries = {entry_id: _entry(document, index) for entry_id, index in first_index.items()}
    problems += _claimed_twice(document, entries)
    for entry in entries.values():
        problems += _long_problems(document, entry, entries)
        problems += check_ids(document, (entry.index, "related"), list(entry.related), entries, _label(entry), "entry")
        if entry.id in entry.related:
            position = entry.related.index(entry.id)
            problems.append(document.problem((entry.index, "related", position), f"{_label(entry)} lists itself"))
    return entries, problems


def _long_problems(document: YamlDocument, entry: GlossaryEntry, entries: dict[str, GlossaryEntry]) -> list[Problem]:
    """`long` may link to other entries only if they exist (the data layer checked everything else)."""
    rendered = document.rendered.get((entry.index, "long"))
    return [
        document.problem((entry.index, "long"), f"{_label(entry)}: 'long' links to unknown glossary entry '{target}'")
        for href in (rendered.links if rendered else ())
        if href.startswith(LINK_SCHEME) and (target := href[len(LINK_SCHEME) :]) not in entries
    ]


def _entry(document: YamlDocument, index: int) -> GlossaryEntry:
    fields = document.data[index]
    tuples = {key: tuple(fields.get(key, ())) for key in ("aliases", "sources", "related")}
    plain = {key: value for key, value in fields.items() if key not in tuples}
    rendered = document.rendered.get((index, "long"))
    return GlossaryEntry(**plain, **tuples, index=index, long_html=rendered.html if rendered else "")


def _label(entry: GlossaryEntry) -> str:
    return f"glossary entry '{entry.id}'"


def _claimed_twice(document: YamlDocument, entries: dict[str, GlossaryEntry]) -> list[Problem]:
    """A form (or its capitalized variant) that two entries, or one entry twice, claim."""
    owner: dict[str, tuple[GlossaryEntry, tuple]] = {}
    problems = []
    for entry in entries.values():
        for path, form in _form_paths(entry):
            for variant in match_variants(form):
                if variant not in owner:
                    owner[variant] = (entry, path)
                    continue
                first, first_path = owner[variant]
                where = f"line {document.line_of(first_path)}"
                whose = "this entry" if first is entry else f"entry '{first.id}'"
                message = f"{_label(entry)}: '{form}' is already claimed by {whose} ({where})"
                problems.append(document.problem(path, message))
                break
    return problems


def _form_paths(entry: GlossaryEntry) -> Iterator[tuple[tuple, str]]:
    yield (entry.index, "term"), entry.term
    for position, alias in enumerate(entry.aliases):
        yield (entry.index, "aliases", position), alias


def check_glossary_sources(site: SiteData) -> list[Problem]:
    """Sources an entry cites must exist in data/sources.yml."""
    document = site.documents.get("glossary")
    entries: dict[str, GlossaryEntry] = site.records.get("glossary", {})
    return [
        problem
        for entry in entries.values()
        for problem in check_ids(
            document, (entry.index, "sources"), list(entry.sources), site.sources, _label(entry), "source"
        )
    ]


SPEC = DataFileSpec(name="glossary", build=build_glossary, check=check_glossary_sources)


# Matching -----------------------------------------------------------------------------------


def match_variants(form: str) -> tuple[str, ...]:
    """The exact texts a form matches: itself, plus a capitalized variant if it is all lowercase."""
    form = _normalized(form)
    if form == form.lower() and form[:1].isalpha():
        return (form, form[0].upper() + form[1:])
    return (form,)


def _normalized(text: str) -> str:
    """Text as the matcher compares it: one space for any whitespace, ' for any apostrophe."""
    text = HTML_PLACEHOLDER_RE.sub("'", text.replace("’", "'"))
    return " ".join(text.split())


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped like a character trie: shared prefixes are tested once."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict) -> str:
    branches = [_char_pattern(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    # Greedy `?`: the longer form is tried first, the shorter one only if it fails.
    return group + "?" if "" in node else group


def _char_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return _APOSTROPHE
    return re.escape(char)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry_id: str
    form: str  # the form as written in the data file


class TermMatcher:
    """Finds every form of every entry in a text with one compiled regex."""

    def __init__(self, entries: dict[str, GlossaryEntry]):
        self._owner: dict[str, tuple[str, str]] = {}
        for entry in entries.values():
            for form in entry.forms:
                for variant in match_variants(form):
                    self._owner.setdefault(variant, (entry.id, form))
        trie = trie_pattern(list(self._owner)) if self._owner else "(?!)"
        self._regex = re.compile(rf"(?<!\w)(?:{trie})(?!\w)")

    def finditer(self, text: str) -> Iterator[Match]:
        for found in self._regex.finditer(text):
            entry_id, form = self._owner[_normalized(found.group())]
            yield Match(found.start(), found.end(), entry_id, form)


# Markdown extension -------------------------------------------------------------------------


@dataclass
class PageMarking:
    """What one page's conversion needs: where the glossary is, what to mark, whom to tell."""

    glossary_href: str = "glossary.md"  # link target of mentions, relative to the page
    automatic: bool = True  # mark mentions found in the text (story pages), not only forced ones
    every_mention: bool = False
    on_mention: Callable[[str, str, str], None] | None = None  # (entry id, anchor, section heading)
    on_unknown_id: Callable[[str], None] | None = None


class GlossaryExtension(Extension):
    """Marks glossary mentions as links whose title (Material's tooltip) is the short definition.

    Usable on its own: `markdown.markdown(text, extensions=[GlossaryExtension(entries)])`.
    Under MkDocs the hook sets `marking_for_page` to a function of the page being converted.
    """

    def __init__(self, entries: dict[str, GlossaryEntry], marking: PageMarking | None = None):
        super().__init__()
        self.entries = entries
        self.matcher = TermMatcher(entries)
        self.matched_forms: set[tuple[str, str]] = set()  # (entry id, form) seen in marked pages
        self.marking_for_page: Callable[[], PageMarking | None] = lambda: marking or PageMarking()

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (20), so nothing parses the checked text again; before glossary links
        # are marked (6) and MkDocs resolves links to pages (0), which then treat it like any text.
        md.treeprocessors.register(_LongTextTreeprocessor(md, self), "explainer-glossary-long", 19.5)
        # After inline patterns (20) and footnotes (50, 15) and abbreviations (7), so links,
        # code, footnote references and <abbr> are elements; before the table of contents (5).
        md.treeprocessors.register(_MentionTreeprocessor(md, self), "explainer-glossary", 6)


class _LongTextTreeprocessor(Treeprocessor):
    """Puts each entry's `long`, as the data layer rendered and checked it, where the Glossary page marks it."""

    def __init__(self, md: Markdown, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        places = [(parent, child) for parent in root.iter("div") for child in parent if child.get(LONG_PLACEHOLDER)]
        for parent, marker in places:
            entry = self.extension.entries[marker.get(LONG_PLACEHOLDER)]
            elements = fragment_elements(entry.long_html)
            position = list(parent).index(marker)
            parent.remove(marker)
            for offset, element in enumerate(elements):
                parent.insert(position + offset, element)
            if elements:
                elements[-1].tail = marker.tail


class _MentionTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        marking = self.extension.marking_for_page()
        if marking is not None:
            _PageMarker(self.extension, marking, self.md).walk(root)


class _PageMarker:
    """Walks one page's element tree in reading order and marks mentions."""

    def __init__(self, extension: GlossaryExtension, marking: PageMarking, md: Markdown):
        self.entries = extension.entries
        self.matcher = extension.matcher
        self.matched_forms = extension.matched_forms
        self.marking = marking
        self.md = md
        self.marked: dict[str, int] = {}  # entry id -> mentions marked so far
        self.section = ""

    def walk(self, element: etree.Element) -> None:
        children = list(element)  # before marking: new mentions and their tails are already done
        inserted = 0  # mentions added to `element` so far: a child's position is its index plus these
        if element.text and not _skipped(element):
            inserted += self._mark_text(element, 0, element.text, lambda text: setattr(element, "text", text))
        for index, child in enumerate(children):
            self._visit(child)
            if child.tail:
                set_tail = lambda text, c=child: setattr(c, "tail", text)  # noqa: E731 - bound to this child
                inserted += self._mark_text(element, index + inserted + 1, child.tail, set_tail)

    def _visit(self, child: etree.Element) -> None:
        if child.tag in _HEADINGS:
            # The page title (h1) is no section: mentions before the first h2 belong to the page.
            self.section = _plain_text(child, self.md) if child.tag != "h1" else ""
        elif child.tag == "a" and (child.get("href") or "").startswith(LINK_SCHEME):
            self._authored_link(child)
        elif not _skipped(child):
            self.walk(child)

    def _authored_link(self, link: etree.Element) -> None:
        """`[text](glossary:id)` forces a mention; `[text](glossary:none)` keeps the text unmarked."""
        entry_id = link.get("href")[len(LINK_SCHEME) :]
        entry = self.entries.get(entry_id)
        if entry is None:
            if entry_id != SUPPRESS_ID and self.marking.on_unknown_id:
                self.marking.on_unknown_id(entry_id)
            link.attrib.clear()
            link.tag, link.attrib["class"] = "span", SUPPRESSED_CLASS
            return
        link.attrib.clear()
        self._make_mention(link, entry)

    def _mark_text(self, parent: etree.Element, position: int, text: str, set_text: Callable[[str], None]) -> int:
        """Mark mentions in `text`, inserting them into `parent` from `position`; how many were inserted."""
        if isinstance(text, AtomicString) or not self.marking.automatic:
            return 0  # code, or a page where only authored glossary links count
        pieces: list[etree.Element] = []
        kept_until = 0
        for found in self.matcher.finditer(text):
            self.matched_forms.add((found.entry_id, found.form))
            if not self._wanted(found.entry_id):
                continue
            mention = etree.Element("a")
            mention.text = AtomicString(text[found.start : found.end])
            self._make_mention(mention, self.entries[found.entry_id])
            if pieces:
                pieces[-1].tail = text[kept_until : found.start]
            else:
                set_text(text[: found.start])
            pieces.append(mention)
            kept_until = found.end
        if pieces:
            pieces[-1].tail = text[kept_until:]
            for offset, piece in enumerate(pieces):
                parent.insert(position + offset, piece)
        return len(pieces)

    def _wanted(self, entry_id: str) -> bool:
        return self.marking.every_mention or entry_id not in self.marked

    def _make_mention(self, element: etree.Element, entry: GlossaryEntry) -> None:
        count = self.marked[entry.id] = self.marked.get(entry.id, 0) + 1
        anchor = f"glossary-{entry.id}" + (f"-{count}" if count > 1 else "")
        element.tag = "a"
        element.set("href", f"{self.marking.glossary_href}#{entry.id}")
        element.set("class", MENTION_CLASS)
        element.set("id", anchor)
        # The serializer escapes < > " but leaves entity-like text such as "&amp;" alone,
        # so escape & first: a definition always reads exactly as written in the data.
        element.set("title", entry.short.replace("&", "&amp;"))
        if self.marking.on_mention:
            self.marking.on_mention(entry.id, anchor, self.section)


def _skipped(element: etree.Element) -> bool:
    """Elements whose text is never marked: code, links, headings, notes, other annotations."""
    if element.tag in _SKIPPED_TAGS or element.get("title") is not None:
        return True
    if element.tag == "sup" and (element.get("id") or "").startswith("fnref"):
        return True
    return not _ANNOTATION_CLASSES.isdisjoint((element.get("class") or "").split())


def _plain_text(element: etree.Element, md: Markdown) -> str:
    """A heading's text as readers see it (stashed quotes and entities restored, tags dropped)."""

    def restore(found: re.Match) -> str:
        raw = md.htmlStash.rawHtmlBlocks[int(found.group(1))]
        return re.sub(r"<[^>]*>", "", raw if isinstance(raw, str) else "")

    text = "".join(element.itertext())
    return " ".join(html.unescape(HTML_PLACEHOLDER_RE.sub(restore, text)).split())


def link_from(page_src_uri: str, target_src_uri: str) -> str:
    """A Markdown link target from one docs/ file to another (MkDocs rewrites and checks it)."""
    if page_src_uri == target_src_uri:
        return ""
    return posixpath.relpath(target_src_uri, posixpath.dirname(page_src_uri) or ".")


def mark_glossary_terms(markdown_text: str, entries: dict[str, GlossaryEntry], **markdown_options: Any) -> str:
    """Convert Markdown to HTML with the glossary pass alone, outside MkDocs (benchmarks, tests)."""
    extensions = [*markdown_options.pop("extensions", []), GlossaryExtension(entries)]
    return Markdown(extensions=extensions, **markdown_options).convert(markdown_text)


# Page modes ---------------------------------------------------------------------------------


def page_marking(
    context: BuildContext, glossary_src_uri: str, mode: object, on_problem: Callable[[Problem], None]
) -> PageMarking | None:
    """How to mark the page being converted, from its kind and its front matter `glossary:` value."""
    page = context.page
    if page is None:
        return None
    if mode is None:
        mode = "first"
    if mode not in PAGE_MODES:
        on_problem(page.problem("glossary:", f"front matter 'glossary' must be one of: {', '.join(PAGE_MODES)}"))
        mode = "first"

    def on_mention(entry_id: str, anchor: str, section: str) -> None:
        context.backlinks.add("glossary", entry_id, Backlink(page.url, page.title, anchor, section))

    def on_unknown_id(entry_id: str) -> None:
        message = f"links to unknown glossary entry '{entry_id}' (not in data/glossary.yml)"
        on_problem(page.problem(f"{LINK_SCHEME}{entry_id}", message))

    return PageMarking(
        glossary_href=link_from(page.src_uri, glossary_src_uri),
        automatic=page.is_story and mode != "off",
        every_mention=mode == "every",
        on_mention=on_mention if page.is_story or page.src_uri != glossary_src_uri else None,
        on_unknown_id=on_unknown_id,
    )


# Checks after the build ----------------------------------------------------------------------


def unused_glossary_problems(
    document: YamlDocument | None, entries: dict[str, GlossaryEntry], used_ids: set[str], matched: set[tuple[str, str]]
) -> list[Problem]:
    """Entries no story page marks, and aliases that never match story text: worth a warning."""
    if document is None:
        return []
    problems = []
    for entry in entries.values():
        if entry.id not in used_ids:
            message = f"{_label(entry)} is never mentioned on a story page (add a mention or remove the entry)"
            problems.append(document.problem((entry.index, "id"), message))
            continue
        for position, alias in enumerate(entry.aliases):
            if (entry.id, alias) not in matched:
                message = f"{_label(entry)}: alias '{alias}' never matches the text of a story page"
                problems.append(document.problem((entry.index, "aliases", position), message))
    return problems


# Generated page -----------------------------------------------------------------------------


def glossary_page_markdown(entries: dict[str, GlossaryEntry], sources: dict[str, Source]) -> str:
    """The Glossary page: entries grouped by category, alphabetical, each anchored by its id."""
    parts = [
        "---\ntitle: Glossary\ndescription: The people, companies, products and ideas the story mentions, "
        "with sources and links back to where each appears.\n---\n",
        "# Glossary\n",
        f"The {len(entries)} people, companies, products and ideas the story mentions. On the story pages, "
        "the first mention of each is underlined with dots: point at it, tab to it or tap it to read "
        "a short definition, and follow it to the entry here.\n",
    ]
    present = [category for category in CATEGORY_HEADINGS if any(e.category == category for e in entries.values())]
    jumps = (f"[{CATEGORY_HEADINGS[category]}](#{_category_anchor(category)})" for category in present)
    parts.append("Jump to: " + " · ".join(jumps) + "\n")
    for category, heading in CATEGORY_HEADINGS.items():
        members = sorted((e for e in entries.values() if e.category == category), key=lambda e: e.term.casefold())
        if members:
            parts.append(f"## {heading} {{#{_category_anchor(category)}}}\n")
            for _, group in itertools.groupby(members, key=lambda e: e.term[:1].casefold()):
                parts.append(_group_markdown(group, entries, sources))
    return "\n".join(parts)


def _group_markdown(
    members: Iterator[GlossaryEntry], entries: dict[str, GlossaryEntry], sources: dict[str, Source]
) -> str:
    # Python-Markdown's inline pass looks up each child's position in its parent, so a parent with
    # thousands of children costs n²: one <div> per entry, and those grouped by initial letter.
    body = "\n".join(_entry_markdown(entry, entries, sources) for entry in members)
    return f'<div class="{GROUP_CLASS}" markdown>\n\n{body}\n</div>\n'


def _category_anchor(category: str) -> str:
    return "category-" + CATEGORY_HEADINGS[category].lower().replace(" ", "-")


def _entry_markdown(entry: GlossaryEntry, entries: dict[str, GlossaryEntry], sources: dict[str, Source]) -> str:
    lines = [
        f'<div class="{ENTRY_CLASS}" markdown>\n',
        f"### {_markdown_text(entry.term[:1].upper() + entry.term[1:])} {{#{entry.id} .glossary-entry}}\n",
        f'<p class="glossary-entry__short">{html.escape(entry.short)}</p>\n',
        f'<div {LONG_PLACEHOLDER}="{entry.id}" markdown></div>\n',  # filled with the checked `long`
    ]
    if entry.aliases:
        lines.append("*Also written:* " + ", ".join(_markdown_text(alias) for alias in entry.aliases) + "\n")
    if entry.sources:
        links = [_source_link(sources[source_id]) for source_id in entry.sources if source_id in sources]
        lines.append("*Sources:* " + "; ".join(links) + "\n")
    if entry.related:
        links = [f"[{_markdown_text(entries[r].term)}](#{r})" for r in entry.related if r in entries]
        lines.append("*Related:* " + ", ".join(links) + "\n")
    lines.append("*Mentioned in:*\n")
    lines.append(placeholder("glossary", entry.id) + "\n")
    lines.append("</div>\n")
    return "\n".join(lines)


def _source_link(source: Source) -> str:
    return f"[{_markdown_text(source.credit)}, {source.published.display}](sources.md#{source.id})"


def _markdown_text(text: str) -> str:
    """Plain text from data, safe inside Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]{}<>#|!])", r"\\\1", html.escape(text, quote=False))

"""HTML written in a page, checked as a tree against the page allow-list (explainer.markup), as data is.

A page may hold HTML, as any MkDocs page: raw blocks and inline tags, attribute lists (`{: ... }`),
Markdown links and images. `PageHtmlExtension` checks all of it while the page is converted, at
two points of Python-Markdown's run:

1. just after inline parsing (priority 19.9), when the tree holds only what the page wrote (the
   explainer's extensions add their parts later): every element and attribute of the tree, and
   every raw HTML fragment the page wrote (Python-Markdown keeps them in its stash, from the
   position the stash had before raw HTML was read: what a fenced code block stored earlier is
   not the page's HTML). Comments stay allowed (the build's markers are comments), words only;
   links are read as a browser reads them; images and fonts come from the site; a link to
   another site gets the warnings of explainer.urlcheck (credentials, mixed scripts, imitation);
2. just after the attribute lists are read (priority 7.5): each attribute that `attr_list` added.
   On an element the page wrote, it is held against the allow-list; on one the build made from
   the data (a chart's table cell, a note), any attribute is refused: text from the data files
   that ends in `{...}` is not a way to set attributes (`{: onmouseover=alert(1) }` in a figure's
   note put an event handler on the chart's table).

Each problem is an error at the page's line (`docs/about.md:12: HTML in the page has a <script>
element ...`), and what is refused is also taken out of the page: a refused fragment is shown as
text, a refused attribute removed, a refused element made a <span>, so nothing runs even where
the build goes on (`mkdocs serve` shows the problems in a box and keeps serving).

A site extends the allow-list in mkdocs.yml, never in a page (`page_allow_list`):

    extra:
      explainer:
        allow_html:
          iframe: {attributes: [src, title, width, height, allow, loading], hosts: [www.youtube-nocookie.com]}

Generated pages (Sources, Glossary, Timeline, Corrections) are made by the build from checked data
and are not checked at step 1; step 2 applies to them too.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field, replace
from typing import Any

from markdown import Extension, Markdown
from markdown.util import AMP_SUBSTITUTE, Processor

from .context import BuildContext
from .errors import Problem
from .events.extension import EVENT_LINK_SCHEME
from .glossary.records import LINK_SCHEME as GLOSSARY_LINK_SCHEME
from .markup import NEVER_ALLOWED, PAGE_ALLOW_LIST, AllowList, Refusal, browser_value, parse_fragment, refusals
from .urlcheck import publishers_and, url_warnings

WRITTEN_PRIORITY = 19.9  # after 'inline' (20), before every explainer treeprocessor (19.5 and below)
STASH_START_PRIORITY = 20.5  # before 'html_block' (20) stashes raw HTML, after fenced code (25)
BEFORE_ATTR_LIST_PRIORITY = 8.5  # 'attr_list' is 8
AFTER_ATTR_LIST_PRIORITY = 7.5
SITE_SCHEMES = frozenset({GLOSSARY_LINK_SCHEME.rstrip(":"), EVENT_LINK_SCHEME.rstrip(":")})
PREFIX = "HTML in the page "
FOOTNOTE_LIST = 'has class="footnote", the footnotes\' own list (write footnotes as [^name])'
_NEVER_ATTRIBUTES = frozenset({"srcdoc", "formaction", "action", "style"})


def page_allow_list(
    settings: dict[str, Any] | None = None, label: str = "mkdocs.yml"
) -> tuple[AllowList, list[Problem]]:
    """The page allow-list, with what mkdocs.yml adds (extra: explainer: allow_html:), and any problem there."""
    allow = replace(PAGE_ALLOW_LIST, schemes=PAGE_ALLOW_LIST.schemes | SITE_SCHEMES)
    added = (settings or {}).get("allow_html")
    if not added:
        return allow, []
    if not isinstance(added, dict):
        return allow, [Problem(label, 1, "extra: explainer: allow_html: must map elements to their settings")]
    elements, hosts, problems = dict(allow.elements), dict(allow.hosts), []
    for tag, rule in added.items():
        rule = rule if isinstance(rule, dict) else {}
        names = [str(name).lower() for name in rule.get("attributes") or []]
        never = [name for name in names if name.startswith("on") or name in _NEVER_ATTRIBUTES]
        if str(tag).lower() in NEVER_ALLOWED or never:
            what = f"<{tag}>" if not never else f"the attribute {never[0]!r}"
            problems.append(Problem(label, 1, f"extra: explainer: allow_html: {what} can never be allowed in a page"))
            continue
        tag = str(tag).lower()
        elements[tag] = elements.get(tag, frozenset()) | frozenset(names)
        if rule.get("hosts"):
            hosts[tag] = frozenset(str(host).lower() for host in rule["hosts"])
    return replace(allow, elements=elements, hosts=hosts), problems


@dataclass
class _State:
    """What one page's conversion noted between the processors."""

    stash_start: int = 0
    written: list[etree.Element] = field(default_factory=list)  # the elements the page wrote (kept alive)
    written_ids: set[int] = field(default_factory=set)
    before: dict[int, dict[str, str]] = field(default_factory=dict)  # each element's attributes before attr_list
    kept: list[etree.Element] = field(default_factory=list)


class PageHtmlExtension(Extension):
    """Checks the HTML a page writes against `allow` (by default the page allow-list and the site's own schemes)."""

    def __init__(self, context: BuildContext, allow: AllowList | None = None, reviewed: frozenset[str] = frozenset()):
        super().__init__()
        self.context = context
        self.allow = allow or page_allow_list()[0]
        # The links' hosts are compared with the engine's publishers and the story's, indexed once (not once a
        # link: a story may list thousands), less the hosts a reviewer has answered in mkdocs.yml.
        self.known, self.reviewed = publishers_and(frozenset(context.story.known_hosts)), reviewed

    def extendMarkdown(self, md: Markdown) -> None:
        _register_steps(md, self, "explainer-page-html", _Written, _AfterAttrList)
        md.treeprocessors.register(_FootnoteLists(md, None, self), "explainer-footnote-lists", 50.5)


def _register_steps(md: Markdown, extension: Extension, name: str, written: type, after: type) -> _State:
    """The steps of a page's conversion sharing one state: `written` just after inline parsing, `after` just
    after the attribute lists are read."""
    state = _State()
    md.preprocessors.register(_StashStart(md, state), f"{name}-stash", STASH_START_PRIORITY)
    md.treeprocessors.register(written(md, state, extension), name, WRITTEN_PRIORITY)
    md.treeprocessors.register(_BeforeAttrList(md, state), f"{name}-before", BEFORE_ATTR_LIST_PRIORITY)
    md.treeprocessors.register(after(md, state, extension), f"{name}-after", AFTER_ATTR_LIST_PRIORITY)
    return state


class _Step(Processor):
    """One step of a page's conversion (a pre- or treeprocessor): what the steps note is shared in `state`;
    `extension` is the one that registered it (its `context` and `allow`, or the listing's `found`)."""

    def __init__(self, md: Markdown, state: _State, extension: Any = None):
        super().__init__(md)
        self.state, self.extension = state, extension


class _StashStart(_Step):
    def run(self, lines: list[str]) -> list[str]:
        self.state.__init__()  # a new page
        self.state.stash_start = len(self.md.htmlStash.rawHtmlBlocks)
        return lines


class _Written(_Step):
    """Step 1: the tree and the raw HTML as the page wrote them."""

    def run(self, root: etree.Element) -> None:
        self.state.written = list(root.iter())
        self.state.written_ids = {id(element) for element in self.state.written}
        page = self.extension.context.page
        if page is None or page.generated:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        for index in range(self.state.stash_start, len(stash)):
            if isinstance(stash[index], str):
                stash[index] = self._fragment(stash[index])
            elif isinstance(stash[index], etree.Element):  # md_in_html keeps <div markdown> as an element
                holder = etree.Element("div")
                holder.append(stash[index])
                self._tree(holder)
        self._tree(root)

    def _fragment(self, raw: str) -> str:
        """A raw HTML fragment: checked; returned as it is, or as text if anything in it is refused."""
        tree, problems, lines = parse_fragment(raw, comments=True)
        raw_lines = raw.split("\n")
        first = next((line.strip() for line in raw_lines if line.strip()), raw.strip())
        for problem in problems:
            self.extension.context.report(first, PREFIX + problem)
        found = refusals(tree, self.extension.allow)
        for refusal in found:
            line = lines.get(id(refusal.element), 1)
            needle = raw_lines[line - 1].strip() if line <= len(raw_lines) else first
            self.extension.context.report(needle or first, _message(refusal))
        self._warn_outside_links(tree)
        return html.escape(raw) if problems or found else raw

    def _tree(self, root: etree.Element) -> None:
        for refusal in refusals(root, self.extension.allow):
            element, name = refusal.element, refusal.attribute
            needle = f"<{element.tag}" if name is None else _attribute_needle(name, element.get(name, ""))
            self.extension.context.report(needle, _message(refusal))
            _neutralize(refusal)
        self._warn_outside_links(root)

    def _warn_outside_links(self, root: etree.Element) -> None:
        page = self.extension.context.page
        for element in root.iter("a"):
            href = browser_value(element.get("href", ""))
            if href.startswith(("https://", "http://")):
                for warning in url_warnings(href, self.extension.known, self.extension.reviewed):
                    self.extension.context.problems.append(page.problem(href, f"link: {warning}").as_warning())


class _FootnoteLists(_Step):
    """Before 'footnote' (50) adds the footnotes' list: a class="footnote" the page wrote (<div markdown>) would
    be taken for it, and the footnotes' later steps stop with a traceback: refused, its class taken out."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if "footnote" in element.get("class", "").split():
                self.extension.context.report("footnote", PREFIX + FOOTNOTE_LIST)
                element.attrib.pop("class")


class _BeforeAttrList(_Step):
    def run(self, root: etree.Element) -> None:
        self.state.kept = list(root.iter())
        # Only elements with attributes: one without any reads as {} in step 2 all the same (most have none).
        self.state.before = {id(element): dict(element.attrib) for element in self.state.kept if element.attrib}


class _AfterAttrList(_Step):
    """Step 2: what `attr_list` added, on the page's own elements and on those the build made from data."""

    def run(self, root: etree.Element) -> None:
        context, allow = self.extension.context, self.extension.allow
        page = context.page
        if page is None:
            return
        for element in root.iter():
            before, added = _added(element, self.state)
            if not added:
                continue
            if id(element) in self.state.written_ids:
                if page.generated:
                    continue  # the build's own Markdown ({#id .glossary-entry})
                holder = etree.Element("div")
                etree.SubElement(holder, element.tag, added)
                for refusal in refusals(holder, replace(allow, footnotes=True, images=True)):
                    needle = _attribute_needle(refusal.attribute, added.get(refusal.attribute or "", ""))
                    context.report(needle, _message(refusal))
                    _restore(element, before, refusal.attribute)
            else:
                written = _written(added)
                message = (
                    f"text the page shows from the data files ends in braces ({{…}}), which Markdown read as "
                    f"attributes ({written}) for a <{element.tag}> the build made; write that text without braces"
                )
                context.report(next(iter(added)), message)
                for name in added:
                    _restore(element, before, name)


def _added(element: etree.Element, state: _State) -> tuple[dict[str, str], dict[str, str]]:
    """The element's attributes before `attr_list` read its attribute list, and those it added or changed."""
    before = state.before.get(id(element), {})
    if element.attrib == before:
        return before, {}  # nothing added (the common case, told apart in one comparison)
    return before, {name: value for name, value in element.attrib.items() if before.get(name) != value}


def _written(added: dict[str, str]) -> str:
    return " ".join(f"{name}={value!r}" for name, value in added.items())


def _message(refusal: Refusal) -> str:
    return PREFIX + refusal.message


def _attribute_needle(name: str | None, value: str) -> str:
    """What to look for in the page: the value of a link as written, else the attribute's name."""
    value = value.replace(AMP_SUBSTITUTE, "&")
    if name in ("href", "src", "srcset", "cite") and value:
        return value
    if name == "id" and value:
        return f"#{value}"
    return f"{name}=" if name else ""


def _neutralize(refusal: Refusal) -> None:
    """Take out what was refused (MkDocs expects every <a> to keep an href and every <img> a src: a refused link
    or image becomes a <span>)."""
    element = refusal.element
    if refusal.attribute is not None and not (element.tag in ("a", "img") and refusal.attribute in ("href", "src")):
        element.attrib.pop(refusal.attribute, None)
    else:
        element.tag = "span"
        element.attrib.clear()


def _restore(element: etree.Element, before: dict[str, str], name: str | None) -> None:
    if name in before:
        element.set(name, before[name])
    elif name is not None:
        element.attrib.pop(name, None)


# What a page writes, listed (the reader's diff shows a reviewer each new piece) --------------------------

# The environment variable that asks a build for its listing: the file to write it to, as JSON
# (explainer_mkdocs.written; the reader's diff sets it for the builds it runs).
WRITTEN_HTML_FILE = "EXPLAINER_WRITTEN_HTML"


class WrittenHtmlListing(Extension):
    """Lists what each page converted writes as HTML, at the points where PageHtmlExtension checks it; `take()`
    after each page. Put it before PageHtmlExtension, which may make refused HTML text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def take(self) -> list[str]:
        """What the page converted last wrote (and the listing starts again)."""
        found, self.found = self.found, []
        return found

    def extendMarkdown(self, md: Markdown) -> None:
        state = _register_steps(md, self, "explainer-written", _ListInline, _ListAttributes)
        md.preprocessors.register(_ListBlocks(md, state, self), "explainer-written-blocks", 19.95)


class _ListBlocks(_Step):
    """Raw HTML blocks, just stashed (md_in_html's <div markdown> elements are taken out of the stash later)."""

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        for item in stash[self.state.stash_start :]:
            if isinstance(item, etree.Element):
                for element in item.iter():
                    attributes = "".join(f' {name}="{value}"' for name, value in element.attrib.items())
                    self.extension.found.append(f"<{element.tag}{attributes}>")
            else:
                _list_fragment(item, self.extension.found)
        self.state.stash_start = len(stash)  # inline HTML, next
        return lines


class _ListInline(_Step):
    def run(self, root: etree.Element) -> None:
        for item in self.md.htmlStash.rawHtmlBlocks[self.state.stash_start :]:
            _list_fragment(item, self.extension.found)


def _list_fragment(item: object, found: list[str]) -> None:
    text = " ".join(item.split()) if isinstance(item, str) else ""
    is_comment = text.startswith("<!--") and text.endswith("-->") and text.count("<!--") == 1
    if text and not is_comment and not text.startswith("&"):  # entities (&amp;) are text
        found.append(text)


class _ListAttributes(_Step):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if added := _added(element, self.state)[1]:
                self.extension.found.append(f"{{: {_written(added)} }} on <{element.tag}>")

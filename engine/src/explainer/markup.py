"""Markdown in data fields, rendered one way (with the site's own extensions), and HTML checked as a tree.

A data field whose schema says `"contentMediaType": "text/markdown"` is rendered here by one Markdown
set-up that matches the site's; the HTML is parsed into a tree and checked against an allow-list of
elements, attributes and link schemes (pages and SVG have theirs, below). Anything else is refused with a
message that names it, never cleaned away silently; pages show the very tree that was checked
(`fragment_elements`), so no second rendering can differ from it.

Links are checked as a browser reads them: character references decoded (the HTML parser does that), and
what the URL parser ignores removed (leading and trailing controls and spaces, tabs and line breaks
anywhere), so `java&#9;script:` is `javascript:`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.util import AMP_SUBSTITUTE

from .typography import SMARTY, SmartyWhereItMattersExtension

# The site's Markdown set-up as MkDocs hands it to Python-Markdown for mkdocs.yml (MkDocs adds toc,
# tables and fenced_code to every site); tests/test_markup.py checks that they agree.
SITE_EXTENSIONS = (
    "toc",
    "tables",
    "fenced_code",
    "abbr",
    "admonition",
    "attr_list",
    "footnotes",
    "md_in_html",
    "smarty",
    "pymdownx.details",
    "pymdownx.superfences",
)
SITE_CONFIGS = {
    "footnotes": {"USE_DEFINITION_ORDER": False},
    "toc": {"permalink": True, "permalink_title": "Link to this section"},
}

# What data may become. Everything else is refused, with a hint for the usual suspects.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("p", "em", "strong", "code", "br", "ul", "li", "blockquote"), frozenset()),
    "ol": frozenset({"start"}),
    "a": frozenset({"href", "title"}),
}
ALLOWED_SCHEMES = frozenset({"https", "mailto"})
_HINTS = {
    "sup": "superscript",
    "div": "an admonition or a code block",
    "hr": "a horizontal rule",
    "pre": "a code block",
    "table": "a table",
    "details": "a collapsible block",
    "abbr": "an abbreviation",
    **{f"h{level}": "a heading" for level in range(1, 7)},
}
_IMAGE_MESSAGE = "embeds an image; the site loads nothing from other hosts, so describe it in words"
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_BY_URL_PARSER = re.compile(r"[\t\n\r]")


@dataclass
class MarkdownSetup:
    """Python-Markdown's extensions and their settings, as MkDocs passes them."""

    extensions: list[str] = field(default_factory=lambda: list(SITE_EXTENSIONS))
    configs: dict[str, dict[str, Any]] = field(default_factory=lambda: {k: dict(v) for k, v in SITE_CONFIGS.items()})


def setup_from_config(config: Any) -> MarkdownSetup:
    """The Markdown set-up of a loaded MkDocs config (the names it lists; hooks add theirs later)."""
    names = [name for name in config.markdown_extensions if isinstance(name, str)]
    return MarkdownSetup(names, {name: dict(settings) for name, settings in config.mdx_configs.items()})


@dataclass(frozen=True)
class CheckedMarkdown:
    """A data field's Markdown rendered to HTML, with the link targets in it and what is wrong with it."""

    html: str
    links: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


class DataMarkdown:
    """Renders and checks data fields; one Markdown instance for all of them (creating one costs more)."""

    def __init__(self, setup: MarkdownSetup | None = None, site_schemes: frozenset[str] = frozenset()):
        setup = setup or MarkdownSetup()
        # With smarty, it skips the text it cannot change (speed only: the HTML is the same; explainer.typography).
        speed = [SmartyWhereItMattersExtension()] if SMARTY in setup.extensions else []
        self._markdown = Markdown(extensions=[*setup.extensions, *speed], extension_configs=setup.configs)
        # Everything outside the data allow-list is refused, with the site's own link schemes (glossary:).
        self.allow = AllowList("data", ALLOWED_ATTRIBUTES, schemes=ALLOWED_SCHEMES | site_schemes, hints=_HINTS)

    def render(self, text: str, field_name: str) -> CheckedMarkdown:
        """The field's HTML and its problems, each phrased "'long' has …" for a one-line message."""
        if problem := structure_problem(text):
            return CheckedMarkdown("", problems=(f"'{field_name}' {problem}",))
        html = self._markdown.reset().convert(text)  # reset: no link references from the last field
        root, problems, _ = parse_fragment(html)
        problems += [refusal.message for refusal in refusals(root, self.allow)]
        links = tuple(element.get("href", "") for element in root.iter("a"))
        return CheckedMarkdown(html, links, tuple(f"'{field_name}' {problem}" for problem in dict.fromkeys(problems)))


# Before rendering ---------------------------------------------------------------------------------


def structure_problem(text: str) -> str:
    """Brackets that would make Python-Markdown slow (its link search is quadratic), in one pass: data
    Markdown needs one level of [ ] (links: [text](url)) and closed ( ). A backslash-escaped bracket is text."""
    brackets = parentheses = 0
    escaped = False
    for character in text:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            if brackets:
                return "has a [ inside [ ]; data Markdown allows one level (links are written [text](url))"
            brackets = 1
        elif character == "]":
            brackets = 0
        elif character == "(":
            parentheses += 1
        elif character == ")":
            parentheses = max(0, parentheses - 1)
    if brackets:
        return "has a [ that is never closed with ]"
    if parentheses:
        return "has a ( that is never closed with )"
    return ""


# The tree ---------------------------------------------------------------------------------------


def parse_fragment(html: str, *, comments: bool = False) -> tuple[etree.Element, list[str], dict[int, int]]:
    """The HTML as an element tree under a <div>, anything that is not an element or text, and the line
    (1-based, in `html`) where each element starts, by id. With `comments`, HTML comments are kept in the
    tree (pages hold markers such as <!-- key-dates -->) if they hold words only: a < or > in one, or one
    that starts with > or ->, is read differently by browsers and by Python's parser, so it is refused."""
    builder = _TreeBuilder(comments)
    builder.feed(html)
    builder.close()
    if "<" in html and len(_TAG_START.findall(html)) > builder.constructs:
        # Python's parser gives up on a tag it cannot finish and passes it on as text (or drops it at the
        # end), where a browser reads on to finish it: a '<' that opened no tag is refused.
        builder.problems.append("has a '<' that starts no complete tag (a missing > or quote?); write it as &lt;")
    return builder.root, builder.problems, builder.lines


def fragment_elements(html: str) -> list[etree.Element]:
    """The checked HTML's top-level elements, to insert into a page (Markdown puts all text in blocks)."""
    return list(parse_fragment(html)[0])


_TAG_START = re.compile(r"<[A-Za-z/!?]")


class _TreeBuilder(HTMLParser):
    def __init__(self, comments: bool = False) -> None:
        super().__init__(convert_charrefs=True)  # text and attribute values arrive decoded
        self.root = etree.Element("div")
        self.stack = [self.root]
        self.open: dict[str, int] = {}  # how many of each tag are open: an end tag that closes none costs nothing
        self.problems: list[str] = []
        self.comments = comments
        self.lines: dict[int, int] = {}
        self.constructs = 0  # tags, comments and declarations read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool = False) -> None:
        self.constructs += 1
        element = etree.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})
        self.lines[id(element)] = self.getpos()[0]
        if tag not in _VOID and not closed:
            self.stack.append(element)
            self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        self.constructs += 1
        if not self.open.get(tag):
            return
        popped = None
        while popped != tag:  # each element is popped once: linear over the fragment
            popped = self.stack.pop().tag
            self.open[popped] -= 1

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def handle_comment(self, data: str) -> None:
        self.constructs += 1
        if not self.comments:
            self.problems.append("has an HTML comment (not allowed in data)")
        elif "<" in data or ">" in data or data.startswith("-") or "--" in data:
            self.problems.append("has an HTML comment with <, > or -- in it; write it as <!-- words -->")
        else:
            self.stack[-1].append(etree.Comment(data))

    def handle_decl(self, data: str, what: str = "declaration") -> None:
        self.constructs += 1
        self.problems.append(f"has an HTML {what} (not allowed in {'a page' if self.comments else 'data'})")

    unknown_decl = handle_decl

    def handle_pi(self, data: str) -> None:
        self.handle_decl(data, "processing instruction")

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # `<![` before a word other than CDATA, if, endif...: Python 3.11 gives up
            end = self.rawdata.find(">", i + 3)  # where a browser ends it (as a bogus comment)
            if end < 0:
                return -1  # unfinished: passed on as text, refused as a '<' that starts no tag
            self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1


# One checker for every allow-list: data (above), pages and SVG (explainer.pagehtml, explainer.repository) --------


@dataclass(frozen=True)
class AllowList:
    """What HTML may hold somewhere: elements with their attributes, link schemes, and what else is let through.

    `where` names the place in messages ("data", "a page", "an SVG"). An attribute is allowed if its element
    lists it, or it is one of `global_attributes`, or it starts with one of `global_prefixes` (aria-). URL
    attributes are read as a browser reads them (`url_allowed`); those in `local_only` must stay within the
    site (an image, a font) unless the element's `hosts` name the host. `svg`: the allow-list for an <svg>.
    """

    where: str
    elements: dict[str, frozenset[str]]
    schemes: frozenset[str] = ALLOWED_SCHEMES
    url_attributes: frozenset[str] = frozenset({"href"})
    global_attributes: frozenset[str] = frozenset()
    global_prefixes: tuple[str, ...] = ()
    local_only: frozenset[str] = frozenset()
    fragment_only: frozenset[str] = frozenset()  # URL attributes that may only point within the document (#id)
    hosts: dict[str, frozenset[str]] = field(default_factory=dict)  # element -> hosts its local_only URLs may use
    svg: AllowList | None = None
    hints: dict[str, str] = field(default_factory=dict)
    images: bool = False  # False: <img> is refused with _IMAGE_MESSAGE (data)
    footnotes: bool = False  # False: footnotes are refused, with a message of their own (data)
    ids: bool = True  # False: an `id` or `name` starting with "__" is refused (the theme's own)
    any_path: bool = False  # True: a link without a scheme may go anywhere on the site's host (MkDocs checks it)
    # True for Python-Markdown's tree, where attribute values still hold character references as written
    # (`jav&#x61;script:`, with & as its placeholder): each value is checked as the browser will decode it.
    references: bool = False


@dataclass(frozen=True)
class Refusal:
    """One thing the allow-list refuses: the element, the attribute (if it is one), and what to say."""

    element: etree.Element
    attribute: str | None
    message: str  # phrased "has a <script> element (...)", "links to '...'; ..."


# Never in a page or an SVG, whatever a site allows: script, plug-ins, forms, the document's own settings,
# and the elements whose text browsers and Python's parser read differently (raw text, foreign markup).
NEVER_ALLOWED = frozenset(
    {
        *("script", "style", "object", "embed", "applet", "base", "meta", "link", "form", "input", "button"),
        *("textarea", "select", "option", "frame", "frameset", "noscript", "noembed", "noframes", "xmp"),
        *("plaintext", "template", "math", "portal", "head", "body", "html", "foreignobject", "handler"),
        *("listing", "isindex", "keygen", "param", "set", "animate", "animatemotion", "animatetransform"),
        *("discard", "feimage", "image"),
    }
)
_NEVER_HINTS = {
    "script": "nothing in a page may run script",
    "style": "style a page with the site's CSS (extra_css)",
    "iframe": "a site may allow frames from named hosts in mkdocs.yml (extra: explainer: allow_html:)",
    "foreignobject": "it can hold HTML inside the SVG",
    "animate": "an animation can change a link into script",
    "set": "it can change a link into script",
}
_STYLE_REFUSED = re.compile(
    r"url\s*\(\s*['\"]?(?!#)|@import|expression\s*\(|image-set|image\s*\(|behavior|binding|javascript:|\\", re.I
)


def style_problem(css: str) -> str:
    """Why a style (an attribute's value, or an SVG's <style> text) may not be used ('' if it may)."""
    if found := _STYLE_REFUSED.search(css):
        return f"uses {found.group().strip()!r} in a style (it can load from another host or run script)"
    return ""


def refusals(root: etree.Element, allow: AllowList) -> list[Refusal]:
    """Everything in the tree outside `allow`; a refused element's contents are not examined. Linear in the tree."""
    found: list[Refusal] = []
    stack = [(child, allow) for child in reversed(root)]
    while stack:
        element, rules = stack.pop()
        if not isinstance(element.tag, str):  # a comment or processing instruction (pages: see pagehtml)
            continue
        rules = rules.svg if element.tag == "svg" and rules.svg is not None else rules
        if refusal := _element_refusal(element, rules):
            found.append(refusal)
            continue
        found += _attribute_refusals(element, rules)
        stack += [(child, rules) for child in reversed(element)]
    return found


def _element_refusal(element: etree.Element, allow: AllowList) -> Refusal | None:
    tag = element.tag
    if tag == "img" and not allow.images:
        return Refusal(element, None, _IMAGE_MESSAGE)
    if not allow.footnotes and tag in ("sup", "div"):  # a footnote's reference (<sup>) and list (<div>): one message
        classes = " ".join([element.get("class", ""), *(child.get("class", "") for child in element)]).split()
        if "footnote" in classes or "footnote-ref" in classes:
            return Refusal(element, None, "has a footnote ([^…]), which is not allowed in data")
    if tag in allow.elements and tag not in NEVER_ALLOWED:
        return None
    hint = allow.hints.get(tag) or _NEVER_HINTS.get(tag, "")
    return Refusal(element, None, f"has a <{tag}> element ({hint + '; ' if hint else ''}not allowed in {allow.where})")


def _attribute_refusals(element: etree.Element, allow: AllowList) -> Iterator[Refusal]:
    tag = element.tag
    for name, written in element.attrib.items():
        value = browser_value(written) if allow.references else written
        listed = name in allow.elements.get(tag, ()) or name in allow.global_attributes
        if name.startswith("on") or not (listed or name.startswith(allow.global_prefixes)):
            why = "event handlers run script; " if name.startswith("on") and allow.where != "data" else ""
            yield Refusal(element, name, f"has an attribute '{name}' on <{tag}> ({why}not allowed in {allow.where})")
        elif name in allow.url_attributes:
            if problem := _url_problem(tag, name, value, allow):
                yield Refusal(element, name, problem)
        elif name == "style" and (problem := style_problem(value)):
            yield Refusal(element, name, f"has a style on <{tag}> that {problem}")
        elif name in ("id", "name") and not allow.ids and value.startswith("__"):
            yield Refusal(element, name, f"has {name}={value!r} on <{tag}>; ids starting with __ belong to the theme")
        elif "url(" in value.replace(" ", "").lower() and (problem := style_problem(value)):
            yield Refusal(element, name, f"has an attribute '{name}' on <{tag}> that {problem}")


def browser_value(written: str) -> str:
    """An attribute value of Python-Markdown's tree as a browser reads it: & restored, character references decoded."""
    return html.unescape(written.replace(AMP_SUBSTITUTE, "&"))


def _url_problem(tag: str, name: str, value: str, allow: AllowList) -> str:
    """Why the URL in attribute `name` of <tag> is refused ('' if it is allowed)."""
    if name in allow.fragment_only and not (tag == "a" and name in ("href", "xlink:href")):
        if value.strip().startswith("#"):
            return ""
        return f"has {name}={value!r} on <{tag}>; only a link within the document (#id) is allowed there"
    if name in allow.local_only:
        hosts = allow.hosts.get(tag, frozenset())
        urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
        for url in urls:
            if not url_allowed(url, frozenset()) and not (
                hosts and _host_of(url) in hosts and url_allowed(url, frozenset({"https"}))
            ):
                where = f"(<{tag} {name}>); put the file in docs/ and link to it there"
                return f"loads {url!r} from outside the site {where}"
        return ""
    if url_allowed(value, allow.schemes) or (allow.any_path and not _SCHEME.match(_browser_url(value))):
        return ""
    return f"links to {value!r}; use https:// or a link within the site"


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def _browser_url(value: str) -> str:
    """The URL as a browser's URL parser reads it: no leading or trailing controls and spaces, no tabs or breaks."""
    return _IGNORED_BY_URL_PARSER.sub("", value.strip("".join(map(chr, range(0x21)))))


def url_allowed(value: str, schemes: frozenset[str] = ALLOWED_SCHEMES) -> bool:
    """True for an allowed scheme, a fragment, or a relative link within the site, as a browser reads it."""
    url = _browser_url(value)
    if scheme := _SCHEME.match(url):
        return scheme.group(1).lower() in schemes
    # No scheme: a path within the site, unless it starts a new host (//host, or /\host to a browser)
    # or leaves the site's folder for the server's root.
    return not url.replace("\\", "/").startswith("/")


# The allow-lists of pages and SVG -------------------------------------------------------------------

# SVG: shapes, text, gradients, patterns, masks and a few filters, with their presentation attributes.
# Links only within the document (gradients, <use>), except on <a>; no script, animation, foreign markup.
SVG_ELEMENTS = frozenset(
    {
        *("svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse"),
        *("line", "polyline", "polygon", "text", "tspan", "textpath", "lineargradient", "radialgradient", "stop"),
        *("clippath", "mask", "pattern", "marker", "a", "switch", "view", "filter", "fegaussianblur", "feoffset"),
        *("feblend", "fecolormatrix", "fecomposite", "feflood", "femerge", "femergenode", "femorphology"),
        *("fedropshadow", "fecomponenttransfer", "fefunca", "fefuncr", "fefuncg", "fefuncb", "fetile"),
    }
)
SVG_ATTRIBUTES = frozenset(
    {
        *("id", "class", "style", "lang", "xml:lang", "xml:space", "role", "focusable", "tabindex", "version"),
        *("viewbox", "preserveaspectratio", "x", "y", "width", "height", "cx", "cy", "r", "rx", "ry", "x1", "y1"),
        *("x2", "y2", "d", "points", "pathlength", "transform", "fill", "fill-opacity", "fill-rule", "stroke"),
        *("stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit"),
        *("stroke-dasharray", "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow"),
        *("clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid", "marker-end", "vector-effect"),
        *("shape-rendering", "text-rendering", "image-rendering", "color-interpolation", "paint-order"),
        *("font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch"),
        *("text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing"),
        *("word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi", "textlength"),
        *("lengthadjust", "dx", "dy", "rotate", "startoffset", "method", "spacing", "side", "offset"),
        *("stop-color", "stop-opacity", "gradientunits", "gradienttransform", "spreadmethod", "fx", "fy", "fr"),
        *("patternunits", "patterncontentunits", "patterntransform", "clippathunits", "maskunits"),
        *("maskcontentunits", "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient"),
        *("filterunits", "primitiveunits", "in", "in2", "result", "stddeviation", "mode", "operator", "k1"),
        *("k2", "k3", "k4", "values", "type", "flood-color", "flood-opacity", "lighting-color", "radius"),
        *("tablevalues", "slope", "intercept", "amplitude", "exponent", "edgemode", "href", "xlink:href"),
        *("xlink:title", "target", "title", "requiredextensions", "systemlanguage", "xmlns", "xmlns:xlink"),
        *("color-interpolation-filters", "enable-background", "mix-blend-mode", "isolation", "data-name"),
    }
)
SVG_ALLOW_LIST = AllowList(
    "an SVG",
    dict.fromkeys(SVG_ELEMENTS, frozenset()),
    url_attributes=frozenset({"href", "xlink:href"}),
    global_attributes=SVG_ATTRIBUTES,
    global_prefixes=("aria-",),
    fragment_only=frozenset({"href", "xlink:href"}),
    hints={
        "script": "nothing in an SVG may run script",
        "image": "draw it in the SVG, or use an <img> in the page",
        "style": "use presentation attributes (fill=, stroke=) or style= instead",
    },
    ids=False,
)

# Pages: prose, headings, lists, tables, quotes, figures, collapsible blocks, images from the site, SVG.
_PAGE_PROSE = (
    *("p", "div", "span", "section", "article", "aside", "header", "footer", "nav", "figure", "figcaption"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "wbr", "pre", "code", "kbd", "samp", "var", "sub", "sup"),
    *("small", "mark", "abbr", "cite", "q", "dfn", "time", "del", "ins", "s", "u", "b", "i", "em", "strong"),
    *("blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td"),
    *("caption", "colgroup", "col", "details", "summary", "ruby", "rt", "rp", "bdi", "address", "a", "img"),
    *("picture", "source", "main", "hgroup", "data", "meter", "progress", "center"),
)
PAGE_ATTRIBUTES: dict[str, frozenset[str]] = {
    **dict.fromkeys(_PAGE_PROSE, frozenset()),
    "a": frozenset({"href", "title", "name", "rel", "hreflang", "target", "download", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"}),
    "source": frozenset({"src", "srcset", "sizes", "type", "media", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr", "align"}),
    "col": frozenset({"span", "width"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open", "name"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "del": frozenset({"datetime", "cite"}),
    "ins": frozenset({"datetime", "cite"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "table": frozenset({"summary"}),
    "meter": frozenset({"value", "min", "max", "low", "high", "optimum"}),
    "progress": frozenset({"value", "max"}),
}
PAGE_ALLOW_LIST = AllowList(
    "a page",
    PAGE_ATTRIBUTES,
    schemes=frozenset({"https", "http", "mailto"}),
    url_attributes=frozenset({"href", "src", "srcset", "cite"}),
    global_attributes=frozenset({"id", "class", "title", "lang", "role", "hidden", "tabindex", "style", "translate"}),
    global_prefixes=("aria-",),
    local_only=frozenset({"src", "srcset"}),
    svg=SVG_ALLOW_LIST,
    images=True,
    footnotes=True,
    ids=False,
    any_path=True,
    references=True,
)

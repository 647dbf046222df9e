"""The story's vocabulary: what data/story.yml says about this story, over the engine's neutral defaults.

The file is optional, and so is every key of it (schemas/story.schema.json says what each means):
without it a new story builds with the defaults below, which name no story, subject, date, unit,
currency or relationship of their own. The data layer (explainer.data) reads it first, with the
same YAML reader and `file:line` messages as the other data files; the schemas of the other data
files are then made from it (explainer.editor_schemas: a source's `stake` must be one of the
relationships, a series' `unit` one of the units, ...), and each concern builds its records with it.

- `Story`: the whole vocabulary, as one build uses it (`context.story`);
- `read_story`: data/story.yml read and checked (every problem, one line each, naming the fix);
- `DateRange`: the story's span of dates, configured (`dates:`) or derived from the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from .dates import PartialDate, date_span, parse_partial_date
from .errors import DataError, Problem
from .schema import schema_problems
from .yamlfile import YamlDocument, parse_data_file

STORY_FILE = "data/story.yml"
SCHEMA_NAME = "story"

# Units every site has; data/story.yml adds its own (`units:`).
BUILT_IN_UNITS = ("percent", "count")
# The four glossary sections of a site that sets none.
DEFAULT_CATEGORIES = MappingProxyType(
    {
        "person": "People",
        "organization": "Companies and institutions",
        "product": "Products and models",
        "concept": "Concepts",
    }
)
DEFAULT_HEADLINE_EVENTS = (0, 12)  # how many events the Timeline names in words, at least and at most


@dataclass(frozen=True)
class SourceKind:
    """A kind of source (data/sources.yml `kind`): the heading of its group on the Sources page."""

    key: str
    heading: str
    description: str = ""  # what a source of this kind is, for editors


# The four kinds of source of a site that sets none, in the Sources page's order.
DEFAULT_SOURCE_KINDS = MappingProxyType(
    {
        "primary": SourceKind("primary", "Primary sources", "The company, a regulator or a filing."),
        "news": SourceKind("news", "News reports", "A news report."),
        "analysis": SourceKind("analysis", "Analysis and commentary", "Commentary or research."),
        "reference": SourceKind("reference", "Reference", "Background material."),
    }
)
# What the Sources page says of those four; a site whose kinds or headings differ says its own (`kinds_intro`).
DEFAULT_SOURCE_KINDS_INTRO = (
    "Primary sources (company announcements, filings and regulators) come first; news reports and analysis "
    "fill in what they do not say."
)


@dataclass(frozen=True)
class Relationship:
    """A value of a source's `stake`: who the source speaks for, or its tie to the story's subject."""

    key: str
    independent: bool  # counts as independent of the subject on every page
    disclosure: str = ""  # what readers are told beside every note citing such a source ("" = nothing)
    credit: str = ""  # the name charts credit such a source's figures to ("" = its publisher)
    emphasis: str = "normal"  # strong | normal: how the disclosure is styled

    @property
    def css_class(self) -> str:
        """The disclosure's classes: by its emphasis, never by the relationship's key."""
        return f"source-disclosure source-disclosure--{self.emphasis}"


INDEPENDENT = Relationship("independent", True)


@dataclass(frozen=True)
class Currency:
    """How an amount in one currency is written: '$' before it, ' euros' after it."""

    code: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class CorrectionKind:
    """A kind of correction (data/corrections.yml `kind`): its wording, and whether it is marked in the text."""

    key: str
    label: str  # how one note introduces itself: "Correction, 6 December 2026"
    heading: str  # its group on the Corrections page, or its own page's list
    description: str = ""  # one sentence for the Corrections page's introduction
    notice: str = ""  # under the page title: "Corrected 6 December 2026" ("" = no notice)
    wrong_intro: str = "An earlier version of this page said"  # how a note gives the old wording
    right_intro: str = ""  # before the correction's own text ("In fact,"), if set
    inline: bool = True  # marked in the text at its anchor, and noted at the page's end
    mark: str = ""  # the letters of its marks (C1, C2, ...); kinds with the same letters share the numbers
    style: str = "normal"  # normal | quiet: how its marks look
    page: str = ""  # a generated page of its own (then not on the Corrections page)
    page_title: str = ""

    @property
    def mark_letters(self) -> str:
        return self.mark or self.label[:1].upper() or "C"

    def sentence(self, wrong: str, correction: str) -> str:
        """What was wrong and the correction, as one passage: 'An earlier version of this page said “…”. …'."""
        right = f"{self.right_intro} {correction}" if self.right_intro else correction
        return f"{self.wrong_intro} “{wrong}”. {right}" if wrong else right


DEFAULT_KINDS = MappingProxyType(
    {
        "fact": CorrectionKind(
            "fact",
            label="Correction",
            heading="Corrections of fact",
            description="A correction of fact fixes a mistake this site made.",
            notice="Corrected",
            mark="C",
        ),
        "update": CorrectionKind(
            "update",
            label="Update",
            heading="Updates",
            description="An update adds information that changed what a page says.",
            notice="Updated",
            mark="U",
        ),
    }
)


@dataclass(frozen=True)
class DateRange:
    """The story's span: from the first day of `start` to the last day of `end`."""

    start: PartialDate
    end: PartialDate
    configured: bool = True  # written in data/story.yml (else derived from the data)

    @property
    def text(self) -> str:
        """'October 2020 to June 2026', for messages and pages."""
        return f"{self.start.display} to {self.end.display}"

    def starts_within(self, date: PartialDate) -> bool:
        """True if the date's first day lies within the span (an event's date)."""
        return date_span(self.start)[0] <= date_span(date)[0] < date_span(self.end)[1]

    def lies_within(self, date: PartialDate) -> bool:
        """True if every day the date can mean lies within the span (a figure's date)."""
        first, after = date_span(date)
        return date_span(self.start)[0] <= first and after <= date_span(self.end)[1]

    @property
    def where(self) -> str:
        """How messages say where the span comes from."""
        return (
            f"dates: in {STORY_FILE}" if self.configured else f"from the data; set dates: in {STORY_FILE} to widen it"
        )


@dataclass(frozen=True)
class Story:
    """The story's vocabulary, as one build uses it: data/story.yml over the engine's defaults."""

    subject: str = ""
    dates: DateRange | None = None  # as configured (`dates:`); `span` is what the build uses
    span: DateRange | None = None  # configured, or derived from the events' and figures' dates
    relationships: Mapping[str, Relationship] = field(default_factory=lambda: {"independent": INDEPENDENT})
    units: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # the site's own: {axis, prefix, suffix}
    currencies: Mapping[str, Currency] = field(default_factory=dict)
    kinds: Mapping[str, CorrectionKind] = field(default_factory=lambda: dict(DEFAULT_KINDS))
    categories: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CATEGORIES))
    corrections_intro: str = ""  # Markdown: what the kinds are, on the Corrections page ("" = their descriptions)
    corrections_intro_html: str = ""  # that, rendered and checked by the data layer (explainer.data)
    glossary_covers: str = "names and terms"
    source_kinds: Mapping[str, SourceKind] = field(default_factory=lambda: dict(DEFAULT_SOURCE_KINDS))
    source_kinds_intro: str = DEFAULT_SOURCE_KINDS_INTRO  # after the count of sources ("" = nothing)
    # The publishers of the site's field whose look-alikes warn (explainer.urlcheck), beside the engine's. Added
    # to its list, never in place of it: a site cannot drop the wire services' hosts by writing its own few,
    # and a host that only looks like one of them is answered by reviewed_hosts in mkdocs.yml.
    known_hosts: tuple[str, ...] = ()
    sources_intro: str = (
        "An entry that speaks for someone in the story, or has a tie to its subject, says so, here and next "
        "to every note that cites it; a story republished by another site is one entry, credited to the "
        "agency or outlet that wrote it."
    )
    timeline_covers: str = "the story"
    headline_events: tuple[int, int] = DEFAULT_HEADLINE_EVENTS
    scale: str = "auto"
    lines: Mapping[tuple, int] = field(default_factory=dict)  # where each key is written, for messages

    # Words pages use -------------------------------------------------------------------------------

    @property
    def of_subject(self) -> str:
        """' of Acme' after 'independent', or '' without a subject."""
        return f" of {self.subject}" if self.subject else ""

    def relationship(self, key: str) -> Relationship:
        return self.relationships.get(key) or Relationship(key, False)

    def kind(self, key: str) -> CorrectionKind:
        return self.kinds.get(key) or CorrectionKind(key, key.capitalize(), key.capitalize())

    @property
    def unit_keys(self) -> list[str]:
        return [*BUILT_IN_UNITS, *self.units]

    @property
    def kind_pages(self) -> list[CorrectionKind]:
        """The kinds with a generated page of their own, each page once."""
        return list({kind.page: kind for kind in self.kinds.values() if kind.page}.values())

    def line_of(self, *path: Any) -> int:
        """The line of data/story.yml where `path` is written (1 if it is not)."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def with_span(self, dates: Iterable[PartialDate]) -> Story:
        """The story with its span: as configured, else from the first to the last of `dates` (none: None)."""
        if self.dates or not (dates := list(dates)):
            return replace(self, span=self.dates)
        first = min(dates, key=lambda date: date_span(date)[0])
        return replace(self, span=DateRange(first, max(dates, key=lambda date: date_span(date)[1]), configured=False))


DEFAULT_STORY = Story()


# Reading data/story.yml ---------------------------------------------------------------------------


def read_story(raw: bytes | None, schema: dict) -> tuple[Story | None, list[Problem]]:
    """data/story.yml's bytes (None: no file) as the story's vocabulary, and every problem in it.

    A setting with a problem is replaced by its default (or, for a declared relationship, unit,
    currency, kind or category, by a neutral stand-in), so that values the other data files use are
    still known and each mistake is reported once; None when the file cannot be used at all (YAML
    that does not parse, or not a mapping).
    """
    if raw is None:
        return DEFAULT_STORY, []
    try:
        document = parse_data_file(raw, STORY_FILE)
    except DataError as error:
        return None, error.problems
    if document.data is None:
        return DEFAULT_STORY, []
    problems, broken = schema_problems(document, schema, _label)
    if not isinstance(document.data, dict):
        return None, problems
    story, more = _story(document, broken)
    return story, sorted(problems + more, key=lambda problem: problem.line)


def _label(path: tuple) -> str:
    """How a message names what is at `path`: "relationship 'owned-by-x'", or '' for a top-level key."""
    nouns = {"relationships": "relationship", "units": "unit", "currencies": "currency"}
    if len(path) >= 2 and path[0] in nouns:
        return f"{nouns[path[0]]} '{path[1]}'"
    if len(path) >= 3 and path[:2] == ("corrections", "kinds"):
        return f"correction kind '{path[2]}'"
    if len(path) >= 3 and path[:2] == ("sources", "kinds"):
        return f"source kind '{path[2]}'"
    if len(path) >= 3 and path[:2] == ("glossary", "categories"):
        return f"glossary category '{path[2]}'"
    return ""


def _story(document: YamlDocument, broken: set[tuple]) -> tuple[Story, list[Problem]]:
    """The story from a mapping whose schema problems are reported: settings at `broken` paths are left
    at their defaults (declared names stay declared); the checks a schema cannot make."""
    data: dict = document.data
    problems: list[Problem] = []

    def ok(*path: Any) -> bool:
        return not any(path[: len(bad)] == bad or bad[: len(path)] == path for bad in broken)

    def sound(*path: Any) -> bool:
        """Not broken itself (what is broken inside it is checked entry by entry)."""
        return not any(path[: len(bad)] == bad for bad in broken)

    def section(key: str) -> dict:
        value = data.get(key)
        return value if isinstance(value, dict) and sound(key) else {}

    settings: dict[str, Any] = {"lines": dict(document.lines)}

    def text(name: str, *path: str) -> None:
        """The setting `name` from `path`, if written as text (otherwise its default stays)."""
        value = data.get(path[0]) if len(path) == 1 else section(path[0]).get(path[1])
        if isinstance(value, str) and ok(*path):
            settings[name] = value

    text("subject", "subject")
    settings["dates"], date_problems = _dates(document, section("dates"), ok("dates"))
    problems += date_problems
    relationships = {"independent": INDEPENDENT}
    for key, value in _entries(data.get("relationships")):
        if key == "independent" and ok("relationships", key) and value.get("independent") is False:
            problems.append(
                document.problem(
                    ("relationships", key, "independent"),
                    "relationship 'independent' must count as independent (independent: true); "
                    "give a tie of another kind a key of its own",
                )
            )
        elif ok("relationships", key):
            said = {name: value[name] for name in ("disclosure", "credit", "emphasis") if name in value}
            relationships[key] = Relationship(key, value["independent"], **said)
        else:
            relationships[key] = Relationship(key, False)
    settings["relationships"] = relationships
    units = {}
    for key, value in _entries(data.get("units")):
        if key in BUILT_IN_UNITS:
            message = f"unit '{key}' is built in; give your own unit another key, or remove this one"
            problems.append(document.problem(("units", key), message))
        units[key] = (
            {name: value.get(name, "") for name in ("axis", "prefix", "suffix")}
            if ok("units", key)
            else {"axis": key, "prefix": "", "suffix": ""}
        )
    settings["units"] = units
    settings["currencies"] = {
        code: Currency(code, value.get("prefix", ""), value.get("suffix", ""))
        if ok("currencies", code)
        else Currency(code)
        for code, value in _entries(data.get("currencies"))
    }
    settings["kinds"], kind_problems = _kinds(document, section("corrections"), ok)
    problems += kind_problems
    text("corrections_intro", "corrections", "intro")
    glossary = section("glossary")
    if isinstance(glossary.get("categories"), dict) and glossary["categories"] and sound("glossary", "categories"):
        settings["categories"] = {
            key: heading if ok("glossary", "categories", key) and isinstance(heading, str) else key
            for key, heading in glossary["categories"].items()
        }
    text("glossary_covers", "glossary", "covers")
    text("sources_intro", "sources", "intro")
    settings["source_kinds"], source_kind_problems = _source_kinds(document, section("sources"), ok)
    problems += source_kind_problems
    headings = [(key, kind.heading) for key, kind in settings["source_kinds"].items()]
    if headings != [(key, kind.heading) for key, kind in DEFAULT_SOURCE_KINDS.items()]:
        settings["source_kinds_intro"] = ""  # the default sentence names the default kinds, in their order
    text("source_kinds_intro", "sources", "kinds_intro")
    hosts = section("sources").get("known_hosts")
    if isinstance(hosts, list) and sound("sources", "known_hosts"):  # each host the schema refused is left out
        settings["known_hosts"] = tuple(host for index, host in enumerate(hosts) if ok("sources", "known_hosts", index))
    text("timeline_covers", "timeline", "covers")
    timeline = section("timeline")
    if "scale" in timeline and ok("timeline", "scale"):
        settings["scale"] = timeline["scale"]
    headlines = timeline.get("headline_events")
    if isinstance(headlines, dict) and ok("timeline", "headline_events"):
        least = headlines.get("min", DEFAULT_HEADLINE_EVENTS[0])
        most = headlines.get("max", max(DEFAULT_HEADLINE_EVENTS[1], least))
        if least > most:
            message = f"timeline: headline_events min ({least}) is more than max ({most}); lower min or raise max"
            problems.append(document.problem(("timeline", "headline_events"), message))
        else:
            settings["headline_events"] = (least, most)
    return replace(DEFAULT_STORY, **settings), problems


def _entries(value: Any) -> list[tuple[str, dict]]:
    """A mapping section's entries whose values are mappings (the schema reported any other)."""
    if not isinstance(value, dict):
        return []
    return [(key, item if isinstance(item, dict) else {}) for key, item in value.items() if isinstance(key, str)]


def _dates(document: YamlDocument, dates: dict, usable: bool) -> tuple[DateRange | None, list[Problem]]:
    if not usable or "start" not in dates or "end" not in dates:
        return None, []
    parsed, problems = {}, []
    for key in ("start", "end"):
        try:
            parsed[key] = parse_partial_date(dates[key])
        except ValueError as error:
            problems.append(document.problem(("dates", key), f"dates: {key}: {error}"))
    if problems:
        return None, problems
    span = DateRange(parsed["start"], parsed["end"])
    if date_span(span.start)[0] >= date_span(span.end)[1]:
        message = f"dates: start ({span.start.display}) is after end ({span.end.display}); swap them"
        return None, [document.problem(("dates", "end"), message)]
    return span, []


def _kinds(document: YamlDocument, corrections: dict, ok) -> tuple[dict[str, CorrectionKind], list[Problem]]:
    """The kinds of correction: the defaults, each written kind over its default (or on its own), in the
    order written (then the defaults not written)."""
    problems: list[Problem] = []
    written: dict[str, CorrectionKind] = {}
    pages: dict[str, str] = {}
    for key, value in _entries(corrections.get("kinds")):
        path = ("corrections", "kinds", key)
        base = DEFAULT_STORY.kind(key)  # the engine's kind of that key, or a stand-in
        if not ok(*path):
            written[key] = base
            continue
        missing = [name for name in ("label", "heading") if key not in DEFAULT_KINDS and name not in value]
        if missing:
            needs = " and ".join(f"{name}:" for name in missing)
            message = (
                f"correction kind '{key}': a kind of the site's own needs {needs} (how a note introduces itself, "
                "and the heading of its list); add them"
            )
            problems.append(document.problem(path, message))
        kind = replace(base, **{name.replace("-", "_"): item for name, item in value.items()})
        if kind.page and not kind.page_title:
            message = f"correction kind '{key}': page: {kind.page} needs page_title: (the page's title); add it"
            problems.append(document.problem((*path, "page"), message))
        if kind.page_title and not kind.page:
            message = f"correction kind '{key}': page_title: is for a page of its own; add page: or remove page_title"
            problems.append(document.problem((*path, "page_title"), message))
        if kind.page and kind.page in pages:
            message = (
                f"correction kind '{key}': page {kind.page} is already the page of kind '{pages[kind.page]}'; "
                "give each kind a page of its own"
            )
            problems.append(document.problem((*path, "page"), message))
        pages.setdefault(kind.page, key)
        written[key] = kind
    kinds = {**written, **{key: kind for key, kind in DEFAULT_KINDS.items() if key not in written}}
    return kinds, problems


def _source_kinds(document: YamlDocument, sources: dict, ok) -> tuple[dict[str, SourceKind], list[Problem]]:
    """The kinds of source: the defaults, each written kind over its default (or on its own), in the order
    written (then the defaults not written), as the kinds of correction are."""
    problems: list[Problem] = []
    written: dict[str, SourceKind] = {}
    for key, value in _entries(sources.get("kinds")):
        path = ("sources", "kinds", key)
        base = DEFAULT_SOURCE_KINDS.get(key) or SourceKind(key, key.capitalize())
        if ok(*path) and key not in DEFAULT_SOURCE_KINDS and "heading" not in value:
            message = (
                f"source kind '{key}': a kind of the site's own needs heading: (the heading of its group on the "
                "Sources page); add it"
            )
            problems.append(document.problem(path, message))
        written[key] = replace(base, **value) if ok(*path) else base
    return {**written, **{key: kind for key, kind in DEFAULT_SOURCE_KINDS.items() if key not in written}}, problems

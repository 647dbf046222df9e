"""The data layer's entry point: read every data file once, validate it, and cross-check it.

Each concern describes its file with a `DataFileSpec` (in its records.py) and its checks in
its checks.py; this module runs them all in three steps and collects every problem of a step
before stopping:

1. each file on its own: YAML (within the limits of explainer.yamlfile), then its JSON Schema,
   then its Markdown fields, rendered with the site's own Markdown set-up and checked as a tree
   (explainer.markup), then its records (dates) and the checks within the file (glossary: related
   entries, links to entries in `long`, forms claimed twice);
2. references between files (a source an event cites must exist);
3. once the pages are known: references from data to pages (an event's section, a corrected page).

Data that passed all of this before is built from what passed, not checked again (explainer.checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .checked import CheckedData, fingerprint
from .corrections import checks as corrections_checks
from .corrections.records import SPEC as CORRECTIONS
from .corrections.records import Correction
from .datafile import DataFileSpec, Records
from .errors import DataError, Problem, raise_if_any
from .events import checks as events_checks
from .events.records import SPEC as EVENTS
from .events.records import Event
from .figures import checks as figures_checks
from .figures.records import SPEC as FIGURES
from .figures.records import Series
from .glossary import checks as glossary_checks
from .glossary.records import LINK_SCHEME as GLOSSARY_LINK_SCHEME
from .glossary.records import SPEC as GLOSSARY
from .glossary.records import GlossaryEntry
from .markup import DataMarkdown, MarkdownSetup
from .schema import check_against_schema, entry_label, markdown_fields
from .sources.records import SPEC as SOURCES
from .sources.records import Source
from .yamlfile import YamlDocument, load_yaml, parse_data_file, read_data_file

SPECS: tuple[DataFileSpec, ...] = (SOURCES, GLOSSARY, EVENTS, CORRECTIONS, FIGURES)

# Checks within one file that need its records (step 1), by file name.
WITHIN_FILE: dict[str, Callable[[Records], list[Problem]]] = {
    GLOSSARY.name: glossary_checks.within_file,
}


@dataclass(frozen=True)
class SiteData:
    """Every data file of the site, as typed records by id, one field per file (named as the file)."""

    sources: Records[Source]
    glossary: Records[GlossaryEntry]
    events: Records[Event]
    corrections: Records[Correction]
    figures: Records[Series]
    raw: dict[str, bytes] = field(default_factory=dict, compare=False)  # each file's bytes as read, by path

    def referenced_source_ids(self) -> set[str]:
        """Source ids that data entries (events, glossary, corrections, figures) rely on."""
        return {
            source_id
            for records in (self.glossary, self.events, self.corrections, self.figures)
            for record in records
            for source_id in record.sources
        }


def load_site_data(
    root: Path,
    checked: CheckedData | None = None,
    markdown: MarkdownSetup | None = None,
    raw: dict[str, bytes] | None = None,
) -> SiteData:
    """Load data/*.yml under `root`; raise DataError listing every problem found.

    `markdown` is the site's Markdown set-up (from mkdocs.yml when MkDocs builds), with which the
    Markdown fields of the data are rendered and checked. `raw`, if given, holds the files' bytes
    by path ("data/sources.yml") instead of the files themselves (`mkdocs serve` keeps the last
    good ones). With `checked`, data whose fingerprint passed every check before is built from
    what passed then, not read or checked again; the last data loaded in this process is reused.
    """
    global _last_loaded
    raw, problems = _read(root, raw)
    setup = markdown or MarkdownSetup()
    key = fingerprint(raw, setup.describe())
    if checked is not None and _last_loaded is not None and _last_loaded[0] == key:
        return _last_loaded[1]
    passed = checked.documents(key) if checked is not None and not problems else None
    renderer = _Renderer(setup)
    loaded: dict[str, Records] = {}
    for spec in (spec for spec in SPECS if spec.path in raw):
        try:
            if passed is None:
                loaded[spec.name] = _records(parse_data_file(raw[spec.path], spec.path), spec, renderer.get())
            else:
                loaded[spec.name] = _records(passed[spec.path], spec, None)
        except DataError as error:
            problems += error.problems
    raise_if_any(problems)
    site = SiteData(**loaded, raw=raw)
    if passed is None:
        raise_if_any(cross_reference_problems(site))
    if checked is not None:
        if passed is None:
            checked.remember(key, {spec.path: getattr(site, spec.name).document for spec in SPECS})
        _last_loaded = (key, site)
    return site


_last_loaded: tuple[str, SiteData] | None = None  # (fingerprint, data) of the last load with `checked`


def _read(root: Path, raw: dict[str, bytes] | None) -> tuple[dict[str, bytes], list[Problem]]:
    """Each data file's bytes by path (from `raw` if given), and a problem for each missing or oversized file."""
    found: dict[str, bytes] = {}
    problems = []
    missing = "file is missing (every data file must exist; an empty list is written [])"
    for spec in SPECS:
        if raw is not None and spec.path in raw:
            found[spec.path] = raw[spec.path]
        elif raw is not None or not (root / spec.path).is_file():
            problems.append(Problem(spec.path, 1, missing))
        else:
            try:
                found[spec.path] = read_data_file(root / spec.path, spec.path)
            except DataError as error:
                problems += error.problems
    return found, problems


def load_records(
    path: Path, spec: DataFileSpec, label: str | None = None, markdown: MarkdownSetup | None = None
) -> Records:
    """One data file read, checked against its schema and built into records, with the checks within it.

    `label` names the file in messages (default: `path` as given). Raises DataError listing every problem.
    """
    return _records(load_yaml(path, label or str(path)), spec, data_markdown(markdown))


def check_document(
    document: YamlDocument, spec: DataFileSpec, renderer: DataMarkdown | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A parsed data file's records (None if its shape is wrong) and every problem in it."""
    problems = check_against_schema(document, spec.name)
    if problems:
        return None, problems
    problems = render_markdown_fields(document, spec.name, renderer or data_markdown())
    by_id, build_problems = spec.build(document)
    problems += build_problems
    if within := WITHIN_FILE.get(spec.name):
        problems += within(Records(by_id, document))
    return by_id, problems


def _records(document: YamlDocument, spec: DataFileSpec, renderer: DataMarkdown | None) -> Records:
    """The file's records, checked with `renderer`; without one, built from data that passed before."""
    by_id, problems = spec.build(document) if renderer is None else check_document(document, spec, renderer)
    raise_if_any(problems)
    return Records(by_id, document)


def data_markdown(markdown: MarkdownSetup | None = None) -> DataMarkdown:
    """The one renderer of Markdown in data fields, with the site's own link scheme for glossary entries."""
    return DataMarkdown(markdown, site_schemes=frozenset({GLOSSARY_LINK_SCHEME.rstrip(":")}))


class _Renderer:
    """The renderer of Markdown fields, made once and only if some file is checked (it costs a Markdown set-up)."""

    def __init__(self, setup: MarkdownSetup):
        self.setup = setup
        self.renderer: DataMarkdown | None = None

    def get(self) -> DataMarkdown:
        if self.renderer is None:
            self.renderer = data_markdown(self.setup)
        return self.renderer


def render_markdown_fields(document: YamlDocument, schema_name: str, renderer: DataMarkdown) -> list[Problem]:
    """Render each Markdown field of a schema-valid file into `document.rendered`; its problems."""
    problems = []
    names = markdown_fields(schema_name)
    for index, entry in enumerate(document.data if names else ()):
        for field_name in names:
            if field_name in entry:
                checked = renderer.render(entry[field_name], field_name)
                document.rendered[(index, field_name)] = checked
                label = entry_label(document, index, schema_name)
                problems += [document.problem((index, field_name), f"{label}: {text}") for text in checked.problems]
    return problems


def cross_reference_problems(site: SiteData) -> list[Problem]:
    """References from one data file to another that lead nowhere."""
    return [
        *glossary_checks.unknown_sources(site.glossary, site.sources),
        *events_checks.unknown_references(site.events, site.sources, site.glossary),
        *corrections_checks.unknown_sources(site.corrections, site.sources),
        *figures_checks.unknown_references(site.figures, site.sources, site.events),
    ]


def check_page_references(site: SiteData, story_sections: set[str], written_pages: set[str]) -> None:
    """References from data to pages, once the pages are known: raise DataError listing every problem.

    `story_sections` are the section ids of the story pages, `written_pages` the docs/ paths of
    every page written by hand (not generated).
    """
    raise_if_any(
        [
            *events_checks.unknown_sections(site.events, story_sections),
            *corrections_checks.unknown_pages(site.corrections, written_pages),
        ]
    )


def concern_names() -> list[str]:
    """The data files, in the order they are loaded and reported ('sources', 'glossary', ...)."""
    return [each.name for each in fields(SiteData) if each.name != "raw"]

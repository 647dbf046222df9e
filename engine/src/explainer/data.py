"""The data layer's entry point: read every data file once, validate it, and cross-check it.

Each concern describes its file with a `DataFileSpec` (in its records.py) and its checks in
its checks.py; this module runs them all in three steps and collects every problem:

1. each file on its own: YAML (within the limits of explainer.yamlfile), then its JSON Schema,
   then its Markdown fields, rendered with the site's own Markdown set-up and checked as a tree
   (explainer.markup), then its records (dates) and the checks within the file (glossary: related
   entries, links to entries in `long`, forms claimed twice);
2. references between files (a source an event cites must exist);
3. once the pages are known: references from data to pages (an event's section, a corrected page).

An entry with a problem of its own is left out of the records, and the others are still built
and checked, so one pass finds every problem; references to an entry left out are not reported
again (`Records.knows`), nor, while an entry's id is missing, malformed or repeated, references
to any id its file lacks (it may be the one they mean). Only a file that cannot be read at all
(YAML syntax, encoding, size, not a list) stops the checks after step 1: without it, whatever
refers to it would look wrong.

Data that passed all of this before is built from what passed, not checked again (explainer.checked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
        """Source ids that data entries (events, glossary, corrections, figures) rely on.

        Entries left out for their own problems count too, so a source they cite is not called uncited.
        """
        files = (self.glossary, self.events, self.corrections, self.figures)
        cited = {source_id for records in files for record in records for source_id in record.sources}
        for records in files:
            cited.update(_sources_of_left_out_entries(records))
        return cited


def _sources_of_left_out_entries(records: Records) -> set[str]:
    """The source ids written in the entries of a file that were left out of its records."""
    if not records.left_out:
        return set()
    return {
        source_id
        for entry in records.document.data
        if isinstance(entry, dict) and entry.get("id") in records.left_out
        for source_id in _sources_written_in(entry)
    }


def _sources_written_in(value: Any) -> Iterator[str]:
    """Every id in a `sources` list anywhere in an entry as written (a figure's are in its points)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from (source_id for source_id in item if isinstance(source_id, str))
            else:
                yield from _sources_written_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sources_written_in(item)


@dataclass
class DataCheck:
    """What reading and checking the data files found: the data, and every problem in it.

    `site` is None when a file could not be read at all: the checks that need every file did not run.
    """

    site: SiteData | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def stopped_early(self) -> bool:
        return self.site is None


def check_site_data(
    root: Path,
    checked: CheckedData | None = None,
    markdown: MarkdownSetup | None = None,
    raw: dict[str, bytes] | None = None,
) -> DataCheck:
    """Read and check data/*.yml under `root`: the records of every sound entry, and every problem found.

    `markdown` is the site's Markdown set-up (from mkdocs.yml), with which the Markdown fields of
    the data are rendered and checked. `raw`, if given, holds the files' bytes by path
    ("data/sources.yml") instead of the files themselves (`mkdocs serve` keeps the last good
    ones). With `checked`, data whose fingerprint passed every check before is built from what
    passed then, not read or checked again; the last data loaded in this process is reused.
    """
    global _last_loaded
    raw, problems = _read(root, raw)
    unreadable = {problem.file for problem in problems}
    setup = markdown or MarkdownSetup()
    key = fingerprint(raw, setup.describe())
    if checked is not None and _last_loaded is not None and _last_loaded[0] == key:
        return DataCheck(_last_loaded[1])
    passed = checked.documents(key) if checked is not None and not problems else None
    renderer = _Renderer(setup)
    loaded: dict[str, Records] = {}
    for spec in (spec for spec in SPECS if spec.path in raw):
        if passed is not None:
            loaded[spec.name] = Records(spec.build(passed[spec.path])[0], passed[spec.path])
            continue
        records, file_problems = _checked_records(raw[spec.path], spec, renderer)
        problems += file_problems
        if records is None:
            unreadable.add(spec.path)
        else:
            loaded[spec.name] = records
    if unreadable:
        return DataCheck(None, problems)
    site = SiteData(**loaded, raw=raw)
    if passed is None:
        problems += cross_reference_problems(site)
    if checked is not None and not problems:
        if passed is None:
            checked.remember(key, {spec.path: getattr(site, spec.name).document for spec in SPECS})
        _last_loaded = (key, site)
    return DataCheck(site, problems)


def load_site_data(
    root: Path,
    checked: CheckedData | None = None,
    markdown: MarkdownSetup | None = None,
    raw: dict[str, bytes] | None = None,
) -> SiteData:
    """Load data/*.yml under `root` (see `check_site_data`); raise DataError listing every problem found."""
    check = check_site_data(root, checked, markdown, raw)
    if check.problems:
        raise DataError(check.problems, stopped_early=check.stopped_early)
    return check.site


def _checked_records(raw: bytes, spec: DataFileSpec, renderer: _Renderer) -> tuple[Records | None, list[Problem]]:
    """One file parsed and checked: its sound entries as records (None if it cannot be read), and its problems."""
    try:
        document = parse_data_file(raw, spec.path)
    except DataError as error:
        return None, error.problems
    by_id, problems = check_document(document, spec, renderer.get())
    return (None if by_id is None else Records(by_id, document)), problems


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
    """A parsed data file's records (None if the file as a whole has the wrong shape) and every problem in it.

    Entries that break the schema are left out of the records (`YamlDocument.unusable`).
    """
    schema_check = check_against_schema(document, spec.name)
    problems = schema_check.problems
    if schema_check.unusable is None:
        return None, problems
    document.unusable, document.unnamed = schema_check.unusable, schema_check.unnamed
    markdown_problems = render_markdown_fields(document, spec.name, renderer or data_markdown())
    # An entry whose Markdown is refused is left out too: no page may show what was refused.
    document.unusable |= {index for index, _ in markdown_problems}
    problems += [problem for _, problem in markdown_problems]
    by_id, build_problems = spec.build(document)
    problems += build_problems
    if within := WITHIN_FILE.get(spec.name):
        problems += within(Records(by_id, document))
    return by_id, problems


def _records(document: YamlDocument, spec: DataFileSpec, renderer: DataMarkdown) -> Records:
    """The file's records, checked with `renderer`; DataError listing every problem in it."""
    by_id, problems = check_document(document, spec, renderer)
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


def render_markdown_fields(
    document: YamlDocument, schema_name: str, renderer: DataMarkdown
) -> list[tuple[int, Problem]]:
    """Render each Markdown field of a schema-valid file into `document.rendered`; its problems, by entry index."""
    problems = []
    names = markdown_fields(schema_name)
    for index, entry in enumerate(document.data if names else ()):
        if index in document.unusable:
            continue
        for field_name in names:
            if field_name in entry:
                checked = renderer.render(entry[field_name], field_name)
                document.rendered[(index, field_name)] = checked
                label = entry_label(document, index, schema_name)
                problems += [
                    (index, document.problem((index, field_name), f"{label}: {text}")) for text in checked.problems
                ]
    return problems


def cross_reference_problems(site: SiteData) -> list[Problem]:
    """References from one data file to another that lead nowhere."""
    return [
        *glossary_checks.unknown_sources(site.glossary, site.sources),
        *events_checks.unknown_references(site.events, site.sources, site.glossary),
        *corrections_checks.unknown_sources(site.corrections, site.sources),
        *figures_checks.unknown_references(site.figures, site.sources, site.events),
    ]


def page_reference_problems(site: SiteData, story_sections: set[str], written_pages: set[str]) -> list[Problem]:
    """References from data to pages that lead nowhere, once the pages are known.

    `story_sections` are the section ids of the story pages, `written_pages` the docs/ paths of
    every page written by hand (not generated).
    """
    return [
        *events_checks.unknown_sections(site.events, story_sections),
        *corrections_checks.unknown_pages(site.corrections, written_pages),
    ]


def check_page_references(site: SiteData, story_sections: set[str], written_pages: set[str]) -> None:
    """`page_reference_problems`, raised as a DataError if there are any."""
    raise_if_any(page_reference_problems(site, story_sections, written_pages))


def concern_names() -> list[str]:
    """The data files, in the order they are loaded and reported ('sources', 'glossary', ...)."""
    return [each.name for each in fields(SiteData) if each.name != "raw"]

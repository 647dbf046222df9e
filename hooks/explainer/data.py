"""The data layer's entry point: read every data file once, validate it, and cross-check it.

Each concern describes its file with a `DataFileSpec` (in its records.py) and its checks in
its checks.py; this module runs them all in three steps and collects every problem of a step
before stopping:

1. each file on its own: YAML, then its JSON Schema, then its records (dates) and the checks
   within the file (glossary: related entries, links in `long`, forms claimed twice);
2. references between files (a source an event cites must exist);
3. once the pages are known: references from data to pages (an event's section, a corrected page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

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
from .glossary.records import SPEC as GLOSSARY
from .glossary.records import GlossaryEntry
from .schema import check_against_schema
from .sources.records import SPEC as SOURCES
from .sources.records import Source
from .yamlfile import YamlDocument, load_yaml, parse_yaml

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

    def referenced_source_ids(self) -> set[str]:
        """Source ids that data entries (events, glossary, corrections, figures) rely on."""
        return {
            source_id
            for records in (self.glossary, self.events, self.corrections, self.figures)
            for record in records
            for source_id in record.sources
        }


def load_site_data(root: Path, checked: CheckedData | None = None) -> SiteData:
    """Load data/*.yml under `root`; raise DataError listing every problem found.

    With `checked`, data whose fingerprint passed every check before (see explainer.checked) is
    built from the files as parsed then, not read or checked again; the last data loaded in this
    process is reused as it is.
    """
    global _last_loaded
    raw = {spec.path: (root / spec.path).read_bytes() for spec in SPECS if (root / spec.path).is_file()}
    message = "file is missing (every data file must exist; an empty list is written [])"
    problems = [Problem(spec.path, 1, message) for spec in SPECS if spec.path not in raw]
    key = fingerprint(raw)
    if checked is not None and _last_loaded is not None and _last_loaded[0] == key:
        return _last_loaded[1]
    passed = checked.documents(key) if checked is not None and not problems else None
    loaded: dict[str, Records] = {}
    for spec in (spec for spec in SPECS if spec.path in raw):
        try:
            if passed is None:
                loaded[spec.name] = _records(parse_yaml(raw[spec.path], spec.path), spec, check=True)
            else:
                loaded[spec.name] = _records(passed[spec.path], spec, check=False)
        except DataError as error:
            problems += error.problems
    raise_if_any(problems)
    site = SiteData(**loaded)
    if passed is None:
        raise_if_any(cross_reference_problems(site))
    if checked is not None:
        if passed is None:
            checked.remember(key, {spec.path: getattr(site, spec.name).document for spec in SPECS})
        _last_loaded = (key, site)
    return site


_last_loaded: tuple[str, SiteData] | None = None  # (fingerprint, data) of the last load with `checked`


def load_records(path: Path, spec: DataFileSpec, label: str | None = None) -> Records:
    """One data file read, checked against its schema and built into records, with the checks within it.

    `label` names the file in messages (default: `path` as given). Raises DataError listing every problem.
    """
    return _records(load_yaml(path, label or str(path)), spec, check=True)


def _records(document: YamlDocument, spec: DataFileSpec, check: bool) -> Records:
    if check:
        raise_if_any(check_against_schema(document, spec.name))
    by_id, problems = spec.build(document)
    records = Records(by_id, document)
    if check and (within := WITHIN_FILE.get(spec.name)):
        problems += within(records)
    raise_if_any(problems)
    return records


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
    return [field.name for field in fields(SiteData)]

"""The data layer: read every data file once per build, validate it, and cross-check references.

Each concern module (sources, glossary, events, corrections, figures) describes its file with a
`DataFileSpec`; this module runs them all and collects every problem before stopping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corrections, events, glossary, sources
from .errors import DataError, Problem, raise_if_any
from .figures import records as figures
from .records import DataFileSpec
from .schema import check_against_schema
from .yamlfile import YamlDocument, load_yaml

DATA_FILES: tuple[DataFileSpec, ...] = (sources.SPEC, glossary.SPEC, events.SPEC, corrections.SPEC, figures.SPEC)


@dataclass
class SiteData:
    """Every data file of one build, as typed records by id, plus the parsed documents."""

    documents: dict[str, YamlDocument] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def sources(self) -> dict[str, sources.Source]:
        return self.records.get("sources", {})

    def referenced_source_ids(self) -> set[str]:
        """Source ids that data entries (events, glossary, corrections, figures) rely on."""
        return {
            source_id
            for name, records in self.records.items()
            if name != "sources"
            for record in records.values()
            for source_id in getattr(record, "sources", ())
        }


def load_site_data(root: Path, specs: tuple[DataFileSpec, ...] = DATA_FILES) -> SiteData:
    """Load data/*.yml under `root`; raise DataError listing every problem found."""
    site = SiteData()
    problems: list[Problem] = []
    for spec in specs:
        problems += _load_one(root, spec, site)
    raise_if_any(problems)
    for spec in specs:
        if spec.check:
            problems += spec.check(site)
    raise_if_any(problems)
    return site


def check_page_references(site: SiteData, page_ids: set[str], specs: tuple[DataFileSpec, ...] = DATA_FILES) -> None:
    """Check references from data to pages and story sections, once the pages are known."""
    raise_if_any([problem for spec in specs if spec.check_pages for problem in spec.check_pages(site, page_ids)])


def _load_one(root: Path, spec: DataFileSpec, site: SiteData) -> list[Problem]:
    name = f"data/{spec.name}.yml"
    path = root / name
    if not path.is_file():
        return [Problem(name, 1, "file is missing (every data file must exist; an empty list is written [])")]
    try:
        document = load_yaml(path, name)
    except DataError as error:
        return error.problems
    problems = check_against_schema(document, spec.name)
    if problems:
        return problems
    site.documents[spec.name] = document
    site.records[spec.name], problems = spec.build(document)
    return problems

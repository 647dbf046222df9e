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
from .markup import DataMarkdown, MarkdownSetup
from .records import DataFileSpec
from .schema import check_against_schema, entry_label, markdown_fields
from .yamlfile import YamlDocument, parse_data_file, read_data_file

DATA_FILES: tuple[DataFileSpec, ...] = (sources.SPEC, glossary.SPEC, events.SPEC, corrections.SPEC, figures.SPEC)


@dataclass
class SiteData:
    """Every data file of one build, as typed records by id, plus the parsed documents."""

    documents: dict[str, YamlDocument] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)  # each file's bytes as read, by name ("sources")

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


def load_site_data(
    root: Path,
    specs: tuple[DataFileSpec, ...] = DATA_FILES,
    markdown: MarkdownSetup | None = None,
    raw: dict[str, bytes] | None = None,
) -> SiteData:
    """Load data/*.yml under `root`; raise DataError listing every problem found.

    `markdown` is the site's Markdown set-up (from mkdocs.yml when MkDocs builds), with which
    the Markdown fields of the data are rendered and checked. `raw`, if given, holds the files'
    bytes by name instead of the files themselves (`mkdocs serve` keeps the last good ones).
    """
    site = SiteData()
    problems: list[Problem] = []
    renderer = data_markdown(markdown)
    for spec in specs:
        problems += _load_one(root, spec, site, renderer, raw)
    raise_if_any(problems)
    for spec in specs:
        if spec.check:
            problems += spec.check(site)
    raise_if_any(problems)
    return site


def check_page_references(site: SiteData, page_ids: set[str], specs: tuple[DataFileSpec, ...] = DATA_FILES) -> None:
    """Check references from data to pages and story sections, once the pages are known."""
    raise_if_any([problem for spec in specs if spec.check_pages for problem in spec.check_pages(site, page_ids)])


def data_markdown(markdown: MarkdownSetup | None = None) -> DataMarkdown:
    """The one renderer of Markdown in data fields, with the site's own link scheme for glossary entries."""
    return DataMarkdown(markdown, site_schemes=frozenset({glossary.LINK_SCHEME.rstrip(":")}))


def _load_one(
    root: Path, spec: DataFileSpec, site: SiteData, renderer: DataMarkdown, raw: dict[str, bytes] | None = None
) -> list[Problem]:
    name = f"data/{spec.name}.yml"
    path = root / name
    if (spec.name not in raw) if raw is not None else not path.is_file():
        return [Problem(name, 1, "file is missing (every data file must exist; an empty list is written [])")]
    try:
        site.raw[spec.name] = raw[spec.name] if raw is not None else read_data_file(path, name)
        document = parse_data_file(site.raw[spec.name], name)
    except DataError as error:
        return error.problems
    records, problems = check_document(document, spec, renderer)
    if records is not None:
        site.documents[spec.name] = document
        site.records[spec.name] = records
    return problems


def check_document(
    document: YamlDocument, spec: DataFileSpec, renderer: DataMarkdown | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A parsed data file's records (None if its shape is wrong) and every problem in it."""
    problems = check_against_schema(document, spec.name)
    if problems:
        return None, problems
    problems = render_markdown_fields(document, spec.name, renderer or data_markdown())
    records, build_problems = spec.build(document)
    return records, problems + build_problems


def render_markdown_fields(document: YamlDocument, schema_name: str, renderer: DataMarkdown) -> list[Problem]:
    """Render each Markdown field of a schema-valid file into `document.rendered`; its problems."""
    problems = []
    fields = markdown_fields(schema_name)
    for index, entry in enumerate(document.data if fields else ()):
        for field_name in fields:
            if field_name in entry:
                checked = renderer.render(entry[field_name], field_name)
                document.rendered[(index, field_name)] = checked
                label = entry_label(document, index, schema_name)
                problems += [document.problem((index, field_name), f"{label}: {text}") for text in checked.problems]
    return problems

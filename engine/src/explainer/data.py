"""The data layer: read every data file once, check it, and check the references between files.

Each concern declares its data file (`DataFileSpec`, in its records.py) and the ids its records cite
(`references`); the registry (explainer.registry) lists the concerns. Every problem is collected:

0. data/story.yml, the story's vocabulary (optional; explainer.story), from which the other files'
   schemas are made (explainer.editor_schemas: a source's `stake` must be one of its relationships, ...);
1. each file on its own: its YAML (explainer.yamlfile), its JSON Schema, its Markdown fields (rendered
   with the site's Markdown set-up, checked as a tree: explainer.markup); then the story's span of dates
   (configured, or from the events and figures); then each file's records and the checks within it;
2. references between files (a source an event cites must exist); references to pages once the pages
   are known (each concern's `page_checks`).

An entry with a problem of its own is left out of the records and the rest are still checked, so one
pass finds every problem; references to an entry left out are not reported again (`Records.knows`),
nor, while an entry's id is missing, malformed or repeated, references to any id its file lacks (it
may be the one they mean). A file that cannot be read at all (YAML, encoding, size, not a list; a
data/story.yml that is not a mapping) stops the checks after step 1, and without a readable
data/story.yml step 1 reads only the other files' YAML: their schemas come from it. Nothing checked is
kept on disk, so no file a contributor can commit (a cache) can stand in for a check (issue 21).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .datafile import DataFileSpec, Records
from .editor_schemas import schemas_for
from .errors import DataError, Problem, raise_if_any
from .markup import DataMarkdown, MarkdownSetup
from .schema import check_against_schema, entry_label, load_schema, markdown_fields
from .story import DEFAULT_STORY, SCHEMA_NAME, STORY_FILE, Story, read_story
from .yamlfile import YamlDocument, load_yaml, mappings_in, parse_data_file, read_data_file

if TYPE_CHECKING:
    from .concern import Concern

# The site's own link scheme in Markdown fields: `[words](glossary:id)` (explainer.glossary).
SITE_SCHEMES = frozenset({"glossary"})


class SiteRecords(dict):
    """Every data file's records by concern name, also as attributes: `data.glossary`; and the story's
    vocabulary they were built with (`data.story`)."""

    story: Story = DEFAULT_STORY

    def __getattr__(self, name: str) -> Records:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class DataCheck:
    """What reading and checking the data files found: the records (None when a file could not be read at
    all: the checks that need every file did not run), every problem, what data cites."""

    records: SiteRecords | None
    problems: list[Problem] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)  # each file's bytes as read, by path
    cited: dict[str, set[str]] = field(default_factory=dict)  # by concern, the ids other data cites
    story: Story = DEFAULT_STORY  # the story's vocabulary (data/story.yml), with its span

    @property
    def stopped_early(self) -> bool:
        return self.records is None


def check_data(
    root: Path,
    concerns: tuple[Concern, ...],
    markdown: MarkdownSetup | None = None,
    raw: dict[str, bytes] | None = None,
) -> DataCheck:
    """The story's vocabulary and each concern's data file under `root`, read and checked: every sound entry's
    record, and every problem. Markdown fields are rendered and checked with `markdown`, the site's set-up
    (mkdocs.yml); `raw`, if given, holds the files' bytes by path ("data/sources.yml") instead of the files
    (`mkdocs serve` keeps the last good ones)."""
    specs = [concern.data for concern in concerns]
    raw, problems = _read(root, specs, raw)
    story, story_problems = read_story(raw.get(STORY_FILE), load_schema(SCHEMA_NAME))
    problems += story_problems
    unreadable = {problem.file for problem in problems} - ({STORY_FILE} if story is not None else set())
    if story is None and STORY_FILE in raw:
        # Without the story's vocabulary the other files' kinds, stakes and units cannot be judged (the
        # defaults would call them wrong): only what does not depend on it, their YAML, is checked.
        problems += [problem for spec in specs if spec.path in raw for problem in _parsed(raw, spec)[1]]
        return DataCheck(None, problems, raw)
    story = story or DEFAULT_STORY
    problems += _page_problems(story, concerns)
    schemas = schemas_for(story)
    renderer = data_markdown(markdown)
    story, intro_problems = _rendered_intro(story, renderer)
    problems += intro_problems
    documents: dict[str, YamlDocument] = {}
    for spec in (spec for spec in specs if spec.path in raw):
        document, file_problems = _parsed(raw, spec)
        if document is not None:
            document, file_problems = check_shape(document, spec, schemas[spec.name], renderer)
        problems += file_problems
        if document is None:
            unreadable.add(spec.path)
        else:
            documents[spec.name] = document
    story = story.with_span(
        date for spec in specs if spec.name in documents for date in spec.span_dates(documents[spec.name])
    )
    records = SiteRecords()
    records.story = story
    for spec in (spec for spec in specs if spec.name in documents):
        by_id, build_problems = _built(documents[spec.name], spec, story)
        records[spec.name] = Records(by_id, documents[spec.name])
        problems += build_problems
    if unreadable:
        return DataCheck(None, problems, raw, story=story)
    problems += reference_problems(records, specs)
    return DataCheck(records, problems, raw, cited_ids(specs, records), story)


def _rendered_intro(story: Story, renderer: DataMarkdown) -> tuple[Story, list[Problem]]:
    """The story with its Corrections page intro (Markdown) rendered and checked like a data file's Markdown."""
    if not story.corrections_intro:
        return story, []
    checked = renderer.render(story.corrections_intro, "intro")
    if checked.problems:
        line = story.line_of("corrections", "intro")
        return story, [Problem(STORY_FILE, line, f"corrections: {problem}") for problem in checked.problems]
    html = checked.html.strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return replace(story, corrections_intro_html=html), []


def _page_problems(story: Story, concerns: tuple[Concern, ...]) -> list[Problem]:
    """A kind of correction's own page may not take the name of a page the engine makes."""
    taken = {concern.page.src_uri for concern in concerns if concern.page is not None}
    return [
        Problem(
            STORY_FILE,
            story.line_of("corrections", "kinds", kind.key, "page"),
            f"correction kind '{kind.key}': page {kind.page} is already one of the engine's pages "
            f"({', '.join(sorted(taken))}); choose another name",
        )
        for kind in story.kind_pages
        if kind.page in taken
    ]


def _read(
    root: Path, specs: list[DataFileSpec], raw: dict[str, bytes] | None
) -> tuple[dict[str, bytes], list[Problem]]:
    """Each data file's bytes by path (from `raw` if given), and a problem for each missing or oversized
    file; data/story.yml, which is optional, if it exists."""
    found: dict[str, bytes] = {}
    problems = []
    missing = "file is missing (every data file must exist; an empty list is written [])"
    for path in [STORY_FILE, *(spec.path for spec in specs)]:
        if raw is not None and path in raw:
            found[path] = raw[path]
        elif raw is not None or not (root / path).is_file():
            if path != STORY_FILE:  # optional
                problems.append(Problem(path, 1, missing))
        else:
            try:
                found[path] = read_data_file(root / path, path)
            except DataError as error:
                problems += error.problems
    return found, problems


def _parsed(raw: dict[str, bytes], spec: DataFileSpec) -> tuple[YamlDocument | None, list[Problem]]:
    """A data file's YAML (None if it cannot be read: syntax, encoding, size), and its problems."""
    try:
        return parse_data_file(raw[spec.path], spec.path), []
    except DataError as error:
        return None, error.problems


def load_story(path: Path) -> Story:
    """The story's vocabulary from the file at `path` (the engine's defaults if there is none, with the span
    of each data file's own dates); DataError listing every problem in it."""
    raw = read_data_file(path, str(path)) if path.is_file() else None
    story, problems = read_story(raw, load_schema(SCHEMA_NAME))
    problems = [replace(problem, file=str(path)) if problem.file == STORY_FILE else problem for problem in problems]
    raise_if_any(problems)
    return story or DEFAULT_STORY


def load_records(path: Path, spec: DataFileSpec, label: str | None = None, story: Story = DEFAULT_STORY) -> Records:
    """One data file read, checked against its schema and built into records, with the checks within it;
    DataError lists every problem. `label` names the file in messages (default: `path` as given); `story` is
    the vocabulary (by default the engine's, with the span of this file's own dates)."""
    document = load_yaml(path, label or str(path))
    by_id, problems = check_document(document, spec, story)
    raise_if_any(problems)
    return Records(by_id, document)


def check_document(
    document: YamlDocument, spec: DataFileSpec, story: Story = DEFAULT_STORY
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A parsed data file's records (None if the file as a whole has the wrong shape; entries that break the
    schema left out) and every problem in it, with the vocabulary of `story` (its span, unless it has one,
    from this file's own dates)."""
    checked, problems = check_shape(document, spec, schemas_for(story)[spec.name], data_markdown())
    if checked is None:
        return None, problems
    by_id, build_problems = _built(checked, spec, story if story.span else story.with_span(spec.span_dates(checked)))
    return by_id, problems + build_problems


def check_shape(
    document: YamlDocument, spec: DataFileSpec, schema: dict, renderer: DataMarkdown
) -> tuple[YamlDocument | None, list[Problem]]:
    """A parsed data file checked against its schema, its Markdown fields rendered and checked: the document
    (None if the file as a whole has the wrong shape), and every problem. Entries that break the schema or
    whose Markdown is refused are marked unusable (`YamlDocument.unusable`)."""
    schema_check = check_against_schema(document, spec.name, schema)
    problems = schema_check.problems
    if schema_check.unusable is None:
        return None, problems
    document.unusable, document.unnamed = schema_check.unusable, schema_check.unnamed
    markdown_problems = render_markdown_fields(document, spec.name, renderer)
    # An entry whose Markdown is refused is left out too: no page may show what was refused.
    document.unusable |= {index for index, _ in markdown_problems}
    return document, problems + [problem for _, problem in markdown_problems]


def _built(document: YamlDocument, spec: DataFileSpec, story: Story) -> tuple[dict[str, Any], list[Problem]]:
    """A checked document's records, the problems within the file, and its references to its own ids."""
    by_id, problems = spec.build(document, story)
    own = Records(by_id, document)
    return by_id, problems + reference_problems({spec.name: own}, [spec], own_only=True)


def data_markdown(markdown: MarkdownSetup | None = None) -> DataMarkdown:
    """The one renderer of Markdown in data fields, with the site's own link scheme for glossary entries."""
    return DataMarkdown(markdown, site_schemes=SITE_SCHEMES)


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


# Between files ------------------------------------------------------------------------------------


def reference_problems(records: dict[str, Records], specs: list[DataFileSpec], own_only: bool = False) -> list[Problem]:
    """Every id a record cites that the file it names lacks ("event 'x' cites unknown source 'y'"): in its
    own file (`own_only`, checked with the file), or in another file (once every file is read)."""
    problems = []
    for spec in specs:
        own = records[spec.name]
        for ref in spec.references(own):
            target = records.get(ref.target)
            if (ref.target == spec.name) == own_only and target is not None and not target.knows(ref.id):
                problems.append(own.problem(ref.path, f"{ref.owner} cites unknown {ref.noun} '{ref.id}'"))
    return problems


def cited_ids(specs: list[DataFileSpec], records: dict[str, Records]) -> dict[str, set[str]]:
    """By concern, the ids data cites; for sources, those that entries left out for their own problems
    cite as well (so a source they cite is not called uncited)."""
    cited: dict[str, set[str]] = {spec.name: set() for spec in specs}
    for spec in specs:
        for ref in spec.references(records[spec.name]):
            cited.setdefault(ref.target, set()).add(ref.id)
    for own in records.values():
        for entry in own.document.data if own.left_out else ():
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry["id"] not in own.left_out:
                continue  # (an id that is a list or a mapping cannot be looked up: its own problem is reported)
            for mapping in mappings_in(entry):  # a `sources` list anywhere in it (a figure's are in its points)
                if isinstance(sources := mapping.get("sources"), list):
                    cited.setdefault("sources", set()).update(item for item in sources if isinstance(item, str))
    return cited

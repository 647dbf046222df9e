"""A synthetic explainer, as large as a newsroom's would grow, for timing the build.

`write_corpus(project, scale)` writes docs/ and data/ (plus a mkdocs.yml derived from the
real one) for `scale` times a base of 300 story pages of 40 paragraphs, 2,000 glossary terms,
1,000 events, 300 corrections and 500 sources. The text is deterministic (a seeded
generator), every data file is valid against schemas/, and every source and term is used,
so the corpus also builds with `--strict`.
"""

from __future__ import annotations

import json
import math
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = REPO / "engine" / "src" / "explainer" / "schemas"

# Words of ordinary news prose; glossary terms are made-up names that never collide with them.
_PROSE = (
    "the company said its shares rose after investors weighed new rules from regulators in Beijing while "
    "analysts expected growth in cloud revenue to slow as rivals cut prices and the market for online "
    "shopping matured over several years of pressure on margins and spending on data centres that run "
    "models for customers who pay by the hour"
)
_WORDS = _PROSE.split()
_SYLLABLES = ("ka", "lo", "vi", "ren", "tu", "mar", "zo", "qi", "len", "dar", "fi", "sol", "ba", "nu", "ter", "wyn")
_SUFFIXES = ("", " Group", " Capital", " Labs", " Holdings", "", " Cloud", "")


@dataclass(frozen=True)
class Scale:
    """How much of each kind of content a corpus holds."""

    pages: int
    paragraphs: int
    terms: int
    events: int
    corrections: int
    sources: int

    def times(self, factor: float) -> Scale:
        """This scale with everything but the page length multiplied by `factor` (at least 1 each)."""
        grow = lambda n: max(1, math.ceil(n * factor))  # noqa: E731 - one-line helper
        return Scale(
            grow(self.pages),
            self.paragraphs,
            grow(self.terms),
            grow(self.events),
            grow(self.corrections),
            grow(self.sources),
        )


CONFIG_WITH_HOOKS = "mkdocs.yml"
CONFIG_WITHOUT_HOOKS = "mkdocs-no-hooks.yml"

# A fixed-size nav: Material renders the whole nav on every page, so listing every story page
# would make the bare MkDocs build grow with pages squared, hiding how the hooks grow.
SYNTHETIC_NAV = ["index.md", "timeline.md", "glossary.md", "sources.md", "corrections.md"]

# Like the real story pages (8-15 distinct sources and 17-26 marked terms each): a page names
# a cast of terms again and again and cites a handful of sources, not new ones every line.
TERMS_PER_PAGE = 24
SOURCES_PER_PAGE = 12

BASE = Scale(pages=300, paragraphs=40, terms=2000, events=1000, corrections=300, sources=500)


# Names --------------------------------------------------------------------------------------


def term_name(index: int) -> str:
    """A unique made-up name for glossary term `index`: 'Lovika Capital', or 'lovika' for a concept."""
    digits, n = [], index
    for _ in range(4):
        n, digit = divmod(n, len(_SYLLABLES))
        digits.append(_SYLLABLES[digit])
    word = "".join(digits)
    if _category(index) == "concept":
        return word  # all lowercase: also matches capitalized at the start of a sentence
    return word.capitalize() + _SUFFIXES[index % len(_SUFFIXES)]


def alias_name(index: int) -> str | None:
    """Every fourth term also has an alias (a short name that no other term claims)."""
    return term_name(index).split()[0].capitalize() + " Co" if index % 4 == 0 else None


def mention(index: int, slot: int) -> str:
    """How section `slot` of a page names term `index`: its term, or in odd sections its alias if it has one."""
    alias = alias_name(index)
    return alias if alias and slot % 2 else term_name(index)


def _category(index: int) -> str:
    return ("person", "organization", "product", "concept")[index % 4]


def term_id(index: int) -> str:
    return f"term-{index:05d}"


def source_id(index: int) -> str:
    return f"src-{index:05d}"


def page_id(index: int) -> str:
    return f"page-{index:05d}"


def event_id(index: int) -> str:
    return f"event-{index:05d}"


def correction_id(index: int) -> str:
    return f"fix-{index:05d}"


def date_of(index: int) -> str:
    """A valid day spread over 2015-2025, so events sort but are not in file order."""
    year = 2015 + index % 11
    month = 1 + (index * 7) % 12
    day = 1 + (index * 13) % 28
    return f"{year:04d}-{month:02d}-{day:02d}"


# Pages --------------------------------------------------------------------------------------


def page_markdown(index: int, scale: Scale) -> str:
    """One story page: a title, a key-dates marker, sections of paragraphs citing sources and naming terms."""
    rng = random.Random(index)
    corrected = _corrections_by_paragraph(index, scale)
    parts = [
        f"---\ntitle: Chapter {index + 1}\ndescription: Chapter {index + 1} of the synthetic story.\n---\n",
        f"# Chapter {index + 1}\n",
    ]
    for number in range(scale.paragraphs):
        if number % 8 == 0 and number:
            parts.append(f"## Section {number // 8}\n")
        parts.append(_paragraph(rng, index, number, scale, corrected.get(number, [])))
        if number == 0 and index < scale.events:  # events are spread so that every page has some
            parts.append("<!-- key-dates -->\n")
    return "\n".join(parts)


def _paragraph(rng: random.Random, page: int, number: int, scale: Scale, corrections: list[int]) -> str:
    """About 45 words in three sentences, naming three of the page's terms and citing one or two of its sources."""
    slot = page * scale.paragraphs + number
    sentences = []
    for k in range(3):
        words = rng.choices(_WORDS, k=14)
        term = (page * TERMS_PER_PAGE + (number * 3 + k) % TERMS_PER_PAGE) % scale.terms
        words.insert(rng.randrange(1, len(words)), mention(term, number // 8))
        words[0] = words[0].capitalize()
        sentences.append(" ".join(words) + ".")
    sentences += [f"It came to {correction_phrase(c)} in all." for c in corrections]
    cast = [(page * SOURCES_PER_PAGE + (number + k * 5) % SOURCES_PER_PAGE) % scale.sources for k in range(2)]
    cited = dict.fromkeys(cast[: 1 + slot % 2])
    if corrections:
        # A paragraph stating a figure (a correction's "a total of N units") cites a second report of
        # another publisher: the build refuses a figure cited to one origin (issue 20.4).
        cited = dict.fromkeys([cast[0], _other_publisher(cast[0], scale)])
    return " ".join(sentences) + "".join(f"[^{source_id(s)}]" for s in cited) + "\n"


def _other_publisher(source: int, scale: Scale) -> int:
    """The next source (in id order) whose publisher is not `source`'s (see sources_data)."""
    others = ((source + step) % scale.sources for step in range(1, scale.sources))
    return next((other for other in others if other % 40 != source % 40), source)


def correction_phrase(index: int) -> str:
    """The words correction `index` attaches to: once on its page, never inside another phrase."""
    return f"a total of {index} units"


def corrected_page(index: int, scale: Scale) -> int:
    return index % scale.pages


def _corrections_by_paragraph(page: int, scale: Scale) -> dict[int, list[int]]:
    """Paragraph number -> corrections anchored in it, for one page (never the first paragraph)."""
    found: dict[int, list[int]] = {}
    for correction in range(page, scale.corrections, scale.pages):
        number = 1 + (correction // scale.pages) % max(1, scale.paragraphs - 1)
        found.setdefault(min(number, scale.paragraphs - 1), []).append(correction)
    return found


# Data files ---------------------------------------------------------------------------------


def sources_data(scale: Scale) -> list[dict[str, Any]]:
    kinds = ("primary", "news", "analysis", "reference")
    return [
        {
            "id": source_id(i),
            "publisher": f"Publisher {i % 40}",
            "title": f"Report number {i} on the market",
            "authors": [f"Writer {i % 90}"],
            "published": date_of(i),
            "url": f"https://example.com/reports/{i}",
            "kind": kinds[i % len(kinds)],
            "used_for": "Figures quoted in the synthetic chapters.",
            "stake": "independent",
        }
        for i in range(scale.sources)
    ]


def glossary_data(scale: Scale) -> list[dict[str, Any]]:
    entries = []
    for i in range(scale.terms):
        entry: dict[str, Any] = {"id": term_id(i), "term": term_name(i)}
        if alias := alias_name(i):
            entry["aliases"] = [alias]
        entry |= {
            "category": _category(i),
            "short": f"A made-up {_category(i)} number {i}, defined in one plain sentence for the tooltip.",
            "long": f"The longer explanation of **{term_name(i)}**, in Markdown.\n\nIt has two paragraphs.",
            "sources": [source_id(i % scale.sources)],
        }
        if scale.terms > 1 and i % 3 == 0:
            entry["related"] = [term_id((i + 1) % scale.terms)]
        entries.append(entry)
    return entries


def events_data(scale: Scale) -> list[dict[str, Any]]:
    events = []
    for i in range(scale.events):
        event: dict[str, Any] = {
            "id": event_id(i),
            "date": f"{2021 + i % 4}-{1 + (i * 7) % 12:02d}-{1 + (i * 13) % 28:02d}",
            "precision": "day",
            "title": f"Something happened, number {i}",
            "summary": "A company did something that mattered. Analysts took note.",
            "sources": [source_id((i * 3) % scale.sources)],
            "section": page_id(i % scale.pages),
            "involved": [term_id((i * 5) % scale.terms)],
        }
        if i % 3 == 0:
            event["figures"] = [{"amount": 1.5 + i, "unit": "billion", "currency": "USD", "label": "Deal value"}]
        events.append(event)
    return events


def corrections_data(scale: Scale) -> list[dict[str, Any]]:
    kinds = ("translation", "fact", "update")
    return [
        {
            "id": correction_id(i),
            "page": f"story/{page_id(corrected_page(i, scale))}.md",
            "anchor": correction_phrase(i),
            "issued": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "kind": kinds[i % len(kinds)],
            "wrong": f"a total of {i + 1} units",
            "correction": f"The total was {i} units, not {i + 1}.",
            "sources": [source_id((i * 11) % scale.sources)],
        }
        for i in range(scale.corrections)
    ]


# The corpus' vocabulary (data/story.yml): the words the engine used before the vocabulary became a
# site's configuration, so that builds of the corpus by older and newer engines can be compared
# (scripts/same_output.py).
STORY = {
    "subject": "Alibaba",
    "currencies": {"USD": {"prefix": "$"}},
    "corrections": {
        "intro": (
            "A **translation note** decodes a name, term or fact that the machine-translated copy garbled; a "
            "**correction of fact** fixes a mistake this site made; an **update** adds information that changed "
            "what a page says."
        ),
        "kinds": {
            "fact": {"wrong_intro": "This page said", "mark": "C"},
            "update": {"wrong_intro": "This page said", "mark": "C"},
            "translation": {
                "label": "Translation note",
                "heading": "Translation notes",
                "notice": "Translation notes added",
                "wrong_intro": "The machine-translated copy read",
                "mark": "C",
            },
        },
    },
    "glossary": {"covers": "people, companies, products and ideas"},
    "sources": {
        "intro": (
            "An entry that speaks for Alibaba, for an outlet or company tied to it, or for the Chinese state says "
            "so, here and next to every note that cites it; a story republished by another site is one entry, "
            "credited to the agency or outlet that wrote it."
        )
    },
    "timeline": {"covers": "Alibaba's fall and recovery"},
}


def _dump(name: str, entries: list[dict[str, Any]]) -> str:
    header = f"# yaml-language-server: $schema={SCHEMAS / name}.schema.json\n"
    return header + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1000)


DATA_BUILDERS = {
    "sources": sources_data,
    "glossary": glossary_data,
    "events": events_data,
    "corrections": corrections_data,
}


def data_files(scale: Scale) -> Iterator[tuple[str, str]]:
    """(file name, YAML text) for every data file; a concern without a generator gets an empty list."""
    for name in ("sources", "glossary", "events", "corrections", "figures"):
        builder = DATA_BUILDERS.get(name)
        yield f"{name}.yml", _dump(name, builder(scale)) if builder else f"{_dump(name, [])}"


# Project ------------------------------------------------------------------------------------


def write_corpus(project: Path, scale: Scale) -> Path:
    """Write a buildable synthetic site (docs/, data/, mkdocs.yml with hooks) into `project`."""
    shutil.rmtree(project, ignore_errors=True)
    story = project / "docs" / "story"
    story.mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Synthetic explainer\n\nA corpus for timing the build.\n")
    for index in range(scale.pages):
        (story / f"{page_id(index)}.md").write_text(page_markdown(index, scale), encoding="utf-8")
    (project / "data").mkdir()
    for name, text in data_files(scale):
        (project / "data" / name).write_text(text, encoding="utf-8")
    (project / "data" / "story.yml").write_text(_dump("story", STORY), encoding="utf-8")
    write_config(project, nav=SYNTHETIC_NAV)
    return project


def write_config(project: Path, nav: list, repo: Path = REPO) -> None:
    """mkdocs.yml (`repo`'s configuration, hooks by absolute path) and mkdocs-no-hooks.yml (the same without hooks).

    `repo` is this checkout unless another one's hooks and templates are wanted (scripts/same_output.py).
    """
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(repo / hook) for hook in config["hooks"]]
    if "custom_dir" in config["theme"]:
        config["theme"]["custom_dir"] = str(repo / config["theme"]["custom_dir"])
    config["watch"] = [str(project / "data")]
    if nav is not None:
        config["nav"] = nav
    if nav is SYNTHETIC_NAV:
        config["not_in_nav"] = "/story/"  # story pages are built but not listed
    _write_yaml(project / CONFIG_WITH_HOOKS, config)
    config.pop("hooks")
    _write_yaml(project / CONFIG_WITHOUT_HOOKS, config)


def copy_real_site(project: Path) -> Path:
    """The real site's pages and data, with the two configurations, in `project` (a snapshot for timing)."""
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "data", project / "data")
    real = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    write_config(project, nav=real["nav"])
    return project


def _write_yaml(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True), encoding="utf-8")


def schema_of(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))

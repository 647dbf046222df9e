"""A page's front matter: only the keys the site knows, and every value the theme prints as plain text.

Material prints front-matter values into every page without escaping them: the title and
description in the head, the subtitle and status in the navigation (on every page of the site),
the icon as the name of a file it includes. So:

- a key the site does not know is refused with the list of those it knows (KNOWN_KEYS), so a
  value no check looks at never reaches a template (`template:` would pick the page's template);
- text the theme prints (title, description, subtitle) is plain text: a string, without < or >
  and without character references (&lt;), so no value can become markup wherever it is printed;
- keyword values are keywords: `status` a word, `icon` a path of words (material/alert), `hide`
  a list of the parts Material can hide, `search` only `exclude` and `boost`.

Both forms MkDocs reads are checked: YAML between `---` lines (read again here, for its lines), and
MultiMarkdown-style `key: value` lines at the top of the page (as MkDocs read them: the page's
`meta`). Each problem is `docs/page.md:LINE: front matter ...`.

`safe_front_matter` makes what a template would print harmless even where the build goes on
with the problem (`mkdocs serve`, which shows the problems in a box on every page and must not
run a page's script in the reviewer's browser): an unknown key or an unusable keyword is dropped,
printed text that is not plain is escaped (markupsafe.Markup, which templates do not escape
twice). Sound front matter is left exactly as written.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from .errors import DataError, Problem
from .yamlfile import parse_yaml  # the data files' reader: lines, strict keys, invisible characters

TEXT_KEYS = ("title", "description", "subtitle")  # printed by the theme as text
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
KNOWN_KEYS = {
    "title": "the page's title (plain text)",
    "description": "one sentence for search engines and link previews (plain text)",
    "subtitle": "shown under the title in the navigation (plain text)",
    "status": "a badge in the navigation: new or deprecated",
    "icon": "an icon in the navigation, e.g. material/alert",
    "hide": f"parts of the page to hide: {', '.join(HIDE_VALUES)}",
    "search": "exclude: true, or boost: a number",
    "glossary": "which glossary terms are marked: first, every or off",
    "retold": "false on a story page of the site's own reporting: no 'Retold from' line under its title",
}
_KEYWORD = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_ICON = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}(/[a-z0-9][a-z0-9_-]{0,79}){1,3}")
# Numeric references work without their ';', named ones need it (so "AT&T" is text).
_CHARACTER_REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)")
# How MkDocs finds a page's front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def front_matter_problems(page_text: str, name: str, *, meta: dict[str, Any] | None = None) -> list[Problem]:
    """Every problem in a page's front matter (`name`: the page as contributors see it, docs/about.md).

    `meta` is the front matter as MkDocs read it (`page.meta`): for a page without a YAML block, its
    MultiMarkdown-style lines (without it, only a YAML block is checked).
    """
    match = _FRONT_MATTER.match(page_text)
    if not match:
        return _multimarkdown_problems(page_text, name, meta or {})
    try:
        document = parse_yaml(("\n" + match.group(1)).encode("utf-8"), name)  # keeps the page's line numbers
    except DataError as error:
        return [Problem(problem.file, problem.line, f"front matter: {problem.message}") for problem in error.problems]
    if document.data is None:
        return []
    if not isinstance(document.data, dict):
        return [Problem(name, 2, "front matter must be 'key: value' lines")]
    return [
        document.problem((key,), message)
        for key, value in document.data.items()
        if (message := value_problem(key, value))
    ]


def _multimarkdown_problems(page_text: str, name: str, meta: dict[str, Any]) -> list[Problem]:
    """The `key: value` lines MkDocs reads as front matter when a page does not start with `---` (`meta`)."""
    lines = page_text.split("\n", 64)[:64]
    problems = []
    for key, value in meta.items():
        line = next((number for number, text in enumerate(lines, 1) if text.lstrip().lower().startswith(f"{key}:")), 1)
        if message := value_problem(key, value):
            problems.append(Problem(name, line, message))
    return problems


def value_problem(key: Any, value: Any) -> str:
    """Why `key: value` may not be in a page's front matter ('' if it may)."""
    if key not in KNOWN_KEYS:
        return f"front matter {str(key)!r} is not a key the site knows; use one of: {', '.join(sorted(KNOWN_KEYS))}"
    if key in TEXT_KEYS:
        return _text_problem(key, value)
    if key == "status" and not (isinstance(value, str) and _KEYWORD.fullmatch(value)):
        return "front matter 'status' must be one word of lowercase letters, digits and hyphens (new, deprecated)"
    if key == "icon" and not (isinstance(value, str) and _ICON.fullmatch(value)):
        return "front matter 'icon' must be an icon's name, lowercase words and slashes: material/alert"
    if key == "hide":
        items = value if isinstance(value, list) else [value]
        if wrong := [item for item in items if item not in HIDE_VALUES]:
            return f"front matter 'hide' cannot hide {wrong[0]!r}; use a list of: {', '.join(HIDE_VALUES)}"
    if key == "retold" and not isinstance(value, bool):
        return "front matter 'retold' must be true or false"
    if key == "search" and not _search_ok(value):
        return "front matter 'search' takes exclude: true or false, and boost: a number from 0 to 10"
    return ""


def _text_problem(key: str, value: Any) -> str:
    if not isinstance(value, str):
        return f"front matter '{key}' must be text (quote it)"
    if "<" in value or ">" in value:
        return f"front matter '{key}' is plain text: write it without < or > (no HTML)"
    if found := _CHARACTER_REFERENCE.search(value):
        return f"front matter '{key}' is plain text: write the character itself, not {found.group()!r}"
    return ""


def _search_ok(value: Any) -> bool:
    if not isinstance(value, dict) or not set(value) <= {"exclude", "boost"}:
        return False
    boost = value.get("boost", 1)
    return isinstance(value.get("exclude", False), bool) and (
        isinstance(boost, int | float) and not isinstance(boost, bool) and 0 <= boost <= 10
    )


def safe_front_matter(meta: dict[str, Any]) -> None:
    """Make a page's front matter harmless to print, in place: sound values are left as they are."""
    for key, value in list(meta.items()):
        if not value_problem(key, value):
            continue
        if key in TEXT_KEYS:
            meta[key] = Markup(escape(value if isinstance(value, str) else str(value)))
        else:
            del meta[key]

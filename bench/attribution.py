"""Whose code a profiled build spends its CPU in: `python attribution.py BUILD.prof`.

Every function's own time (cProfile's `tottime`, nothing counted twice) goes to the owner of its
file: the engine (engine/src/: the explainer core, its Markdown extensions and MkDocs layer; and
the site's hook files in hooks/),
Python-Markdown (with pymdown-extensions), MkDocs with Material and Jinja2 (templates, search
index, writing files), the data libraries (PyYAML, jsonschema and what it needs), or other.
Python's standard library and built-in functions (regexes, html.parser, list.index, libyaml's C
parser...) belong to no one on their own: their time is split among their callers, by the time
each caller spent in them (pstats' per-caller figures), and followed up the call graph until it
reaches code that has an owner. So `re.sub` called by a glossary function counts for the
engine, the same `re.sub` called by Python-Markdown for Python-Markdown.
"""

from __future__ import annotations

import pstats
import sys
import sysconfig
from collections import Counter
from pathlib import Path

ENGINE = "engine (engine/ and hooks/)"
MARKDOWN = "Python-Markdown + pymdown-extensions"
MKDOCS = "MkDocs + Material + Jinja2"
DATA = "data libraries (PyYAML, jsonschema)"
OTHER = "other"
OWNERS = (ENGINE, MARKDOWN, MKDOCS, DATA, OTHER)

_PACKAGES = {
    "markdown": MARKDOWN,
    "pymdownx": MARKDOWN,
    "mkdocs": MKDOCS,
    "material": MKDOCS,
    "jinja2": MKDOCS,
    "markupsafe": MKDOCS,
    "babel": MKDOCS,
    "backrefs": MKDOCS,
    "pathspec": MKDOCS,
    "mergedeep": MKDOCS,
    "yaml": DATA,
    "_yaml": DATA,
    "jsonschema": DATA,
    "jsonschema_specifications": DATA,
    "referencing": DATA,
    "rpds": DATA,
    "attr": DATA,
    "attrs": DATA,
}
_STDLIB = sysconfig.get_paths()["stdlib"]
Function = tuple[str, int, str]  # pstats' key: (file, line, name)


def owner_of(function: Function, hooks_dir: str | tuple[str, ...], templates: tuple[str, ...] = ()) -> str | None:
    """Who owns a function's code; None for the standard library and built-ins (their callers pay)."""
    path, _, name = function
    if path.startswith(hooks_dir):
        return ENGINE
    if path == "~":
        return DATA if "_yaml." in name or "rpds." in name else None  # libyaml's parser is a C extension
    if path.startswith("<attrs generated"):
        return DATA  # methods attrs writes for jsonschema's and referencing's classes
    if "site-packages/" in path:
        return _PACKAGES.get(path.split("site-packages/", 1)[1].split("/", 1)[0], OTHER)
    if path.endswith(".html") or path.startswith(templates):
        return MKDOCS  # a compiled Jinja2 template of Material's (the engine's theme/ is under hooks_dir: the engine's)
    if path.startswith((_STDLIB, "<frozen", "<string>")):
        return None
    return OTHER


class Attribution:
    """Splits the own time of every profiled function among the owners (see the module docstring)."""

    def __init__(self, stats: pstats.Stats, hooks_dir: str | tuple[str, ...], templates: tuple[str, ...] = ()):
        self.stats = stats.stats  # type: ignore[attr-defined]
        self.hooks_dir = hooks_dir
        self.templates = templates
        self._shares: dict[Function, Counter] = {}

    def seconds_by_owner(self) -> dict[str, float]:
        totals: Counter = Counter({owner: 0.0 for owner in OWNERS})
        for function, (_, _, own_time, _, callers) in self.stats.items():
            owner = owner_of(function, self.hooks_dir, self.templates)
            if owner is not None:
                totals[owner] += own_time
                continue
            for caller, (_, _, time_under_caller, _) in callers.items():
                for payer, share in self._shares_of(caller).items():
                    totals[payer] += time_under_caller * share
            if not callers:
                totals[OTHER] += own_time
        return dict(totals)

    def _shares_of(self, function: Function, visiting: frozenset = frozenset()) -> Counter:
        """Which owners `function`'s time belongs to, as fractions summing to 1."""
        if (owner := owner_of(function, self.hooks_dir, self.templates)) is not None:
            return Counter({owner: 1.0})
        if function in self._shares:
            return self._shares[function]
        callers = self.stats.get(function, (0, 0, 0, 0, {}))[4]
        weights = {caller: figures[3] for caller, figures in callers.items() if caller not in visiting}
        total = sum(weights.values())
        shares: Counter = Counter()
        if total <= 0:
            shares[OTHER] = 1.0
        else:
            for caller, weight in weights.items():
                for payer, share in self._shares_of(caller, visiting | {function}).items():
                    shares[payer] += share * weight / total
        self._shares[function] = shares  # in a cycle, the callers already being followed are left out
        return shares


def attribute(profile: Path, engine_dirs: tuple[Path, ...], templates: tuple[Path, ...] = ()) -> dict[str, float]:
    """CPU seconds of a cProfile dump (pstats file) by owner."""
    stats = pstats.Stats(str(profile))
    prefixes = tuple(str(path) + "/" for path in engine_dirs)
    return Attribution(stats, prefixes, tuple(str(path) + "/" for path in templates)).seconds_by_owner()


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[1]
    seconds = attribute(
        Path(sys.argv[1]), (repo / "engine" / "src", repo / "hooks"), (repo / "engine" / "src" / "explainer" / "theme",)
    )
    whole = sum(seconds.values())
    for name, value in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"{value:8.2f} s {value / whole * 100:5.1f} %  {name}")  # noqa: T201 - a command-line tool

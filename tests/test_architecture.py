"""The shape of the code: the core imports no MkDocs, imports form no cycle (between modules, and
between the packages of the concerns), and our Markdown processors run at priorities no other
processor of the site uses (so the output never depends on the order in which extensions happen to
be registered)."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ENGINE, REPO
from markdown import Markdown
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HOOKS = ENGINE  # the engine's packages
CORE = HOOKS / "explainer"
OURS = ("explainer", "explainer_mkdocs")
# The quick check's command stays `python -m explainer.validate`; it only starts the check, which is the
# build, from the MkDocs layer.
LAUNCHER = "explainer.validate"
CONCERNS = ("sources", "glossary", "events", "corrections", "figures")


def module_name(path: Path) -> str:
    parts = path.relative_to(HOOKS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def syntax_tree(path: Path) -> ast.Module:
    """The module's syntax tree, parsed once per process: up to seven tests below walk each module, none changes it."""
    return ast.parse(path.read_text(encoding="utf-8"))


def runtime_imports(path: Path, runtime_only: bool = True) -> Iterator[str]:
    """Every module `path` imports when it runs (imports under `if TYPE_CHECKING:` are for annotations only),
    or with `runtime_only` false every module it names in an import."""
    tree = syntax_tree(path)
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    type_only = {
        id(node)
        for statement in ast.walk(tree)
        if runtime_only and isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test)
        for child in statement.body
        for node in ast.walk(child)
    }
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield base
            # `from . import x` and `from .pkg import module` import submodules too
            yield from (f"{base}.{alias.name}" for alias in node.names)


def all_imports(path: Path) -> Iterator[str]:
    """Every module `path` names in an import, annotations included."""
    for node in ast.walk(syntax_tree(path)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def our_modules() -> dict[str, Path]:
    return {module_name(path): path for package in OURS for path in sorted((HOOKS / package).rglob("*.py"))}


def import_graph(runtime_only: bool = True) -> dict[str, set[str]]:
    modules = our_modules()
    return {
        name: {target for target in runtime_imports(path, runtime_only) if target in modules} - {name}
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a list of modules (first == last), or [] if it has none."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_the_core_imports_no_mkdocs():
    offenders = {
        module_name(path): sorted(name for name in all_imports(path) if name.split(".")[0] in ("mkdocs", "material"))
        for path in sorted(CORE.rglob("*.py"))
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_the_core_imports_nothing_of_the_mkdocs_layer():
    offenders = {
        module_name(path): sorted(name for name in all_imports(path) if name.split(".")[0] == "explainer_mkdocs")
        for path in sorted(CORE.rglob("*.py"))
        if module_name(path) != LAUNCHER
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_the_launcher_of_the_quick_check_only_starts_it():
    assert set(all_imports(CORE / "validate.py")) == {"__future__", "sys", "explainer_mkdocs.quickcheck"}


def test_our_modules_import_each_other_without_cycles():
    graph = import_graph()
    assert len(graph) > 20  # the walk found the packages
    assert find_cycle(graph) == []


def test_not_even_the_imports_for_annotations_make_a_cycle():
    graph = import_graph(runtime_only=False)
    assert find_cycle(graph) == []


def package_of(module: str) -> str:
    """The package a module belongs to: a concern's ('explainer.events'), or the core's or layer's top level."""
    parts = module.split(".")
    return (
        ".".join(parts[:2])
        if parts[0] == "explainer" and (CORE / parts[1] if len(parts) > 1 else CORE).is_dir()
        else parts[0]
    )


def test_the_concern_packages_import_each_other_without_cycles():
    """A concern may use another (events cite sources), never both ways (events drew figures' charts, whose
    records took the story's range from events): tests of modules alone do not see a cycle of packages."""
    packages: dict[str, set[str]] = {}
    for module, targets in import_graph(runtime_only=False).items():
        packages.setdefault(package_of(module), set()).update(package_of(target) for target in targets)
    concerns = {
        name: targets & {f"explainer.{c}" for c in CONCERNS} - {name}
        for name, targets in packages.items()
        if name in {f"explainer.{c}" for c in CONCERNS}
    }
    assert len(concerns) == 5
    assert find_cycle(concerns) == []


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_relative_imports_are_resolved(tmp_path: Path):
    graph = import_graph()
    assert "explainer.errors" in graph["explainer.data"]
    assert "explainer.context" in graph["explainer_mkdocs.hooks"]


# Processor priorities --------------------------------------------------------------------------


def site_markdown(monkeypatch: pytest.MonkeyPatch) -> Markdown:
    """The Markdown instance MkDocs makes to convert a page of the real site: its extensions, ours, MkDocs' own."""
    config = load_config(str(REPO / "mkdocs.yml"))
    config = config.plugins.on_config(config)  # the hooks add our extensions here
    page_file = File("index.md", str(REPO / "docs"), "/tmp/site", use_directory_urls=True)
    page = Page(None, page_file, config)
    page.markdown = ""
    converted_by: list[Markdown] = []
    monkeypatch.setattr(Markdown, "convert", lambda md, text: converted_by.append(md) or "")
    page.render(config, Files([page_file]))
    return converted_by[0]


REGISTRIES = ("preprocessors", "blockprocessors", "treeprocessors", "inlinePatterns", "postprocessors")


def registry(md: Markdown, kind: str):
    return md.parser.blockprocessors if kind == "blockprocessors" else getattr(md, kind)


@pytest.fixture(scope="module")
def processors() -> dict[str, list[tuple[float, str]]]:
    """The real site's processors by kind, read once for the module (the hooks' on_config runs for it, no build)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        md = site_markdown(monkeypatch)
    return {kind: [(item.priority, item.name) for item in registry(md, kind)._priority] for kind in REGISTRIES}


def test_each_of_our_processors_has_a_priority_of_its_own(processors):
    ours = [
        (kind, priority, name) for kind, items in processors.items() for priority, name in items if "explainer" in name
    ]
    assert len(ours) >= 6
    for kind, priority, name in ours:
        others = [other for other_priority, other in processors[kind] if other_priority == priority and other != name]
        assert others == [], f"{kind} '{name}' shares priority {priority} with {others}"


def test_our_treeprocessors_run_before_mkdocs_rewrites_links(processors):
    """MkDocs' 'relpath' (priority 0) turns our links to .md files into page addresses and checks them.

    One runs after it on purpose: it renames the links relpath checked inside a chart's SVG to
    xlink:href (Material's instant navigation throws on an SVG link's href), and writes no link."""
    relpath = dict((name, priority) for priority, name in processors["treeprocessors"])["relpath"]
    ours = {name: priority for priority, name in processors["treeprocessors"] if "explainer" in name}
    after = {name for name, priority in ours.items() if priority <= relpath}
    assert ours and after == {"explainer-chart-svg-links"}, ours

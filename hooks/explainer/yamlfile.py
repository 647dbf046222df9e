"""Reading a YAML data file into plain values, remembering the line of every value.

The loader is strict where PyYAML is lenient: duplicate keys, tabs, a byte-order mark,
bytes that are not UTF-8, aliases and non-standard tags are all problems with a line number.
Dates stay as text; their meaning is checked by `explainer.dates`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem

_ALIAS_PROBLEM = "aliases (*name) are not supported; write the value out in full"
_MAX_DEPTH = 50
_DEPTH_PROBLEM = f"values are nested more than {_MAX_DEPTH} levels deep"

# How MkDocs finds a page's front matter (mkdocs.utils.meta.YAML_RE); it shows a broken one as page text.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_TEXT_KEYS = ("title", "description")

Path_ = tuple  # a path into the data: keys and list indexes, e.g. (3, "sources", 0)

# What the YAML reader refuses in the file itself, plus direction overrides that can make text read
# differently from how it is stored (U+202A-U+202E, U+2066-U+2069).
_UNPRINTABLE = re.compile(yaml.reader.Reader.NON_PRINTABLE.pattern + "|[\u202a-\u202e\u2066-\u2069]")
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge"}
_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings (PyYAML would turn 2023-02-30 into an error)."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        # Aliases would let a few lines expand into gigabytes ("billion laughs") and hang the build;
        # deep nesting would exhaust Python's recursion limit. Both are refused with a line number.
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, _ALIAS_PROBLEM, self.peek_event().start_mark)
        if self.depth >= _MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, _DEPTH_PROBLEM, self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


# Dates stay text; `<<` stays a plain key (so the schema reports it as unknown, not a constructor error).
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FastLoader: type | None = None
# Where libyaml and PyYAML disagree (found by fuzzing both): tabs, tags, `|#`, `?` in flow
# collections, document markers. Such text is rare in data files and goes to the careful loader.
_LEFT_TO_CAREFUL = re.compile(r"\t|(?:^|[\s\[{,])!|[|>][^\n]*#|[\[{][^\]}]*\?|^(?:---|\.\.\.)", re.MULTILINE)
if yaml.__with_libyaml__:

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser with the same resolvers: dates and `<<` stay text."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


@dataclass
class YamlDocument:
    """A data file's values plus the line on which each value starts."""

    name: str  # repo-relative path used in messages, e.g. "data/events.yml"
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest located parent."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), message)


def load_yaml(path: Path, name: str) -> YamlDocument:
    """Read and parse one data file; raise DataError with a file:line message if it is malformed."""
    return parse_yaml(path.read_bytes(), name)


def parse_yaml(raw: bytes, name: str) -> YamlDocument:
    """Parse YAML bytes (see load_yaml)."""
    text = _decode(raw, name)
    return _parse_fast(text, name) or _parse_careful(text, name)


def _parse_fast(text: str, name: str) -> YamlDocument | None:
    """Parse with libyaml (about 4x faster); None if unavailable or the text has any problem.

    Problems are left to `_parse_careful`, so every message reads the same with or without libyaml;
    so is text where the two parsers disagree (see _LEFT_TO_CAREFUL). libyaml caps nesting at
    1000 levels, so its recursion cannot overflow the stack.
    """
    if _FastLoader is None or _LEFT_TO_CAREFUL.search(text):
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and not _plain_tree(node):
            return None
        document = YamlDocument(name, None, {(): 1})
        if node is not None:
            document.data = _build(node, (), document, loader)
        return document
    except (yaml.YAMLError, DataError):
        return None
    finally:
        loader.dispose()


def _plain_tree(root: yaml.Node) -> bool:
    """True if no node is reached twice (an alias) and nothing nests deeper than the careful loader allows."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > _MAX_DEPTH:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
    return True


def _parse_careful(text: str, name: str) -> YamlDocument:
    """Parse with PyYAML's pure-Python loader, which reports every problem with its line."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        raise DataError([_unprintable_problem(error, name, text)]) from None
    try:
        node = loader.get_single_node()
        document = YamlDocument(name, None, {(): 1})
        if node is not None:
            document.data = _build(node, (), document, loader)
        return document
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, name, text)]) from None
    finally:
        loader.dispose()


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError([Problem(name, 1, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DataError([Problem(name, line, "is not valid UTF-8 text; save it as UTF-8")]) from None


def _unprintable_problem(error: yaml.reader.ReaderError, name: str, text: str) -> Problem:
    line = text.count("\n", 0, error.position) + 1
    return Problem(name, line, _control_message(chr(error.character)))


def _control_message(character: str) -> str:
    return f"contains the control character U+{ord(character):04X}, which data files may not hold; delete it"


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "invalid YAML"
    source_lines = text.splitlines()
    offending = source_lines[line - 1] if line <= len(source_lines) else ""
    if "\\t" in problem or "\t" in offending:
        return Problem(name, line, "YAML syntax error: tab character; indent with spaces")
    # An unclosed quote is noticed later (at the next quote, or the end of the file): name where it opens.
    if error.context == "while scanning a quoted scalar" and error.context_mark:
        return Problem(name, error.context_mark.line + 1, "YAML syntax error: this quoted text has no closing quote")
    if error.context in _UNCLOSED and error.context_mark and error.context_mark.line + 1 < line:
        return Problem(name, error.context_mark.line + 1, f"YAML syntax error: {_UNCLOSED[error.context]}")
    if opened := _quote_running_onto(text, line):
        return Problem(name, opened, f"YAML syntax error: quoted text starting here runs on to line {line}; close it")
    return Problem(name, line, f"YAML syntax error: {problem}")


_UNCLOSED = {
    "while parsing a flow sequence": "the list opened with [ on this line is not closed with ]",
    "while parsing a flow mapping": "the mapping opened with { on this line is not closed with }",
}


def _quote_running_onto(text: str, line: int) -> int | None:
    """The line where a quoted value ending on `line` began, if it spans several lines."""
    opened = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style and token.end_mark.line + 1 == line:
                opened = token.start_mark.line + 1 if token.start_mark.line + 1 < line else None
    except yaml.YAMLError:
        pass
    return opened


def _build(node: yaml.Node, path: Path_, document: YamlDocument, loader: yaml.BaseLoader) -> Any:
    document.lines[path] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        raise DataError([Problem(document.name, node.start_mark.line + 1, f"unsupported YAML tag {node.tag!r}")])
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, document, loader)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, index), document, loader) for index, item in enumerate(node.value)]
    value = loader.construct_object(node)
    line = node.start_mark.line + 1
    if isinstance(value, str) and (unprintable := _UNPRINTABLE.search(value)):
        # An escape like "\x02" gets past the reader; Python-Markdown uses \x02/\x03 to mark stashed HTML.
        raise DataError([Problem(document.name, line, _control_message(unprintable.group()))])
    if isinstance(value, float) and not math.isfinite(value):
        raise DataError([Problem(document.name, line, f"{node.value} is not a number a reader can use; write one")])
    return value


def _build_mapping(node: yaml.MappingNode, path: Path_, document: YamlDocument, loader: yaml.BaseLoader) -> dict:
    result: dict = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise DataError([Problem(document.name, line, "a key must be plain text")])
        key = loader.construct_object(key_node)
        if key in result:
            raise DataError([Problem(document.name, line, f"duplicate key {key!r}")])
        result[key] = _build(value_node, (*path, key), document, loader)
        document.lines[(*path, key)] = line
    return result


def front_matter_problems(page_text: str, name: str) -> list[Problem]:
    """Problems in a page's front matter, which MkDocs would otherwise print on the page as text."""
    match = _FRONT_MATTER.match(page_text)
    if not match:
        return []
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
        for key in _TEXT_KEYS
        if key in document.data and (message := _text_value_problem(key, document.data[key]))
    ]


def _text_value_problem(key: str, value: Any) -> str:
    """Why a front-matter title or description is unusable ('' if it is fine).

    The theme prints both into every page's head and navigation; Material's templates do not
    escape them, so they are plain text, like the data files' plain-text fields.
    """
    if not isinstance(value, str):
        return f"front matter '{key}' must be text (quote it)"
    if "<" in value or ">" in value:
        return f"front matter '{key}' is plain text: write it without < or > (no HTML)"
    return ""

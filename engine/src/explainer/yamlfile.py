"""Reading a YAML data file into plain values, remembering the line of every value.

The loader is strict where PyYAML is lenient: duplicate keys, tabs, a byte-order mark,
bytes that are not UTF-8, aliases and non-standard tags are all problems with a line number.
Dates stay as text; their meaning is checked by `explainer.dates`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .repository import read_capped

# Limits, checked before the parts they protect: a data file as large as the benchmark's 4x corpus
# (bench/corpus.py: 8,000 glossary entries, 2.3 MB) still fits; anything larger is refused at once.
MAX_DATA_FILE_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_DEPTH = 20  # data files need 5 levels: the list, an entry, its figures, a figure, a value
# PyYAML's pure-Python reader costs 3 to 15 µs a byte; larger files are read by libyaml alone.
CAREFUL_READER_MAX_BYTES = 128 * 1024

_ALIAS_PROBLEM = "aliases (*name) are not supported; write the value out in full"
_DEPTH_PROBLEM = f"values are nested more than {MAX_DEPTH} levels deep, the limit for YAML in this project"


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
        if self.depth >= MAX_DEPTH:
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
# Where libyaml and PyYAML disagree (found by fuzzing both), rare in data files, left to the careful loader:
# a tab; `!` at a line's start or after whitespace, `[`, `{` or `,`; `|` or `>` then `#` on the line; `[` or
# `{` then `?` before the next bracket; `---` or `...` starting a line. Each is found from its first
# character (the regex engine skips to those in C, about 7x faster), each branch asking what it was; a run
# stops at the next `|`, `>`, `[` or `{` (the nearest decides the same match), so the search is linear.
_LEFT_TO_CAREFUL = re.compile(
    r"[\t!|>\[{\n](?:(?<=\t)|(?<=[\s\[{,]!)|(?<=[|>])[^\n|>]*#|(?<=[\[{])[^\[{\]}]*\?|(?<=\n)(?:---|\.\.\.))"
)
_CAREFUL_STARTS = ("!", "---", "...")  # at the start of the text, where no character comes before


def _needs_careful(text: str) -> bool:
    """True for text where libyaml and PyYAML may disagree (see _LEFT_TO_CAREFUL)."""
    return text.startswith(_CAREFUL_STARTS) or _LEFT_TO_CAREFUL.search(text) is not None


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
    rendered: dict[Path_, Any] = field(default_factory=dict)  # Markdown fields, rendered and checked (explainer.data)
    # Entries (by index) whose shape is wrong: reported, and left out of the records (explainer.data).
    unusable: frozenset[int] = frozenset()
    unnamed: frozenset[int] = frozenset()  # of those, entries whose id is missing or malformed

    def line_of(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest located parent."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), message)


def mappings_in(value: Any) -> Iterator[dict]:
    """Every mapping in plain values (a data file's, a schema's), each before those inside it."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from mappings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from mappings_in(item)


def load_yaml(path: Path, name: str) -> YamlDocument:
    """Read and parse one data file; raise DataError with a file:line message if it is malformed."""
    return parse_data_file(read_data_file(path, name), name)


def read_data_file(path: Path, name: str) -> bytes:
    """A data file's bytes, within the limit for a data file (explainer.repository.read_capped)."""
    not_a_file = "is not a file (a device, FIFO or socket); put the data file here"
    return read_capped(path, MAX_DATA_FILE_BYTES, name, _over_size, not_a_file)


def parse_data_file(raw: bytes, name: str) -> YamlDocument:
    """Parse a data file's bytes, within the limits for a data file (size, entries, depth)."""
    if len(raw) > MAX_DATA_FILE_BYTES:
        raise DataError([Problem(name, 1, _over_size(len(raw)))])
    return parse_yaml(raw, name, max_entries=MAX_ENTRIES)


def _over_size(size: int) -> str:
    limit = f"{MAX_DATA_FILE_BYTES:,}-byte ({MAX_DATA_FILE_BYTES // 2**20} MB)"
    return f"{size:,} bytes is over the {limit} limit for a data file"


def parse_yaml(raw: bytes, name: str, max_entries: int | None = None) -> YamlDocument:
    """Parse YAML bytes (see load_yaml); a top-level list longer than `max_entries` is refused.

    libyaml reads first (about 4x faster); text the two parsers may disagree on (see _LEFT_TO_CAREFUL), or with
    any problem, goes to PyYAML's careful loader, which words every message, with or without libyaml. A list
    over the entry limit is refused by libyaml, not read again by the careful loader. A file too large for the
    careful loader (several µs a byte) gets libyaml alone: its reading of the rare constructs the two disagree
    on, and its wording of syntax errors; every check of our own still applies. libyaml caps nesting at 1000
    levels, so its recursion cannot overflow the stack.
    """
    text = _decode(raw, name)
    if _FastLoader is not None and len(raw) > CAREFUL_READER_MAX_BYTES:
        if unprintable := _UNPRINTABLE.search(text):  # as PyYAML's reader would, in the whole file (see _UNPRINTABLE)
            line = text.count("\n", 0, unprintable.start()) + 1
            raise DataError([Problem(name, line, _control_message(unprintable.group()))])
        return _parse(text, name, max_entries, _FastLoader)
    if _FastLoader is not None and not _needs_careful(text):
        try:
            return _parse(text, name, max_entries, _FastLoader)
        except _OverTheLimit:
            raise
        except DataError:
            pass
    return _parse(text, name, max_entries, _Loader)


def _parse(text: str, name: str, max_entries: int | None, loader_class: type) -> YamlDocument:
    """Parse with `loader_class` (libyaml's, or the careful loader, which reports every problem with its line)."""
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:  # PyYAML's reader checks the whole text first
        line = text.count("\n", 0, error.position) + 1
        raise DataError([Problem(name, line, _control_message(chr(error.character)))]) from None
    try:
        node = loader.get_single_node()
        if node is not None and (problem := _tree_problem(node)):
            raise DataError([Problem(name, problem[0].start_mark.line + 1, f"YAML syntax error: {problem[1]}")])
        # A top-level list over the limit is refused before its entries are built or validated.
        if max_entries is not None and isinstance(node, yaml.SequenceNode) and len(node.value) > max_entries:
            message = f"{len(node.value):,} entries is over the {max_entries:,} limit for a data file"
            raise _OverTheLimit([Problem(name, node.value[max_entries].start_mark.line + 1, message)])
        return _document(node, name, loader)
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, name, text, scan_quotes=loader_class is not _FastLoader)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, 1, f"YAML syntax error: {error}")]) from None
    finally:
        loader.dispose()


def _document(node: yaml.Node | None, name: str, loader: yaml.BaseLoader) -> YamlDocument:
    document = YamlDocument(name, None, {(): 1})
    loader.explainer_problems = []  # every unusable value of the file, reported together (`_scalar`)
    if node is not None:
        document.data = _build(node, (), document, loader)
    if loader.explainer_problems:
        raise DataError(loader.explainer_problems)
    return document


class _OverTheLimit(DataError):
    """A top-level list over the entry limit."""


def _tree_problem(root: yaml.Node) -> tuple[yaml.Node, str] | None:
    """A node reached twice (an alias) or nested deeper than the careful loader allows, and why (libyaml's loader
    checks neither; the careful loader refuses both as it reads, at the alias's own line)."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return node, _ALIAS_PROBLEM
        if depth > MAX_DEPTH:
            return node, _DEPTH_PROBLEM
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in node.value for part in pair]
    return None


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError([Problem(name, 1, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM")])
    return decode_utf8(raw, name)


def decode_utf8(raw: bytes, name: str) -> str:
    """The text of a file's bytes; DataError naming the first byte that is not UTF-8, and where."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 (byte 0x{raw[error.start]:02X} at offset {error.start}); save the file as UTF-8"
        raise DataError([Problem(name, line, message)]) from None


def _control_message(character: str) -> str:
    return f"contains the control character {_code_point(character)}, which data files may not hold; delete it"


def _code_point(character: str) -> str:
    """'U+200B ZERO WIDTH SPACE' (the name, where Unicode gives one)."""
    name = unicodedata.name(character, "")
    if not name and unicodedata.category(character) == "Co":
        name = "(a private-use character)"
    return f"U+{ord(character):04X}{' ' + name if name else ''}"


# Characters a reader cannot see, or that change how the text around them is shown: format characters
# (zero-width spaces and joiners, direction marks, embeddings, overrides and isolates, the byte-order mark,
# soft hyphens, tags), private-use characters, line and paragraph separators, and blank fillers.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Co", "Cs", "Zl", "Zp"})
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def invisible_character(text: str) -> str | None:
    """The first character of `text` a reader cannot see or that reorders the text (None if there is none);
    each distinct character is looked up once, so a long text costs one pass in C and a look-up per character used."""
    if text.isascii():
        return None
    bad = {
        character
        for character in set(text)
        if character in _INVISIBLE_EXTRA
        or unicodedata.category(character) in _INVISIBLE_CATEGORIES
        or (unicodedata.category(character) == "Cc" and character not in "\t\n\r")
    }
    return min(bad, key=text.index) if bad else None


def _invisible_message(character: str) -> str:
    if character in _DIRECTION_CONTROLS:
        why = "it changes the order in which text around it is shown"
    else:
        why = "readers cannot see it, and it can hide or join words"
    return (
        f"contains the invisible character {_code_point(character)}, which data files may not hold ({why}); delete it"
    )


# Marks, embeddings, overrides and isolates: they change the order in which the text around them is shown.
_DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Numbers: what a chart can draw and a reader can read. Larger numbers belong in a larger unit.
MAX_NUMBER = 10**15  # a thousand trillion
MIN_NUMBER = 1e-9  # the smallest size other than 0
MAX_NUMBER_CHARS = 32  # as written: a number with hundreds of digits costs Python seconds to read
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG, _NULLS = "tag:yaml.org,2002:null", ("", "~", "null", "Null", "NULL")  # YAML 1.1's nulls
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq": yaml.SequenceNode, "tag:yaml.org,2002:map": yaml.MappingNode}
_TAG_KINDS = {
    f"tag:yaml.org,2002:{name}": kind
    for name, kind in [
        ("str", "text"),
        ("int", "an integer"),
        ("float", "a number"),
        ("bool", "true or false"),
        ("null", "null"),
        ("seq", "a list"),
        ("map", "a mapping"),
    ]
}


def number_problem(value: int | float, written: str) -> str:
    """Why a number is no use on a page or a chart ('' if it is fine)."""
    if abs(value) > MAX_NUMBER:
        size, limit, unit = "large", "the limit is 10^15, a thousand trillion", "larger"
    elif value and abs(value) < MIN_NUMBER:
        size, limit, unit = "small", "the smallest is 10^-9, other than 0", "smaller"
    else:
        return ""
    return f"{written} is too {size} for a chart to draw ({limit}); check the number, or give it in a {unit} unit"


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str, scan_quotes: bool = True) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "invalid YAML"
    if problem == "exceeded maximum nesting depth":  # libyaml's own cap (1000 levels), far past ours
        problem = _DEPTH_PROBLEM
    if problem in (_ALIAS_PROBLEM, _DEPTH_PROBLEM):
        return Problem(name, line, f"YAML syntax error: {problem}")  # our own limits: nothing to explain
    source_lines = text.splitlines()
    offending = source_lines[line - 1] if line <= len(source_lines) else ""
    if "\\t" in problem or "\t" in offending:
        return Problem(name, line, "YAML syntax error: tab character; indent with spaces")
    # An unclosed quote is noticed later (at the next quote, or the end of the file): name where it opens.
    if error.context == "while scanning a quoted scalar" and error.context_mark:
        return Problem(name, error.context_mark.line + 1, "YAML syntax error: this quoted text has no closing quote")
    if error.context in _UNCLOSED and error.context_mark and error.context_mark.line + 1 < line:
        return Problem(name, error.context_mark.line + 1, f"YAML syntax error: {_UNCLOSED[error.context]}")
    if scan_quotes and (opened := _quote_running_onto(text, line)):
        return Problem(name, opened, f"YAML syntax error: quoted text starting here runs on to line {line}; close it")
    if problem == "mapping values are not allowed here":  # a second ': ' on the line
        return Problem(name, line, f"YAML syntax error: {_colon_problem(offending)}")
    if problem == "expected <block end>, but found '<scalar>'":  # words after a closing quote or bracket
        return Problem(name, line, f"YAML syntax error: {_TEXT_AFTER_QUOTE}")
    if problem.startswith("expected <block end>"):  # a key further left than the others of its entry
        return Problem(name, line, f"YAML syntax error: {_UNDER_INDENTED}")
    return Problem(name, line, f"YAML syntax error: {problem}")


def _colon_problem(line: str) -> str:
    """PyYAML's "mapping values are not allowed here", said as what the author did on that line."""
    value = line.partition(": ")[2]
    if ": " in value or value.rstrip().endswith(":"):
        return (
            "this value contains ': ' (a colon and a space), so put it in double quotes: key: \"Note: the suspension.\""
        )
    return "this line is indented more than the line above it; line its key up with the other keys of its entry"


# PyYAML's "expected <block end>, but found '<scalar>'": `title: "The fall" of Ant`, `[The fall] and after`.
_TEXT_AFTER_QUOTE = (
    "words follow a closing quote or bracket; a value that starts with a quote or '[' must be quoted whole,"
    " e.g. title: '\"The fall\" of Ant'"
)

# PyYAML's "expected <block end>, but found '<block mapping start>'" (or "'?'"), said plainly.
_UNDER_INDENTED = (
    "this line is indented less than the lines above it; line its key up with the other keys of its entry,"
    " or start a new entry with '- '"
)
# PyYAML's "duplicate key 'id'" when a new entry was written without its '- ', said plainly.
_ENTRY_WITHOUT_DASH = "a second 'id' in one entry: a new entry starts with '- ' (write '- id: {}')"


_UNCLOSED = {
    "while parsing a flow sequence": "the list opened with [ on this line is not closed with ]",
    "while parsing a flow mapping": "the mapping opened with { on this line is not closed with }",
}


def _quote_running_onto(text: str, line: int) -> int | None:
    """The line where a quoted value ending on `line` began, if it spans several lines."""
    opened, depth = None, 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.line + 1 > line:
                break  # past the error: the rest of the file cannot tell
            # PyYAML's scanner slows down with every open bracket; the loader refuses deep nesting anyway.
            depth += isinstance(token, _FLOW_START) - isinstance(token, _FLOW_END)
            if depth > MAX_DEPTH:
                return None
            if isinstance(token, yaml.ScalarToken) and token.style and token.end_mark.line + 1 == line:
                opened = token.start_mark.line + 1 if token.start_mark.line + 1 < line else None
    except yaml.YAMLError:
        pass
    return opened


_FLOW_START = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_END = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _build(node: yaml.Node, path: Path_, document: YamlDocument, loader: yaml.BaseLoader) -> Any:
    document.lines[path] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS and getattr(loader, "foreign_tags_as_text", False):
        if isinstance(node, yaml.ScalarNode):
            return node.value
    elif node.tag not in _STANDARD_TAGS:
        raise DataError([Problem(document.name, node.start_mark.line + 1, f"unsupported YAML tag {node.tag!r}")])
    elif not isinstance(node, yaml.ScalarNode) and _COLLECTION_TAGS.get(node.tag) is not type(node):
        return _noted(loader, Problem(document.name, node.start_mark.line + 1, _not_its_type(node, loader)))
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, document, loader)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, index), document, loader) for index, item in enumerate(node.value)]
    return _scalar(node, document, loader)


def _scalar(node: yaml.ScalarNode, document: YamlDocument, loader: yaml.BaseLoader) -> Any:
    """A scalar's value; a value no reader can use (a control or invisible character, a number no chart can
    draw) is noted for `_document` to report with every other such value of the file, and stands as None."""
    line = node.start_mark.line + 1
    checked = not getattr(loader, "foreign_tags_as_text", False)  # mkdocs.yml is the site's code: as written
    if checked and node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        message = (
            f"a number written with {len(node.value):,} characters is longer than a data file allows"
            f" ({MAX_NUMBER_CHARS}); check it"
        )
        return _noted(loader, Problem(document.name, line, message))
    # PyYAML's constructors trust the tag, whether written (`!!int abc`) or resolved from the value's form
    # (`0b_`): they raise ValueError, KeyError or IndexError, or (`!!null`, `!!seq`, `!!map`) read nothing.
    if node.tag in _COLLECTION_TAGS or (node.tag == _NULL_TAG and node.value not in _NULLS):
        return _noted(loader, Problem(document.name, line, _not_its_type(node, loader)))
    try:
        # Text is the node's value as written (what PyYAML's constructor returns for it, without its bookkeeping).
        value = node.value if node.tag == _STR_TAG else loader.construct_object(node)
    except (ArithmeticError, LookupError, ValueError):
        return _noted(loader, Problem(document.name, line, _not_its_type(node, loader)))
    if isinstance(value, str):
        if unprintable := _UNPRINTABLE.search(value):
            # An escape like "\x02" gets past the reader; Python-Markdown uses \x02/\x03 to mark stashed HTML.
            return _noted(loader, Problem(document.name, line, _control_message(unprintable.group())))
        if checked and (invisible := invisible_character(value)):
            return _noted(loader, Problem(document.name, line, _invisible_message(invisible)))
    elif isinstance(value, float) and not math.isfinite(value):
        return _noted(loader, Problem(document.name, line, f"{node.value} is not a number a reader can use; write one"))
    elif checked and isinstance(value, int | float) and (message := number_problem(value, node.value)):
        return _noted(loader, Problem(document.name, line, message))
    return value


def _noted(loader: yaml.BaseLoader, problem: Problem) -> None:
    loader.explainer_problems.append(problem)


def _not_its_type(node: yaml.Node, loader: yaml.BaseLoader) -> str:
    """Why a value is not of the type its tag, written or read from its form, says."""
    short, kind = node.tag.replace("tag:yaml.org,2002:", "!!"), _TAG_KINDS[node.tag]
    if not isinstance(node, yaml.ScalarNode):
        written = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        return f"{written} is tagged {short} but is not {kind}; write {kind}, or remove the tag"
    if node.style is None and loader.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag:
        return f"{node.value} reads as {kind} in YAML but is not one; write {kind}, or quote it to keep it as text"
    written = repr(node.value if len(node.value) <= 40 else node.value[:40] + "...")  # one short line
    return f"{written} is tagged {short} but is not {kind}; write {kind}, or remove the tag"


def _build_mapping(node: yaml.MappingNode, path: Path_, document: YamlDocument, loader: yaml.BaseLoader) -> dict:
    result: dict = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise DataError([Problem(document.name, line, "a key must be plain text")])
        noted = len(loader.explainer_problems)
        key = _scalar(key_node, document, loader)
        if len(loader.explainer_problems) > noted:
            continue  # reported: an unusable key is no duplicate of another
        if key in result:
            written = value_node.value if isinstance(value_node, yaml.ScalarNode) else "..."
            message = _ENTRY_WITHOUT_DASH.format(written) if key == "id" else f"duplicate key {key!r}"
            raise DataError([Problem(document.name, line, message)])
        result[key] = _build(value_node, (*path, key), document, loader)
        document.lines[(*path, key)] = line
    return result


class _ConfigLoader(_Loader):
    """For mkdocs.yml, where MkDocs and Markdown extensions have tags of their own (!ENV, !!python/name:...)."""

    foreign_tags_as_text = True  # read by _build: such a value is kept as the text written


def parse_config_file(raw: bytes, name: str) -> YamlDocument:
    """Parse a configuration file (mkdocs.yml) with the data files' messages; values with foreign tags stay text."""
    return _parse(_decode(raw, name), name, None, _ConfigLoader)

"""Building Python-Markdown element trees from data: every value escaped, nothing reinterpreted.

Text and attribute values from data/*.yml go into the tree the way Python-Markdown's own code spans put
theirs: HTML-escaped and wrapped in an AtomicString. Its serializer leaves entities as they are, so the page
shows exactly the characters written in the data; no inline pattern or smartypants ever reads an
AtomicString, so a `*` or a quote in a title stays what it is.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown.util import AtomicString


def literal(value: str) -> AtomicString:
    """Plain text from data, for an element's text or tail."""
    return AtomicString(html.escape(value))


def element(
    tag: str, attributes: dict[str, str] | None = None, text: str | None = None, tail: str | None = None
) -> etree.Element:
    """An element whose attribute values and text are plain text from data (escaped here)."""
    node = etree.Element(tag, {name: html.escape(value) for name, value in (attributes or {}).items()})
    if text is not None:
        node.text = literal(text)
    if tail is not None:
        node.tail = literal(tail)
    return node


def child(
    parent: etree.Element,
    tag: str,
    attributes: dict[str, str] | None = None,
    text: str | None = None,
    tail: str | None = None,
) -> etree.Element:
    """`element(...)` appended to `parent`."""
    node = element(tag, attributes, text, tail)
    parent.append(node)
    return node


def insert_after_title(root: etree.Element, node: etree.Element) -> None:
    """Right under the page's title (its first h1), or first if it has none."""
    titles = [position for position, each in enumerate(root) if each.tag == "h1"]
    root.insert(titles[0] + 1 if titles else 0, node)

"""SVG files checked like HTML: parsed as XML, then held against the SVG allow-list (explainer.markup).

An SVG opened on its own is a document that can run script with the site's address, so an SVG in
docs/ (or in a theme folder, where Material inlines icons into every page) may hold only shapes,
text, gradients and a few filters: no script, event handler, animation, foreign markup, link out
of the document (but on <a>), or style that loads anything. It may not declare a DOCTYPE or
entities (the "billion laughs") or processing instructions (an XSLT stylesheet). Each problem is
`file:line: SVG has ...`, at the line of the element.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from xml.parsers import expat

from .errors import Problem
from .markup import SVG_ALLOW_LIST, refusals, style_problem
from .svg import SVG_NAMESPACE, XLINK_NAMESPACE

_ATTRIBUTE_NAMESPACES = {XLINK_NAMESPACE: "xlink:", "http://www.w3.org/XML/1998/namespace": "xml:"}


class _Refused(Exception):
    """The SVG refused before its elements are read: (line, message)."""


def svg_problems(raw: bytes, label: str) -> list[Problem]:
    """Everything in the SVG `raw` (the file `label`) outside the SVG allow-list; [] if it is sound."""
    try:
        document, lines = _parse(raw)
    except _Refused as refused:
        return [Problem(label, refused.args[0], f"SVG {refused.args[1]}")]
    if (root := document[0]).tag != "svg":
        return [Problem(label, 1, f"is not an SVG (its first element is <{root.tag}>); save it as an SVG image")]
    problems = [
        Problem(label, lines.get(id(refusal.element), 1), f"SVG {refusal.message}")
        for refusal in refusals(document, SVG_ALLOW_LIST)
    ]
    return list(dict.fromkeys(problems))


def _parse(raw: bytes) -> tuple[etree.Element, dict[int, int]]:
    """The SVG's element (local names, lowercase; xlink:/xml: attributes by prefix) inside a holder, as `refusals`
    reads a tree, and each element's line. Expat refuses a document without an element: there is always one."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack = [etree.Element("document")]
    lines: dict[int, int] = {}

    def refuse(message: str) -> None:
        raise _Refused(parser.CurrentLineNumber, message)

    def start(name: str, attributes: dict[str, str]) -> None:
        element = etree.SubElement(
            stack[-1], _local(name), {_attribute(key): value for key, value in attributes.items()}
        )
        lines[id(element)] = parser.CurrentLineNumber
        stack.append(element)

    def end(name: str) -> None:
        element = stack.pop()
        if element.tag == "style" and element.text and (problem := style_problem(element.text)):
            refuse(f"has a <style> element that {problem}")

    def text(data: str) -> None:  # only an element's text before its first child is read (a <style>'s, in end)
        if not len(stack[-1]):
            stack[-1].text = (stack[-1].text or "") + data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = lambda *args: refuse("has a DOCTYPE (it can declare entities); remove it")
    parser.EntityDeclHandler = lambda *args: refuse("declares an entity; remove it")
    parser.ProcessingInstructionHandler = lambda target, data: refuse(
        f"has a processing instruction (<?{target} …?>), which can load a stylesheet; remove it"
    )
    parser.ExternalEntityRefHandler = lambda *args: refuse("refers to an external entity; remove it")
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as error:
        message = f"is not well-formed XML ({expat.ErrorString(error.code)}); save it again"
        raise _Refused(error.lineno, message) from None
    return stack[0], lines


def _local(name: str) -> str:
    """An element's name as the allow-list knows it: an SVG element's local name, lowercase."""
    namespace, _, local = name.rpartition(" ")
    if namespace in ("", SVG_NAMESPACE):
        return local.lower()
    return f"{{{namespace}}}{local}"  # refused by name: no element of another vocabulary is allowed


def _attribute(name: str) -> str:
    namespace, _, local = name.rpartition(" ")
    if not namespace:
        return local.lower()
    prefix = _ATTRIBUTE_NAMESPACES.get(namespace)
    return f"{prefix}{local.lower()}" if prefix else f"{{{namespace}}}{local}"

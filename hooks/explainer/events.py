"""STUB: events concern (to be written)."""

from __future__ import annotations

from .records import DataFileSpec
from .yamlfile import YamlDocument


def build_events(document: YamlDocument):
    return {}, []


SPEC = DataFileSpec(name="events", build=build_events)


def timeline_page_markdown(site) -> str:
    return "---\ntitle: Timeline\ndescription: Timeline of the explainer.\n---\n# Timeline\n\nComing soon.\n"

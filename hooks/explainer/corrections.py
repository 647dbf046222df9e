"""STUB: corrections concern (to be written)."""

from __future__ import annotations

from .records import DataFileSpec
from .yamlfile import YamlDocument


def build_corrections(document: YamlDocument):
    return {}, []


SPEC = DataFileSpec(name="corrections", build=build_corrections)


def corrections_page_markdown(site) -> str:
    return "---\ntitle: Corrections\ndescription: Corrections of the explainer.\n---\n# Corrections\n\nComing soon.\n"

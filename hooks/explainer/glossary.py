"""STUB: glossary concern (to be written)."""

from __future__ import annotations

from .records import DataFileSpec
from .yamlfile import YamlDocument


def build_glossary(document: YamlDocument):
    return {}, []


SPEC = DataFileSpec(name="glossary", build=build_glossary)


def glossary_page_markdown(site) -> str:
    return "---\ntitle: Glossary\ndescription: Glossary of the explainer.\n---\n# Glossary\n\nComing soon.\n"

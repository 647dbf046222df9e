"""The glossary: who and what the story mentions, explained where the reader meets it.

data/glossary.yml holds the entries. On story pages the first mention of each entry becomes a
link to its glossary entry whose `title` is the short definition, which previews.js shows as a
tooltip on hover, keyboard focus and a first tap on touch screens (built on first use).

Besides the parts every concern has (explainer.concern): `matching.py`, which words of a text name
which entry.
"""

from ..concern import Concern, sources_listed_on
from .checks import unused_entries
from .extension import GlossaryExtension
from .page import PAGE
from .records import SPEC

CONCERN = Concern(
    SPEC,
    extension=GlossaryExtension,
    page=PAGE,
    after_pages=unused_entries,
    shown_on_pages=sources_listed_on(PAGE, "glossary", title="term"),
)

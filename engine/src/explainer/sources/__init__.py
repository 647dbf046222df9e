"""Sources: `[^source-id]` in a page becomes a numbered note citing data/sources.yml.

Besides the parts every concern has (explainer.concern): `annotations.py` (the base report under a story
page's title, the marks of single-source claims) and `origins.py` (the origin rule on each story page).
"""

from ..concern import Concern
from .checks import after_pages
from .extension import SourceNotesExtension
from .page import PAGE
from .records import SPEC

CONCERN = Concern(
    SPEC,
    extension=SourceNotesExtension,
    page=PAGE,
    after_pages=after_pages,
)

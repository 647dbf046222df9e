"""Sources: `[^source-id]` in a page becomes a numbered note citing data/sources.yml.

- `records.py`: the typed records (`Source`) and how they are built from data/sources.yml (`SPEC`);
- `extension.py`: `SourceNotesExtension`, the notes under each page;
- `page.py`: the generated Sources page (its template: explainer/sources.html);
- `checks.py`: after the build, sources nothing uses and single-source claims marked nowhere.
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

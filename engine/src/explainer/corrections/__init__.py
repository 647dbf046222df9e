"""Corrections: dated notes attached to an exact phrase of a page, listed on the page and site-wide.

Each entry of data/corrections.yml names a page and, for a kind marked in the text, an anchor: a
phrase that must occur exactly once in that page's text. Its kind (data/story.yml) says how it is
worded, whether it is marked, and where it is listed (the Corrections page, or a page of its own).

Besides the parts every concern has (explainer.concern): `anchors.py` (finding a phrase in a page's
text and marking it) and `feeds.py` (the Atom and JSON feeds of every correction).
"""

from ..concern import Concern, GeneratedFile
from .checks import unknown_pages
from .extension import CorrectionsExtension
from .feeds import atom_feed, json_feed
from .page import ATOM_FEED, JSON_FEED, PAGE, kind_pages
from .records import SPEC

CONCERN = Concern(
    SPEC,
    extension=CorrectionsExtension,
    page=PAGE,
    files=(
        GeneratedFile(JSON_FEED, json_feed, after_pages=True),
        GeneratedFile(ATOM_FEED, atom_feed, after_pages=True),
    ),
    page_checks=unknown_pages,
    story_pages=kind_pages,
)

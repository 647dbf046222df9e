"""Events: dated facts from data/events.yml, shown where the story needs them ("Key dates", the Timeline).

Besides the parts every concern has (explainer.concern): `timeline_svg.py` (the Timeline's picture,
drawn at build time) and `exports.py` (the published events.json and events.csv).
"""

from ..concern import Concern, GeneratedFile, sources_listed_on
from .checks import unknown_sections
from .exports import events_csv, events_json
from .extension import EventsExtension
from .page import EVENTS_CSV, EVENTS_JSON, PAGE
from .records import SPEC

CONCERN = Concern(
    SPEC,
    extension=EventsExtension,
    page=PAGE,
    files=(
        GeneratedFile(EVENTS_JSON, lambda context: events_json(context.events.in_order)),
        GeneratedFile(EVENTS_CSV, lambda context: events_csv(context.events.in_order).encode()),  # bytes: CRLF kept
    ),
    page_checks=unknown_sections,
    shown_on_pages=sources_listed_on(PAGE, "events", title="title"),
)

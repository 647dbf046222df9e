"""The story as a whole: its span of dates, declared once for every concern that checks dates against it.

Issue 23 makes this configurable (data/story.yml, `dates:`); until then it is the explainer's own.
"""

from __future__ import annotations

from .dates import PartialDate

# From Ma's speech to the latest dated update of the closing chapter (docs/story/since-then.md).
START = PartialDate(2020, 10)
END = PartialDate(2026, 6)


def span_text() -> str:
    """'October 2020 to June 2026', for messages and pages."""
    return f"{START.display} to {END.display}"


def starts_within(date: PartialDate) -> bool:
    """True if the date's first month lies within the story's months (an event's date)."""
    return (START.year, START.month or 1) <= (date.year, date.month or 1) <= (END.year, END.month or 12)


def lies_within(date: PartialDate) -> bool:
    """True if the whole span of the date lies within the story's months (a figure's date)."""
    first, last = (date.year, date.month or 1), (date.year, date.month or 12)
    return (START.year, START.month or 1) <= first and last <= (END.year, END.month or 12)

"""Dates with a precision (day, month or year), as written in data files and shown to readers."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = list(calendar.month_name)
FIRST_YEAR, LAST_YEAR = 1000, 2999


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __lt__(self, other: PartialDate) -> bool:
        # A less precise date sorts first: '2023' < '2023-03' < '2023-03-01'.
        return self.sort_key < other.sort_key

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """ISO 8601 text at the date's own precision, for `<time datetime>` and data exports."""
        return f"{self.year:04d}" + "".join(f"-{part:02d}" for part in (self.month, self.day) if part)

    @property
    def display(self) -> str:
        """The site's one date style: '3 November 2020', 'November 2020' or '2020'."""
        return " ".join(str(part) for part in (self.day, self.month and _MONTHS[self.month], self.year) if part)


def date_span(date: PartialDate) -> tuple[dt.date, dt.date]:
    """First day and the day after the last day a partial date can mean."""
    if date.day:
        start = dt.date(date.year, date.month, date.day)
        return start, start + dt.timedelta(days=1)
    if date.month:
        return dt.date(date.year, date.month, 1), dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)


def parse_partial_date(text: str) -> PartialDate:
    """Parse 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; raise ValueError with a readable reason."""
    match = _DATE.match(str(text))
    if not match:
        raise ValueError(f"{text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        # Year 0 does not exist and 9999 has no next day: both broke the timeline's date arithmetic.
        raise ValueError(f"{text!r} is not a year this site can show (it shows {FIRST_YEAR} to {LAST_YEAR})")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{text!r} is not a real date ({_MONTHS[month]} {year} has no day {day})")
    return PartialDate(year, month, day)

"""The published data files: events.json and events.csv, every event, stable byte for byte."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .records import PUBLISHED, Event


def events_json(events: list[Event]) -> str:
    """events.json: every event, chronological, keys sorted, stable byte for byte."""
    return json.dumps([event.as_data() for event in events], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def events_csv(events: list[Event]) -> str:
    """events.csv (RFC 4180, CRLF line ends): the same fields; lists are joined with '; ', figures are JSON."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=PUBLISHED, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow({key: _inert(_csv_value(key, value)) for key, value in event.as_data().items()})
    return buffer.getvalue()


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading formula character is escaped with a quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _csv_value(key: str, value: Any) -> str:
    if key == "figures":
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

"""Hostile inputs: what an attacker or a careless contributor might put in the data or the pages.

Each must be refused with one located line, or built into a site where nothing from the data
runs as script, loads from another host or restyles the page.
"""

from __future__ import annotations

import csv
import io

import pytest

from explainer.dates import PartialDate
from explainer.events import Event, events_csv

# Published data: events.csv ---------------------------------------------------------------------


def event(**overrides) -> Event:
    fields = dict(id="e", date=PartialDate(2020, 11, 3), title="T", summary="S.", sources=("s",), section="the-fall")
    return Event(**{**fields, **overrides})


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_escaped(start: str):
    """OWASP's advice for CSV injection: a leading formula character is preceded by a quote."""
    formula = f'{start}HYPERLINK("https://example.com","x")'
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title=formula, summary=formula)]), newline="")))
    assert rows[0]["title"] == "'" + formula
    assert rows[0]["summary"] == "'" + formula


def test_ordinary_cells_are_unchanged():
    rows = list(csv.DictReader(io.StringIO(events_csv([event(title="Plain = fine", summary="A 3% rise.")]))))
    assert (rows[0]["title"], rows[0]["summary"], rows[0]["date"]) == ("Plain = fine", "A 3% rise.", "2020-11-03")


def test_csv_lines_end_with_crlf_as_rfc_4180_says():
    data = events_csv([event(), event(id="f", summary="Two\nlines.")]).encode("utf-8")
    records = data.split(b"\r\n")
    assert records[0].startswith(b"id,date,precision,") and records[-1] == b""
    assert len(records) == 4  # header, two events, and the empty string after the last CRLF
    assert b'"Two\nlines."' in data  # a line break inside a quoted field stays as written

"""Dates and date ranges as resolutions write them.

Reads a paragraph's text; writes ``DateSpan``s (start, end, where in the text). The
forms: "25 September 2018", "from 3 to 5 July 2018", "on 10 and 11 May 2017",
"from 30 November to 2 December 2016". Month-and-year alone ("February 2014") is not a
span: it dates nothing precisely enough to be a meeting or a signature.

>>> [(s.start.isoformat(), s.end.isoformat()) for s in find_spans("held in Rabat from 3 to 5 July 2018,")]
[('2018-07-03', '2018-07-05')]
>>> [s.start.isoformat() for s in find_spans("on 21 November 2017 and 29 November 2018")]
['2017-11-21', '2018-11-29']
>>> third_tuesday_of_september(2020).isoformat()
'2020-09-15'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = "(" + "|".join(MONTHS) + ")"
_SPAN = re.compile(
    rf"\b(\d{{1,2}})(?:\s+{_MONTH})?\s+(?:to|and|-|–)\s+(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b"
    rf"|\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b"
)


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    begin: int  # offset of the first character in the text
    stop: int  # offset after the last character

    @property
    def is_range(self) -> bool:
        return self.end != self.start


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def find_spans(text: str) -> list[DateSpan]:
    """Every date or date range in ``text``, in order."""
    out = []
    for m in _SPAN.finditer(text):
        if m.group(3):
            d1, m1, d2, m2, year = m.group(1, 2, 3, 4, 5)
            start, end = _date(d1, m1 or m2, year), _date(d2, m2, year)
        else:
            start = end = _date(m.group(6), m.group(7), m.group(8))
        if start and end and start <= end:
            out.append(DateSpan(start, end, m.start(), m.end()))
    return out


def third_tuesday_of_september(year: int) -> date:
    """The day a regular session of the General Assembly opens (about: the Tuesday of
    the third week of September)."""
    first = date(year, 9, 1)
    first_tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + timedelta(days=14)

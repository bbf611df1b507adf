"""Names for Akoma Ntoso: FRBR URIs of resolutions, hrefs of citations, eIds, dates and ordinals in words.

Reads Resolution and Citation values; writes strings. Used by akn.py.
"""

from __future__ import annotations

import re
from datetime import date

from resolutions.model import Citation, Resolution
from resolutions.sessions import session_year

LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "zh": "zho", "ru": "rus"}
_SLUG = re.compile(r"[^0-9A-Za-z]+")
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def work_uri(resolution: Resolution) -> str:
    """The FRBR work URI of a General Assembly resolution.

    >>> from resolutions.model import Resolution
    >>> r = Resolution(symbol="A/RES/73/135", session=73, number="135", title="", adopted_on=date(2018, 12, 13),
    ...     distributed_on=None, agenda_items=(), basis=None, documents=(), meeting=None, preamble=(), operative=())
    >>> work_uri(r)
    '/akn/un/statement/deliberation/un-ga/2018-12-13/73-135'
    """
    when = resolution.adopted_on or resolution.distributed_on
    day = when.isoformat() if when else str(session_year(resolution.session))
    return (
        f"/akn/un/statement/deliberation/un-ga/{day}/{resolution.session}-{slug(resolution.number)}"
    )


def citation_href(citation: Citation) -> str:
    """An AKN URI for what a citation names (a resolution of the GA, the SC or the HRC, or a document).

    >>> citation_href(Citation(kind="ga-resolution", symbol="72/74", text="72/74", paragraph="pre-1",
    ...     date=date(2017, 12, 6)))
    '/akn/un/statement/deliberation/un-ga/2017-12-06/72-74'
    >>> citation_href(Citation(kind="document", symbol="A/73/328-S/2018/592", text="", paragraph=None))
    '/akn/un/doc/a-73-328-s-2018-592'
    """
    symbol = citation.symbol
    day = f"{citation.date.isoformat()}/" if citation.date else ""
    if citation.kind == "ga-resolution":
        return f"/akn/un/statement/deliberation/un-ga/{day}{slug(symbol.removeprefix('A/RES/'))}"
    if citation.kind == "sc-resolution":
        number = re.search(r"\d+", symbol.removeprefix("S/RES/"))
        return f"/akn/un/statement/deliberation/un-sc/{day}{number.group(0) if number else slug(symbol)}"
    if citation.kind == "ga-decision":
        return f"/akn/un/statement/decision/un-ga/{day}{slug(symbol)}"
    if citation.kind == "ecosoc-resolution":
        return (
            f"/akn/un/statement/deliberation/un-ecosoc/{day}{slug(symbol.removeprefix('E/RES/'))}"
        )
    if citation.kind == "hrc-resolution":
        return (
            f"/akn/un/statement/deliberation/un-hrc/{day}{slug(symbol.removeprefix('A/HRC/RES/'))}"
        )
    return f"/akn/un/doc/{slug(symbol).lower()}"


def slug(text: str) -> str:
    return _SLUG.sub("-", text).strip("-") or "x"


def eid(entity_id: str) -> str:
    return slug(entity_id.replace(".", "-"))


def long_date(day: date) -> str:
    months = [
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
    ]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def ordinal(n: int) -> str:
    """The ordinal in words, as session names are written.

    >>> ordinal(73), ordinal(80), ordinal(1)
    ('seventy-third', 'eightieth', 'first')
    """
    if n < 20:
        return _ORDINALS[n - 1] if n > 0 else str(n)
    if n >= 100:
        return f"{n}th"
    tens, unit = divmod(n, 10)
    stem = _TENS[tens - 2]
    if unit == 0:
        return f"{stem}ieth"
    return f"{stem}y-{_ORDINALS[unit - 1]}"

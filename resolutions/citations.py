"""Citations of resolutions and documents in paragraph text.

Reads (paragraph id, clean text) pairs; writes `Citation`s in text order.

Like eyecite, the patterns are compiled once and each paragraph is scanned in
one pass per pattern family:

1. Resolution lists. A number is a resolution only after the word
   "resolution(s)": "its resolutions 37/4 of 22 October 1982, 38/4 of 28
   October 1983 ... and 72/74 of 6 December 2017". The list goes on through
   ", ", " and ", a date ("of 22 October 1982") and a title ("entitled “...”").
   So "2/3 of the members", "24/7" and "50/50" are never resolutions.
   The body before the word and the form of the number give the kind:
     73/135, S-10/2, ES-10/19, 3369 (XXX)    "ga-resolution"  (symbol as written)
     2178 (2014)                             "sc-resolution"  ("S/RES/2178 (2014)")
     Human Rights Council resolution 16/18   "hrc-resolution" ("A/HRC/RES/16/18")
     Economic and Social Council resolution 2024/5  "ecosoc-resolution" ("E/RES/2024/5")
     364 B (IV), 36/87 A and B, 78/70 A-C    one "ga-resolution" per letter ("36/87 A", "36/87 B")
   After "decision(s)": "decision 77/512" is "ga-decision" (the Assembly numbers its
   decisions from 301; "decision 15/4" is another body's and is left out).
   An undated "8/4" is not the Assembly's either: it numbered "N/M" from its thirty-first
   session (1976), "3369 (XXX)" before. A dated number whose date does not fit its
   General Assembly session is a Human Rights Council resolution when it fits the
   Council's session ("resolution 16/18 of 24 March 2011"), and left out otherwise.
   Resolutions of other bodies (World Health
   Assembly, IMO A.1110(30)) and year-first numbers are left out: no kind fits.
2. Document symbols: A/73/328-S/2018/592, A/73/L.45, A/78/481/Add.3,
   A/CONF.231/7, E/2019/33, S/PV.7813 ("sc-meeting-record"), S/PRST/2013/16
   ("presidential-statement"), A/RES/73/135 ("ga-resolution" 73/135),
   S/RES/2178 (2014), A/HRC/RES/16/18. A symbol needs a digit and an
   upper-case series ("A", "S", "E", "ST", "FCCC", ...).
3. Official Records supplements: "Official Records of the General Assembly,
   Sixty-sixth Session, Supplement No. 53 (A/66/53)" ("official-records",
   symbol "A/66/53").

In the heading block (paragraph None) an A/RES symbol is the resolution's own
and is not a citation.

>>> [(c.kind, c.symbol, str(c.date)) for c in find_citations([("pre-2",
...     "Recalling also its resolution 3369 (XXX) of 10 October 1975, by which it decided")])]
[('ga-resolution', '3369 (XXX)', '1975-10-10')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from resolutions.model import Citation
from resolutions.sessions import MONTH_NAMES, roman_to_int, session_year

MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}

_KEYWORD = re.compile(
    r"\b(?:[Rr]esolution|(?P<decision>[Dd]ecision))s?\s+"
    # "its relevant resolutions related to culture ..., in particular 41/187 of ..."
    r"(?:(?:related|relating|on|concerning|regarding)\b[^;.]{1,150}?,?\s+"
    r"(?:in particular|including|notably|especially|most recently)\s+)?"
    r"(?=[0-9ES])"
)
# The body named just before the keyword: "Human Rights Council", "Economic and Social Council"
_BODY = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:and|on|of|for|the)\s+)*)*$")
_OTHER_BODY = re.compile(
    r"(?:Council|Commission|Board|Organization|Organisation|Conference|Committee|Assembly)$"
)
_DATE = r"(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})"
# A, A and B, A-C, A to E, and past Z the double letters (53/77 AA)
_LETTERS = r"(?:[A-Z]{2}|[A-Z](?:(?:\s*[-–‑]\s*|\s+to\s+|,\s*|,?\s+and\s+)[A-Z])*)(?![\w/])"
_ITEM = re.compile(
    r"(?P<sym>"
    r"(?:E?S-\d{1,2}|\d{1,4})/\d{1,4}(?:\s" + _LETTERS + r")?"  # 73/135, ES-10/19, 36/87 A and B
    r"|\d{1,4}(?:\s" + _LETTERS + r")?"
    r"\s\((?P<paren>[IVXLC]+|S-[IVXLC]+|ES-[IVXLC]+|\d{4})\)"  # 3369 (XXX), 364 B (IV), 2178 (2014)
    r")"
    r"(?:(?![\w/])|(?=of\s))"  # "59/111of 6 December 2004": a word space the PDF lost
    # "45/248 B, section VI, of 21 December 1990"
    r"(?:,\s+(?:sections?|parts?)\s+[IVXLC]+(?:\s+(?:and|to)\s+[IVXLC]+)?(?=,?\s+of\s))?"
    r"(?:,?\s*of\s+" + _DATE + r")?"
)
_PARTS = re.compile(r"(?P<num>\S+)(?:\s(?P<letters>[A-Z].*?))?(?P<paren>\s\([^)]*\))?$", re.S)
_LETTER = re.compile(r"([A-Z]{2}|[A-Z])(?:(?:\s*[-–‑]\s*|\s+to\s+)([A-Z]))?")
_FRACTION = re.compile(r"\s+of\s+(?!\d{1,2}\s)")
_LIST_SEPARATOR = re.compile(
    r"(?:,?\s+entitled\s+[“\"][^”\"]{1,300}[”\"])?(?:,?\s+and\s+|,\s*(?:and\s+)?)"
)
# A list that runs on after an item's subject: "63/71 of 2 December 2008 on the Convention on
# Cluster Munitions and 70/54 of 7 December 2015", "74/270 of 2 April 2020 on global
# solidarity to fight the coronavirus disease (COVID-19), 74/274 of 20 April 2020 ..."
_SUBJECT_SEPARATOR = re.compile(
    # the subject names no other resolution: the list would run into the next one's
    r",?\s+(?:on|concerning|relating to|regarding|(?:in|by) which|whereby)\s+"
    r"(?:(?![Rr]esolution|[Dd]ecision|\d/\d)[^;]){1,250}?"
    r"(?:,?\s+and\s+|,\s*(?:and\s+)?)"
    r"(?=(?:E?S-\d{1,2}|\d{1,4})/\d{1,4}(?![\d/])|\d{1,4}(?:\s[A-Z])?\s\([IVXLC\d])"
)

_SYMBOL = re.compile(  # the first capital before the lookbehind lets the engine skip to capitals
    r"(?P<sym>[A-Z](?<![\w/.][A-Z])[A-Z]{0,5}(?:/[A-Za-z0-9]+(?:[.\-–][A-Za-z0-9]+)*)+)"
    r"(?P<year>\s\(\d{4}\))?"
)
_OFFICIAL_RECORDS = re.compile(
    r"Official Records of the (?:General Assembly|Security Council|Economic and Social Council"
    r"|Trade and Development Board)[^()]{0,200}?Supplement No\.\s*\d+[A-Z]?\s*"
    r"\((?P<inner>[^()]{1,120})\)"
)


def _keywords(text: str) -> list[re.Match[str]]:
    """The "resolution(s)" and "decision(s)" keywords: str.find, then the pattern at each hit
    (a regex scan of the whole text costs ten times more)."""
    found = []
    for needle in ("esolution", "ecision"):
        at = text.find(needle, 1)
        while at >= 1:
            m = _KEYWORD.match(text, at - 1)
            if m:
                found.append(m)
            at = text.find(needle, at + len(needle))
    return sorted(found, key=lambda m: m.start())


def _lettered(symbol: str) -> list[str]:
    """One symbol per lettered resolution: "36/87 A and B" -> 36/87 A, 36/87 B; "78/70 A-C" ->
    A, B, C; "364 B (IV)" stays; "73/135" stays."""
    m = _PARTS.match(symbol)
    if m is None or not m.group("letters"):
        return [symbol]
    paren = m.group("paren") or ""
    out = []
    for first, last in _LETTER.findall(m.group("letters")):
        if len(first) == 2:  # "AA": one resolution
            out.append(f"{m.group('num')} {first}{paren}")
            continue
        for code in range(ord(first), ord(last or first) + 1):
            out.append(f"{m.group('num')} {chr(code)}{paren}")
    return out or [symbol]


def _date(match: re.Match[str]) -> date | None:
    if not match.group("day"):
        return None
    try:
        return date(int(match.group("year")), MONTHS[match.group("month")], int(match.group("day")))
    except ValueError:
        return None


def _resolution_kind(
    body: str, symbol: str, paren: str | None, decision: bool = False
) -> tuple[str, str] | None:
    """(kind, normalized symbol) of a resolution or decision number after `body`
    ("Security Council"), or None."""
    body = " ".join(body.split())
    general_assembly = body.endswith(("General Assembly", " the Assembly")) or body == "Assembly"
    other = not general_assembly and _OTHER_BODY.search(body) is not None
    if decision:
        session = symbol.split("/")[0]
        number = symbol.split("/")[-1].split(" ")[0]  # "79/537 A": decision 537 of session 79
        plain = paren is None and session.isdigit() and int(session) <= 200 and number.isdigit()
        # the Assembly numbers its decisions from 301 ("77/512"); "decision 15/4" is another body's
        return ("ga-decision", symbol) if plain and 300 < int(number) < 600 and not other else None
    if body.endswith("Economic and Social Council"):
        return "ecosoc-resolution", symbol if paren else f"E/RES/{symbol}"
    if paren is not None:
        if paren.isdigit():
            if other and not body.endswith("Council") or body.endswith("Human Rights Council"):
                return None
            return "sc-resolution", f"S/RES/{symbol}"
        try:
            roman_to_int(paren.split("-")[-1])
        except ValueError:
            return None
        return None if other else ("ga-resolution", symbol)
    if body.endswith("Human Rights Council"):
        return "hrc-resolution", f"A/HRC/RES/{symbol}"
    if other:
        return None
    session = symbol.split("/")[0]
    if session.isdigit() and int(session) > 200:  # 2008/4: a year first, another body's numbering
        return None
    return "ga-resolution", symbol


def _check_session_date(symbol: str, when: date) -> tuple[str, str] | None:
    """A dated "resolution 16/18" whose date does not fit General Assembly session 16
    (1961-1962) but fits Human Rights Council session 16 (2011) is the Council's; if it
    fits neither, it is left out rather than guessed."""
    session, _, number = symbol.partition("/")
    if not session.isdigit() or not number.isdigit():
        return "ga-resolution", symbol
    n = int(session)
    if n >= 1 and when.year - session_year(n) in (0, 1):
        return "ga-resolution", symbol
    if (
        abs(when.year - (2006 + (n - 1) // 3)) <= 1
    ):  # the Council holds three sessions a year since 2006
        return "hrc-resolution", f"A/HRC/RES/{symbol}"
    return None


def _before_slash_numbers(symbol: str) -> bool:
    """Whether "N/M" names a session before the thirty-first: the Assembly numbered its
    resolutions "3369 (XXX)" until then, so an undated "resolution 8/4" or "5/14" is
    another body's (a Conference of States Parties, the Environment Assembly)."""
    session = symbol.split("/")[0]
    return session.isdigit() and int(session) < 31


def _symbol_kind(symbol: str) -> tuple[str, str]:
    if symbol.startswith("A/RES/"):
        return "ga-resolution", symbol[len("A/RES/") :]
    if symbol.startswith("S/RES/"):
        return "sc-resolution", symbol
    if symbol.startswith("A/HRC/RES/"):
        return "hrc-resolution", symbol
    if symbol.startswith("S/PV."):
        return "sc-meeting-record", symbol
    if symbol.startswith("S/PRST/"):
        return "presidential-statement", symbol
    return "document", symbol


def _is_symbol(symbol: str) -> bool:
    if not any(ch.isdigit() for ch in symbol):
        return False
    parts = symbol.split("/")
    return len(parts) >= 3 or "." in parts[1]


def _citations_in(pid: str | None, text: str) -> list[tuple[int, int, Citation]]:
    found: list[tuple[int, int, Citation]] = []
    taken: list[tuple[int, int]] = []

    records = _OFFICIAL_RECORDS.finditer(text) if "Official Records" in text else ()
    for m in records:
        inner = _SYMBOL.search(m.group("inner"))
        if inner:
            cit = Citation("official-records", inner.group("sym"), m.group(0), pid)
            found.append((m.start(), m.end(), cit))
            taken.append((m.start(), m.end()))

    for k in _keywords(text):
        named = _BODY.search(text, max(0, k.start() - 80), k.start())
        body = named.group(0).strip() if named else ""
        pos = k.end()
        while True:
            item = _ITEM.match(text, pos)
            if not item:
                break
            when = _date(item)
            for symbol in _lettered(item.group("sym")):
                kind = _resolution_kind(
                    body, symbol, item.group("paren"), bool(k.group("decision"))
                )
                if kind and kind[0] == "ga-resolution" and when:
                    kind = _check_session_date(kind[1], when)
                elif kind and kind[0] == "ga-resolution" and _before_slash_numbers(kind[1]):
                    kind = None
                if kind:
                    cit = Citation(kind[0], kind[1], item.group(0), pid, when)
                    found.append((item.start(), item.end(), cit))
                    taken.append((item.start(), item.end()))
            following = _next_item(text, item.end())
            if following is None:
                break
            pos = following

    for m in _SYMBOL.finditer(text) if "/" in text else ():
        symbol = m.group("sym")
        if not _is_symbol(symbol) or any(s <= m.start() < e for s, e in taken):
            continue
        if symbol.startswith("S/RES/") and m.group("year"):
            symbol += m.group("year")
        symbol_kind, normalized = _symbol_kind(symbol)
        if pid is None and symbol.startswith("A/RES/"):
            continue  # the resolution's own symbol in its heading
        end = m.end() if symbol.endswith(")") else m.end("sym")
        found.append(
            (m.start(), end, Citation(symbol_kind, normalized, text[m.start() : end], pid))
        )
    found.sort(key=lambda f: f[0])
    return found


def _next_item(text: str, end: int) -> int | None:
    """Where the list's next resolution starts after an item ending at `end`, or None."""
    for separator in (_LIST_SEPARATOR, _SUBJECT_SEPARATOR):
        sep = separator.match(text, end)
        if sep is None:
            continue
        following = _ITEM.match(text, sep.end())
        if following and not _FRACTION.match(text, following.end()):
            return sep.end()  # not "..., 2/3 of the members": a fraction after a list
    return None


def find_citations(paragraphs: Sequence[tuple[str | None, str]]) -> list[Citation]:
    """Return every citation in the paragraphs, in text order.

    >>> [c.symbol for c in find_citations([("fn-4", "S/PRST/2013/16; see (S/INF/69).")])]
    ['S/PRST/2013/16', 'S/INF/69']
    """
    out: list[Citation] = []
    for pid, text in paragraphs:
        if "/" not in text and "resolution" not in text.lower():
            continue
        out.extend(cit for _s, _e, cit in _citations_in(pid, text))
    return out

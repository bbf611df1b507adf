"""Which partner organization a resolution is about, from its title.

Reads the title ("Cooperation between the United Nations and the X") and the
gazetteer's root entries (names, aliases, acronyms and former names); writes the
gazetteer id of X ("oic", "au", "asean"). No code per partner: a new partner needs only
its gazetteer entry.

>>> partner_from_title("Cooperation between the United Nations and the African Union")
'au'
>>> partner_from_title("Cooperation between the United Nations and the International Criminal Police Organization (INTERPOL)")
'interpol'
>>> partner_from_title("Oceans and the law of the sea") is None
True
"""

from __future__ import annotations

import re
import unicodedata

from resolutions.gazetteer import load_gazetteer

UN_ID = "un"
_TITLE = re.compile(
    r"^\s*Cooperation between the United Nations and (?:the )?(?P<name>.+?)\s*\.?\s*$", re.I
)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^0-9a-z]+", "", text.replace("co-operation", "cooperation"))


def _forms(entry) -> list[str]:
    return [
        *entry.names.values(),
        *entry.aliases,
        *entry.acronyms,
        *(n for f in entry.former_names for n in f.names.values()),
    ]


def partner_name(title: str) -> str | None:
    """The X of "Cooperation between the United Nations and the X", or None."""
    m = _TITLE.match(title or "")
    return m.group("name") if m else None


def partner_from_title(title: str) -> str | None:
    """The gazetteer id of the partner the title names, or None when it names none."""
    name = partner_name(title)
    if not name:
        return None
    g = load_gazetteer()
    candidates = [name, re.sub(r"\s*\([^)]*\)\s*$", "", name), *re.findall(r"\(([^)]+)\)", name)]
    wanted = {_norm(c) for c in candidates if c.strip()}
    for org in g.organizations:
        if org == UN_ID:
            continue
        if wanted & {_norm(f) for f in _forms(g[org])}:
            return org
    return None


def in_series(title: str, partner: str, agenda_titles: list[str] | tuple = ()) -> bool:
    """Does a resolution with this title (or agenda sub-item title) belong to the series
    of the framework of the UN and ``partner`` (a gazetteer id): is it "Cooperation
    between the United Nations and <the partner>", under any of the partner's names,
    acronyms or former names? A rule on the shape of the title, never a list of symbols.

    >>> in_series("Cooperation between the United Nations and the Organization of the Islamic Conference", "oic")
    True
    >>> in_series("The occupied Syrian Golan", "oic")
    False
    """
    for text in (title, *agenda_titles):
        tail = re.sub(r"^.*?:\s*(?=cooperation between)", "", text or "", flags=re.I)
        if partner_from_title(tail) == partner:
            return True
    return False


def organization_named(text: str) -> str | None:
    """The gazetteer id of the organization ``text`` names ("the United Nations" -> "un").

    >>> organization_named("the United Nations")
    'un'
    """
    wanted = _norm(re.sub(r"\s*\([^)]*\)", "", text))
    g = load_gazetteer()
    for org in g.organizations:
        if wanted in {_norm(f) for f in _forms(g[org])}:
            return org
    return None

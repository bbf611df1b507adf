"""Meetings a resolution mentions, with their dates, places and hosts.

Reads (paragraph id, text) pairs; writes meeting ``Proposal``s. For each date or date
range (``dates.find_spans``) we look for the meeting noun that names what happened then:
the last one in the clause before the date ("the general meeting ..., held in Rabat
from 3 to 5 July 2018"), else the first one just after it ("the holding, on
17 November 2016, of the Security Council briefing"). Dates listed after one plural
noun ("the first and second Conferences ... on 21 November 2017 and 29 November 2018")
are one meeting each. The place is the last "in <Capitalized Place>" between the noun
and the date. A planned meeting ("with the next meeting scheduled for 2020, to be hosted
by the United Nations") has a year and a host organization but no dates.

The kind comes from the noun; joint meetings of the two systems (general meetings,
brainstorming sessions, working groups, Security Council meetings) are proposed with a
high confidence, other meetings (conferences, sessions of one side's organs, workshops)
with a low one, so that they wait in the review list unless --yes.
"""

from __future__ import annotations

import re
from typing import Any

from accord.documents.bootstrap.dates import DateSpan, find_spans
from accord.documents.bootstrap.partner import organization_named
from accord.documents.bootstrap.proposals import Proposal

_NOUN = re.compile(
    r"\b(general meeting|high-level meetings?|brainstorming sessions?|working group|briefing|"
    r"(?:sectoral|thematic) meetings?|meetings?|[Cc]onferences?|[Ss]ummit|sessions?|workshops?|[Ff]orum)\b"
)
_KINDS = [  # (noun pattern, kind, confidence)
    (r"general meeting", "general", 0.9),
    (r"brainstorming", "brainstorming", 0.9),
    (r"working group", "working_group", 0.8),
    (r"sectoral|thematic", "sectoral", 0.8),
    (r"high-level", "high_level", 0.8),
    (r"conference", "conference", 0.6),
]
_LABELS = {
    "general": "General meeting",
    "brainstorming": "Brainstorming session",
    "working_group": "Working group meeting",
    "sectoral": "Sectoral meeting",
}
_CITED = re.compile(
    r"(?:\b\d+/\d+|\([A-Z]+\)|\(\d{4}\))\s+of\s*$|\b(?:adoption|adopted|signing|signed|renewal|"
    r"memorandum|agreement|name)\b[^,;]*\bon\s*$",
    re.I,
)
_PLACE = re.compile(
    r"\bin ((?:[A-Z][\w'’-]+)(?:[ -][A-Z][\w'’-]+)*"  # a city: "Jeddah", "Addis Ababa"
    r"(?:, (?:[A-Z][\w'’-]+)(?: (?:of (?:the )?)?[A-Z][\w'’-]+)*)?)"
)  # ", Islamic Republic of Iran"
_PLANNED = re.compile(
    r"\bnext (?:(general|sectoral|high-level) )?meeting (?:is |was )?(?:scheduled|planned|"
    r"to be held)(?: to take place)? (?:for|in) (\d{4})(?P<rest>[^;]*)"
)
_HOST = re.compile(r"hosted by (the [^,;.]+?)(?:[,;.]|$)")
_ORDINALS = (
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
)
_WINDOW = 300


def _kind(noun: str, phrase: str, paragraph: str) -> tuple[str, float]:
    council = "Security Council" in phrase or (
        "Council" in phrase and "Security Council" in paragraph
    )
    if council and re.search(r"briefing|meeting|debate", noun, re.I):
        return "security_council", 0.85
    for pattern, kind, confidence in _KINDS:
        if re.search(pattern, noun, re.I):
            return kind, confidence
    return "other", 0.5


def _phrase_start(text: str, noun_start: int) -> int:
    """Where the noun phrase ending in the noun at ``noun_start`` begins."""
    head = text[max(0, noun_start - 60) : noun_start]
    at_its = re.search(r"(?:the )?([A-Z][\w'’ -]+?),? at its [\w-]+ $", head)
    if at_its:  # "the Islamic Summit Conference at its thirteenth session"
        return noun_start - len(head) + at_its.start(1)
    det = list(re.finditer(r"\b(?:the|a|an|its|their)\s", head))
    return noun_start - len(head) + det[-1].end() if det else noun_start


def _title(phrase: str, kind: str, place: str, span: DateSpan, ordinal: str | None) -> str:
    if kind in _LABELS:
        city = place.split(",")[0]
        return f"{_LABELS[kind]}{' in ' + city if city else ''} ({span.start.year})"
    phrase = re.split(r",? held\b|, at\b|, in\b| on \d| from \d|,\s*$", phrase)[0]
    phrase = re.sub(r"(?:[,\s]+(?:of|on|from|to|in|at|held)?)+$", "", phrase)
    if kind == "security_council" and "Security Council" not in phrase:
        phrase = phrase.replace("the Council", "the Security Council")
    if ordinal:  # "first and second Conferences of ..." -> "second Conference of ..."
        phrase = re.sub(
            r"^(?:\w+ (?:and|to) \w+|\w+(?:, \w+)+,? and \w+) (\w+?)s\b", rf"{ordinal} \1", phrase
        )
    phrase = phrase[:1].upper() + phrase[1:]
    return phrase if len(phrase) <= 200 else phrase[:197].rsplit(" ", 1)[0] + "…"


def _one(pid: str, text: str, span: DateSpan, window_start: int) -> dict | None:
    before = text[window_start : span.begin]
    if _CITED.search(before[-80:]):
        return None
    nouns = list(_NOUN.finditer(before))
    noun: re.Match[str] | None
    if nouns:
        noun = nouns[-1]
        start = window_start + _phrase_start(before, noun.start())
        phrase = text[start : span.begin]
        between = text[window_start + noun.start() : span.begin]
    else:
        after = text[span.stop : span.stop + 80]
        noun = _NOUN.search(after)
        if noun is None or not re.match(r"^,?\s+of\b", after):
            return None
        phrase = re.sub(r"^,?\s+of\s+(?:the\s+)?", "", after[: noun.end()])
        between = ""
    place = ([m.group(1) for m in _PLACE.finditer(between)] or [""])[-1]
    kind, confidence = _kind(noun.group(0), phrase, text)
    return {
        "pid": pid,
        "noun": noun.group(0),
        "phrase": phrase,
        "kind": kind,
        "confidence": confidence,
        "place": place,
    }


def _planned(pid: str, text: str, org_ids: dict[str, str]) -> Proposal | None:
    m = _PLANNED.search(text)
    if not m:
        return None
    kind = "general" if (m.group(1) == "general" or "general meeting" in text) else "other"
    year = int(m.group(2))
    host = _HOST.search(m.group("rest"))
    host_org = organization_named(host.group(1)) if host else None
    data: dict[str, Any] = {
        "kind": kind,
        "title": f"{_LABELS.get(kind, 'Meeting')} (planned for {year})",
        "start_on": None,
        "end_on": None,
        "year_planned": year,
        "place": "",
        "host_organization": host_org,
    }
    return Proposal(
        "meeting",
        f"{kind}/planned/{year}",
        data["title"],
        data,
        0.85 if host_org else 0.7,
        pid,
        "" if host_org else "the host is not named",
    )


def find_meetings(
    paragraphs: list[tuple[str, str]], org_ids: dict[str, str] | None = None
) -> list[Proposal]:
    """Meeting proposals from (paragraph id, text) pairs, one per (kind, start date)."""
    out: dict[str, Proposal] = {}
    for pid, text in paragraphs:
        previous: dict | None = None
        prev_stop = 0
        for span in find_spans(text):
            gap = text[prev_stop : span.begin]
            if previous and re.fullmatch(r"\s*(?:,|,?\s*and)\s*", gap):
                found: dict | None = {
                    **previous,
                    "index": previous["index"] + 1,
                }  # one more date of a listed plural noun
            else:
                found = _one(pid, text, span, max(prev_stop, span.begin - _WINDOW))
                if found:
                    found["index"] = 0
            previous, prev_stop = found, span.stop
            if not found:
                continue
            plural = found["noun"].endswith("s") and not found["noun"].lower().endswith("ss")
            ordinal = (
                _ORDINALS[found["index"]] if plural and found["index"] < len(_ORDINALS) else None
            )
            kind = found["kind"]
            title = _title(found["phrase"], kind, found["place"], span, ordinal)
            data = {
                "kind": kind,
                "title": title,
                "start_on": span.start.isoformat(),
                "end_on": span.end.isoformat(),
                "year_planned": None,
                "place": found["place"],
                "host_organization": None,
            }
            key = f"{kind}/{span.start.isoformat()}"
            reason = (
                ""
                if found["confidence"] >= 0.7
                else f"“{found['noun']}”: may not be a joint meeting of the two systems"
            )
            proposal = Proposal("meeting", key, title, data, found["confidence"], pid, reason)
            if key not in out:
                out[key] = proposal
            elif not out[key].data["place"] and data["place"]:
                out[key] = Proposal(
                    "meeting",
                    key,
                    out[key].label,
                    {**out[key].data, "place": data["place"]},
                    out[key].confidence,
                    out[key].paragraph,
                    out[key].reason,
                )
        planned = _planned(pid, text, org_ids or {})
        if planned and planned.key not in out:
            out[planned.key] = planned
    return list(out.values())

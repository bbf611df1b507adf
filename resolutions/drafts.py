"""The first page of a draft: what kind of draft it is, its symbol, sponsors and title.

Reads:  the raw text of a document (a PDF text layer, before `clean`).
Writes: a `DraftHeading`, or None when the document is not a draft (an adopted
        resolution, "A/RES/..."). Raises NotAResolution for a note by the
        Secretariat (the organization of work of a Committee, the status of its
        documentation), which is a draft's symbol over prose, not a proposal.

The heading of a draft, as the UN prints it (`../shared/corpus/drafts`):

    United Nations  A/C.3/80/L.25/Rev.1  General Assembly  Distr.: Limited  4 November 2025
    Eightieth session
    Third Committee                             (none for a plenary draft)
    Agenda item 71 (b)
    Promotion and protection of human rights: ...          (the agenda item's title)
    Egypt and Jordan:* draft resolution                    (the sponsors and the kind)
    Combating intolerance, ...                             (the title)
    The General Assembly, ...

The sponsors line can instead read "Draft resolution submitted by the Chair of the
Committee following informal consultations" or "Iraq:* amendment to draft resolution
A/80/L.18"; a starred footnote of the first page may say the sponsor acts "On behalf of
the States that are members of the Group of 77 and China".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from resolutions.errors import NotAResolution
from resolutions.sessions import MONTH_NAMES, ordinal_to_int

DRAFT_SYMBOL = re.compile(
    r"^\s*(A/(?:C\.\d/)?(?:ES-\d+|\d+)/L\.\d+[A-Z]?)((?:/(?:Rev|Add|Corr)\.\d+)*)\**\s*$"
)
DISTR = re.compile(r"Distr\.:\s*\w+\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})")
SESSION_LINE = re.compile(r"^\s*([A-Z][a-z]+(?:[\-\u2011][a-z]+)?)\s+(?:\(\w+\)\s+)?session\s*$")
AGENDA_LINE = re.compile(
    r"^\s*(?:Agenda items?|Items?)\s+(\d.*?)(?:\s+of the (?:provisional |preliminary )?agenda)?\s*\**\s*$"
)
ITEM_SEPARATOR = re.compile(r",\s*|\s+and\s+")
SHORT_COMMITTEE = re.compile(r"\(([A-Z]\w+ Committee)\)")
KIND_AT_END = re.compile(
    r"[:*,\s]\s*(?P<kind>(?:revised )?draft (?:resolution|decision)|amendments? to\b.*)$", re.I
)
SUBMITTED = re.compile(r"^Draft (resolution|decision) submitted by\b", re.I)
DOC_SYMBOL = re.compile(r"\b(?:A|S|E)/[A-Z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*[A-Za-z0-9]")
NOTE_LINE = re.compile(r"^\s*(?:Note by the \w+|Organization of (?:the )?work\b.*)\s*$", re.I)
FORMULA_START = re.compile(r"^\s*The General Assembly\b")
INSTRUCTION = re.compile(
    r"^\s*(?:\d{1,2}\.(?:\s|$)|(?:Delete|Replace|Insert|Add|Amend|Reword|Rephrase|Move|"
    r"After|Before|In|At|Renumber)\b)"
)
STAR_NOTE = re.compile(r"^\s*(\*{1,4})\s+(\S.*)$")
DIGIT_NOTE = re.compile(r"^\s*\d{1,3}(?:\s|$)")
SEPARATOR = re.compile(r"^\s*_{3,}\s*$")
MARKS = re.compile(r"\s*[*\u2217]+\s*")
BEHALF = re.compile(
    r"\bon behalf of (?:the States (?:Members of the United Nations )?that are members of )?"
    r"(?:the )?(?P<group>[^,.;()]+)",
    re.I,
)
TRAILING_PHRASE = re.compile(
    r",?\s+(?:on the basis of|following|on the recommendation of|after)\b.*$", re.S
)
# Member States whose names hold " and ": protected when a list is split at " and ".
COMPOUND_NAMES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
    "Group of 77 and China",
)
_JOINER = "\ue010"
MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, start=1)}
KINDS = {"resolution": "draft_resolution", "decision": "draft_decision"}


@dataclass
class DraftHeading:
    """What the first page of a draft says (pipeline.py copies it into the Resolution)."""

    kind: str  # "draft_resolution", "draft_decision", "amendment"
    symbol: str  # "A/C.3/80/L.25/Rev.1"
    revision: tuple[str, ...]  # ("Rev.1",)
    session: int
    number: str  # "L.25"
    distributed_on: date | None
    committee: str | None  # "Third Committee"; None for a plenary draft
    agenda_items: tuple[str, ...]
    sponsors: tuple[str, ...]
    on_behalf_of: tuple[str, ...]
    title: str
    amends: str | None = None  # for an amendment: the symbol of the draft it amends
    documents: tuple[str, ...] = ()  # symbols named in the sponsors line
    notes: dict[str, str] = field(default_factory=dict)  # "*" -> its footnote text


def read_draft_heading(text: str) -> DraftHeading | None:
    """The heading of a draft in `text`, or None when the text is not a draft."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = next(
        (m for line in lines[:12] if (m := DRAFT_SYMBOL.match(line.replace("\u00a0", " ")))),
        None,
    )
    if found is None:
        return None
    base, marks = found.group(1), found.group(2)
    symbol = base + marks
    page = _first_page(lines)
    head = [line.strip() for line in page]
    flat = " ".join(head)
    distributed = DISTR.search(flat)
    session_at, session = _session(head, base)
    agenda_at = next(
        (i for i in range(session_at + 1, len(head)) if AGENDA_LINE.match(head[i])), None
    )
    start = agenda_at if agenda_at is not None else session_at
    kind_span = _kind_span(head, start + 1)
    if kind_span is None:
        raise NotAResolution(_note_message(symbol, head, start + 1))
    first, last, kind, who, tail = kind_span
    notes = _star_notes(page)
    sponsors, behalf = _sponsors(who)
    for note in notes.values():
        behalf.extend(m.group("group").strip() for m in BEHALF.finditer(note))
    committee_lines = " ".join(head[session_at + 1 : agenda_at or session_at + 1])
    agenda_items: tuple[str, ...] = ()
    if agenda_at is not None:
        items = ITEM_SEPARATOR.split(AGENDA_LINE.match(head[agenda_at]).group(1))  # type: ignore[union-attr]
        agenda_items = tuple(MARKS.sub("", i).strip() for i in items if MARKS.sub("", i).strip())
    title = _title(head, last + 1, kind)
    amended = DOC_SYMBOL.findall(tail) if kind == "amendment" else []
    return DraftHeading(
        kind=kind,
        symbol=symbol,
        revision=tuple(m for m in marks.split("/") if m),
        session=session,
        number=base.rsplit("/", 1)[1],
        distributed_on=_date(*distributed.groups()) if distributed else None,
        committee=_committee(committee_lines),
        agenda_items=agenda_items,
        sponsors=sponsors,
        on_behalf_of=tuple(dict.fromkeys(behalf)),
        title=title,
        amends=amended[-1] if amended else None,
        documents=tuple(DOC_SYMBOL.findall(" ".join(head[first : last + 1]))),
        notes=notes,
    )


def _first_page(lines: list[str]) -> list[str]:
    """The lines of the first page: up to the second page's header (a counter "2/N")."""
    for i, line in enumerate(lines):
        if re.fullmatch(r"\s*2/\d{1,3}\s*", line):
            return lines[:i]
    return lines[:200]


def _session(head: list[str], base: str) -> tuple[int, int]:
    """(index of the session line, the session): "Eightieth session", else the symbol's."""
    for i, line in enumerate(head[:30]):
        m = SESSION_LINE.match(line)
        if m:
            try:
                return i, ordinal_to_int(m.group(1))
            except ValueError:
                break
    digits = re.search(r"/(\d+)/L\.", base)
    return 0, int(digits.group(1)) if digits else 0


def _committee(text: str) -> str | None:
    """ "Third Committee", or the short name of "Special Political and Decolonization
    Committee (Fourth Committee)"; None for a plenary draft."""
    text = " ".join(text.split())
    if "Committee" not in text:
        return None
    m = SHORT_COMMITTEE.search(text)
    return m.group(1) if m else text


def _kind_span(head: list[str], start: int) -> tuple[int, int, str, str, str] | None:
    """Find the sponsors-and-kind sentence: (first line, last line, kind, who, what follows
    the kind words). It opens after a blank line (or at "Draft ... submitted by") and ends
    with "draft resolution", "draft decision" or "amendment to <the draft's symbol>"."""
    for i in range(start, len(head)):
        line = head[i]
        if FORMULA_START.match(line) or SEPARATOR.match(line):
            return None
        if SUBMITTED.match(line):
            return _submitted(head, i)
        m = KIND_AT_END.search(" " + line)
        if m is None or not (":" in line or line[:1] in ",*" or i > start):
            continue
        first = i  # the sentence opens after a blank line (the agenda title ends there)
        while first > start and head[first - 1]:
            first -= 1
        last, tail = i, m.group("kind")
        word = tail.lower()
        if word.startswith("amendment"):
            while not DOC_SYMBOL.search(tail) and last + 1 < len(head) and head[last + 1]:
                last += 1
                tail += " " + head[last]
            kind = "amendment"
        else:
            kind = KINDS[word.split()[-1]]
        sentence = " ".join(head[first : i + 1])
        who = sentence[: len(sentence) - len(m.group("kind"))]
        return first, last, kind, who, tail
    return None


def _submitted(head: list[str], i: int) -> tuple[int, int, str, str, str]:
    """ "Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola
    (Finland), on the basis of informal consultations on draft resolution A/C.2/80/L.2:
    draft resolution" over one to four lines; the sponsor is the officer."""
    kind = KINDS[SUBMITTED.match(head[i]).group(1).lower()]  # type: ignore[union-attr]
    last = i
    ending = next(
        (j for j in range(i, min(i + 5, len(head))) if not head[j] or _ends_with_kind(head[j])),
        None,
    )
    blank = next((j for j in range(i, len(head)) if not head[j] or FORMULA_START.match(head[j])), 0)
    if ending is not None and head[ending]:
        last = ending  # "...: draft resolution" closes the sentence
    elif blank and not head[blank] and blank - i <= 4:
        last = blank - 1  # the sentence runs to the blank line before the title
    else:  # no blank line before the title: the sentence ends where it stops running on
        while last + 1 < len(head) and head[last + 1] and last - i < 4:
            nxt = head[last + 1]
            runs_on = head[last].endswith((",", " of", " the", " by", " on", " to", " and", "("))
            if not (runs_on or nxt[:1].islower() or nxt[:1] in "(,"):
                break
            last += 1
    sentence = " ".join(head[i : last + 1])
    who = SUBMITTED.sub("", sentence)
    who = KIND_AT_END.sub("", who)
    who = TRAILING_PHRASE.sub("", who)
    who = MARKS.sub(" ", who).replace(" )", ")").strip(" ,:")
    return i, last, kind, who, ""


def _ends_with_kind(line: str) -> bool:
    """ "... A/C.2/80/L.2: draft resolution": the line that closes a "submitted by" sentence."""
    m = KIND_AT_END.search(" " + line)
    return m is not None and ":" in line[: len(line) - len(m.group("kind"))]


def _sponsors(who: str) -> tuple[tuple[str, ...], list[str]]:
    """The names before "draft resolution": "France, Ireland and State of Palestine:**"."""
    text = MARKS.sub(" ", who).strip(" ,:")
    text = " ".join(text.split())
    behalf = [m.group("group").strip() for m in BEHALF.finditer(text)]
    text = re.sub(r"\s*\(\s*on behalf of [^)]*\)", "", text, flags=re.I)
    if not text:
        return (), behalf
    if text[:1].islower() or text.lower().startswith("the "):
        return (text.removeprefix("the "),), behalf  # "the Chair": an officer
    for name in COMPOUND_NAMES:
        text = text.replace(name, name.replace(" and ", _JOINER))
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", text)]
    return tuple(n.replace(_JOINER, " and ") for n in names if n), behalf


def _title(head: list[str], start: int, kind: str) -> str:
    """The title: the lines after the sponsors, to a blank line, the formula or (in an
    amendment) the first instruction."""
    while start < len(head) and not head[start]:
        start += 1
    out: list[str] = []
    for line in head[start:]:
        if not line or FORMULA_START.match(line) or SEPARATOR.match(line):
            break
        if out and kind == "amendment" and INSTRUCTION.match(line):
            break
        out.append(line)
    return " ".join(" ".join(out).split())


def _note_message(symbol: str, head: list[str], start: int) -> str:
    """What a draft symbol over no proposal is: "a note by the Secretariat on ..."."""
    described = [line for line in head[start : start + 12] if line]
    what = next((line for line in described if NOTE_LINE.match(line)), None)
    subject = " ".join(described[:3])[:100]
    if what and what.lower().startswith("organization"):
        return (
            f"{symbol} is a note on the {what[0].lower() + what[1:]}, not a draft resolution, "
            "draft decision or amendment: it has no proposal to parse"
        )
    if what:
        return (
            f"{symbol} is a {what[0].lower() + what[1:]} ({subject}), not a draft resolution, "
            "draft decision or amendment: it has no proposal to parse"
        )
    return (
        f"{symbol} has a draft's symbol but no 'draft resolution', 'draft decision' or "
        f"'amendment' line ({subject}): it is not a proposal to parse"
    )


def _star_notes(page: list[str]) -> dict[str, str]:
    """The starred footnotes of the first page: "*" -> "On behalf of ...", "**" -> ...."""
    notes: dict[str, str] = {}
    current: str | None = None
    for line in page:
        m = STAR_NOTE.match(line)
        if m and not m.group(2).startswith("*"):
            current = m.group(1)
            notes.setdefault(current, m.group(2).strip())
            continue
        stripped = line.strip()
        if current is None or not stripped or DIGIT_NOTE.match(stripped):
            current = None
            continue
        notes[current] += " " + stripped
    return {k: " ".join(v.split()) for k, v in notes.items()}


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (KeyError, ValueError):
        return None

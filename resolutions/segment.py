"""Stage "segment": clean text -> the structure of a resolution.

Reads the clean text written by `clean.py` (heading lines, the formula line,
then one paragraph per blank-line separated block, footnote anchors and italic
anchors in place) and `Stage.footnote_bodies`; returns a `Segmented` holding
the heading fields, the preambular and operative paragraphs, the footnotes
anchored to their paragraphs, the annexes, and appends what it was unsure of
to `Stage.warnings`. Citations, entities and mandates come later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from resolutions.clean import ITALIC_CLOSE, ITALIC_OPEN
from resolutions.errors import NotAResolution
from resolutions.markers import MARK_CLOSE, MARK_OPEN
from resolutions.model import (
    Basis,
    Change,
    Footnote,
    OperativeParagraph,
    Point,
    PreambularParagraph,
    Stage,
)
from resolutions.phrases import (
    opens_preamble,
    operative_verb,
    preamble_opening_inside,
    preamble_phrase,
)
from resolutions.sessions import MONTH_NAMES, ordinal_to_int

MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, start=1)}
DATE = r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})"
DATE_RE = re.compile(DATE)
SYMBOL = re.compile(r"A/RES/([A-Z0-9\-]+)/(\d+[A-Z]?)")
TITLE_NUMBER = re.compile(r"^\s*(\d{1,3}|ES-\d+)/(\d{1,4}[A-Z]?)\.\s*")
DISTR = re.compile(r"Distr\.:\s*\w+\s+" + DATE)
SESSION = re.compile(
    r"^\s*([A-Z][a-z]+(?:[\-\u2011 ][a-z]+)?)\s+(?:\(?[a-z]+\)?\s+)?session\b", re.M
)
AGENDA = re.compile(r"^\s*Agenda items?\s+(.+)$", re.M)
ADOPTED = re.compile(r"Resolution adopted by the General Assembly\s+on\s+" + DATE)
BASIS = re.compile(r"\[([^\[\]]*(?:\[[^\]]*\][^\[\]]*)*)\]", re.S)
DOC_SYMBOL = re.compile(r"\b[AS]/[A-Z0-9\-]+/[A-Za-z0-9.\-/]*[A-Za-z0-9]")
SEPARATOR_LINE = re.compile(r"\*(?:\s*\*)*")
COMMITTEE = re.compile(
    r"on the report of the (?:[^()]+?Committee\s*\((?P<short>[A-Z]\w+ Committee)\)"
    r"|(?P<name>.+?Committee))\s*\((?P<report>.+)\)",
    re.S,
)  # "Special Political and Decolonization Committee (Fourth Committee) (A/78/417, para. 8)"
WITHOUT = re.compile(r"without reference to a Main Committee\s*\((.+)\)", re.S)
NUMBERED = re.compile(r"^(\d{1,3})\.\s*")
BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[A-Z])")
POINT = re.compile(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)\s*")
ROMAN_HEADING = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.?$")
CONCLUSION = re.compile(
    r"^(\d{1,3}(?:st|nd|rd|th)\b(?: \(resumed\))? plenary meeting)\s*(.*)$", re.I
)
ANCHOR = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
ITALIC_START = re.compile(f"^{ITALIC_OPEN}([^{ITALIC_CLOSE}]*){ITALIC_CLOSE}")
SPACES = re.compile(r"\s+")
ITEM_SEPARATOR = re.compile(r",\s*|\s+and\s+")
ANNEX_START = re.compile(r"^Annex\b")
# "Annex", "Annex II", "Annex Doha Political Declaration ..." (the title run into the heading)
ANNEX_HEADING = re.compile(r"^Annex(?:es)?(?:\s+[IVX]+)?(?:\s+[A-Z\u201c\"]|\s*$)")
FORMULA_LINE = re.compile(r"^The General Assembly\b.{0,3}$", re.M)
ROMANS = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
]


@dataclass
class Segmented:
    """What segment found; pipeline.py turns it into a Resolution with the annotations."""

    symbol: str = ""
    session: int = 0
    number: str = ""
    title: str = ""
    adopted_on: date | None = None
    distributed_on: date | None = None
    agenda_items: tuple[str, ...] = ()
    basis: Basis | None = None
    documents: tuple[str, ...] = ()
    meeting: str | None = None
    formula: str = "The General Assembly,"
    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    annexes: list[str] = field(default_factory=list)
    annex_markers: set[str] = field(default_factory=set)
    # paragraph id -> {marker: position of its first anchor in the paragraph's clean text}
    marker_offsets: dict[str, dict[str, int]] = field(default_factory=dict)
    # drafts (segment_draft.py): the kind, sponsors and, for an amendment, its changes
    kind: str = "resolution"
    sponsors: tuple[str, ...] = ()
    on_behalf_of: tuple[str, ...] = ()
    revision: tuple[str, ...] = ()
    amends: str | None = None
    changes: list[Change] = field(default_factory=list)


def segment(stage: Stage) -> Segmented:
    """Read the clean `stage.text`; return the heading, paragraphs, footnotes and annexes."""
    text = stage.text
    m = FORMULA_LINE.search(text)
    if m:
        heading, formula, body = text[: m.start()], m.group(0).strip(), text[m.end() :]
    else:
        heading, formula, body = _heading_without_formula(text, stage.warnings)
    out = Segmented(formula=formula or "The General Assembly,")
    _read_heading(heading, out, stage.warnings)
    _read_body(body_blocks(body), out, stage.warnings)
    if not out.operative or (not formula and not (out.symbol and out.adopted_on)):
        raise NotAResolution(
            "not a General Assembly resolution: no formula 'The General Assembly,' "
            "followed by operative paragraphs was found"
        )
    _anchor_footnotes(out, stage)
    return out


def body_blocks(body: str) -> list[str]:
    """The paragraphs of the clean body; a "* * *" between groups of paragraphs is a
    separator, not a paragraph."""
    return [b for b in body.split("\n\n") if b.strip() and not SEPARATOR_LINE.fullmatch(b.strip())]


# -- heading ----------------------------------------------------------------


TITLE_BLOCK = re.compile(r"\n\s*(?:\d{1,3}|ES-\d+)/\d{1,4}[A-Z]?\.\s[^\n]*(?:\n[^\n]+)*")


def _heading_without_formula(text: str, warnings: list[str]) -> tuple[str, str, str]:
    """A PDF that omits "The General Assembly,": the heading ends with the numbered title
    after the adoption line ("Resolution adopted by ... on ..." then "79/9. Title")."""
    adopted = ADOPTED.search(text)
    title = TITLE_BLOCK.search(text, adopted.end()) if adopted else None
    if title is None:
        return "", "", text
    warnings.append("no formula 'The General Assembly,': the heading ends with the title")
    return text[: title.end()], "", text[title.end() :]


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (KeyError, ValueError):
        return None


def _read_heading(heading: str, out: Segmented, warnings: list[str]) -> None:
    plain = _plain(heading, keep_lines=True)
    flat = SPACES.sub(" ", plain)
    m = SYMBOL.search(plain)
    if m:
        out.symbol = m.group(0)
    m = DISTR.search(flat)
    if m:
        out.distributed_on = _date(*m.groups())
    m = SESSION.search(plain)
    if m:
        try:
            out.session = ordinal_to_int(m.group(1))
        except ValueError:
            warnings.append(f"session not understood: {m.group(0).strip()!r}")
    m = AGENDA.search(plain)
    if m:
        items = ITEM_SEPARATOR.split(m.group(1).strip())
        out.agenda_items = tuple(i.strip() for i in items if i.strip())
    m = ADOPTED.search(flat)
    if m:
        out.adopted_on = _date(*m.groups())
    after = plain
    m = BASIS.search(plain)
    if m:
        out.basis, out.documents = _basis(SPACES.sub(" ", m.group(1)).strip())
        after = plain[m.end() :]
    elif ADOPTED.search(plain):
        after = plain[ADOPTED.search(plain).end() :]  # type: ignore[union-attr]
    title = SPACES.sub(" ", after).strip()
    m = TITLE_NUMBER.match(title)
    if m:
        session, number = m.group(1), m.group(2)
        title = title[m.end() :]
        if not out.symbol:
            out.symbol = f"A/RES/{session}/{number}"
        elif out.symbol != f"A/RES/{session}/{number}":
            warnings.append(
                f"the heading says {out.symbol} but the title is numbered {session}/{number}"
            )
    elif heading.strip():
        warnings.append("the title has no number prefix; the symbol comes from the page heading")
    out.title = title
    m = SYMBOL.fullmatch(out.symbol) if out.symbol else None
    if m:
        out.number = m.group(2)
        if m.group(1).isdigit():
            sess = int(m.group(1))
            if out.session and out.session != sess:
                warnings.append(
                    f"the heading names session {out.session} but the symbol {out.symbol}"
                )
            out.session = out.session or sess
    elif heading.strip():
        warnings.append("no document symbol (A/RES/...) found in the heading")
    if heading.strip():
        for name, value in (("adoption date", out.adopted_on), ("basis", out.basis)):
            if value is None:
                warnings.append(f"no {name} found in the heading")


def _basis(text: str) -> tuple[Basis, tuple[str, ...]]:
    docs = tuple(DOC_SYMBOL.findall(text))
    m = COMMITTEE.search(text)
    if m:
        committee = m.group("short") or m.group("name")
        return Basis(kind="committee", committee=committee, report=m.group("report").strip()), docs
    m = WITHOUT.search(text)
    if m:
        return Basis(kind="plenary", report=m.group(1).strip()), docs
    return Basis(kind="other", report=text), docs


# -- body -------------------------------------------------------------------


@dataclass
class _Para:
    kind: str  # "pre" or "op"
    number: int | None
    text: str
    verb: str = ""
    heading: str | None = None
    points: list[list] = field(default_factory=list)  # [label, text, subpoints]
    late: bool = False  # a preambular paragraph of a later part (after operative ones)
    listing: bool = False  # holds a numbered list after its colon (an agenda, statute articles)


@dataclass
class _Body:
    """What the body reader knows while it reads the blocks in order."""

    blocks: list[str]
    out: Segmented
    warnings: list[str]
    paras: list[_Para] = field(default_factory=list)
    pending_heading: list[str] = field(default_factory=list)
    seen_op: bool = False
    late_preamble: bool = False
    numbered: bool = False  # a numbered operative paragraph was seen
    lead: str | None = None  # "Resolves that:" before the first numbered paragraph (79/261)
    completing: list[str] = field(default_factory=list)  # numbered paragraphs completing it


def _read_body(blocks: list[str], out: Segmented, warnings: list[str]) -> None:
    body = _Body(blocks, out, warnings)
    i: int | None = 0
    while i is not None and i < len(blocks):
        i = _read_block(body, i)
    if body.completing:
        warnings.append(
            f"operative paragraph(s) {', '.join(body.completing)} complete "
            f"{_plain(body.lead or '')[:40]!r} and open without a verb of their own"
        )
    _freeze(body.paras, out, warnings)


def _read_block(body: _Body, i: int) -> int | None:
    """Reads block i into the paragraphs; returns the index of the next block to read, or
    None where the body ends (the closing meeting line, or an annex after the operative part)."""
    block = body.blocks[i].strip()
    plain = _plain(block)
    if _body_ends(body, i, plain):
        return None
    paras = body.paras
    num = NUMBERED.match(plain) or _bare_number(plain, paras, body.warnings)
    point = POINT.match(plain)
    if num and not body.pending_heading and _inner_item(paras, plain[num.end() :]):
        _add_list_item(body, block)
    elif num:
        _add_numbered(body, block, num)
    elif point and paras and paras[-1].kind == "pre":
        paras[-1].text += " " + block
    elif point and paras:
        _add_point(paras[-1], point.group(1), block[POINT.match(block).end() :])  # type: ignore[union-attr]
    elif _is_heading(
        plain, bool(body.pending_heading), body.blocks[i + 1] if i + 1 < len(body.blocks) else ""
    ):
        body.pending_heading.append(plain)
    elif body.seen_op and _ends(plain, ",") and opens_preamble(plain):
        _add_late_preamble(body, block)
    elif body.seen_op and body.pending_heading and operative_verb(plain) and not _ends(plain, ","):
        heading = " ".join(body.pending_heading)
        body.pending_heading = []
        paras.append(_Para("op", None, block, _verb(block, body.warnings), heading))
    elif body.seen_op:
        body.warnings.append(
            f"text after operative paragraph {paras[-1].number} kept with it: {plain[:50]!r}"
        )
        paras[-1].text += " " + block
    else:
        return _add_unnumbered(body, i, block, plain)
    return i + 1


def _body_ends(body: _Body, i: int, plain: str) -> bool:
    """The closing meeting line (its date is the adoption date when the heading had none), or
    "Annex" after the operative part (a draft has no closing meeting line): what follows is
    kept in annexes, not read as paragraphs."""
    out = body.out
    conclusion = CONCLUSION.match(plain)
    if conclusion:
        out.meeting = conclusion.group(1)
        m = DATE_RE.search(conclusion.group(2))
        if m and out.adopted_on is None:
            out.adopted_on = _date(*m.groups())
        rest = body.blocks[i + 1 :]
    elif body.seen_op and ANNEX_HEADING.match(plain):
        rest = body.blocks[i:]
    else:
        return False
    out.annexes.extend(_annexes(rest))
    out.annex_markers.update(m for b in rest for m in ANCHOR.findall(b))
    return True


def _add_list_item(body: _Body, block: str) -> None:
    """ "Approves the provisional agenda as follows:" then "1. Opening of the session.": the
    numbered item stays in the operative paragraph before it."""
    last = body.paras[-1]
    if not last.listing:
        body.warnings.append(
            f"numbered items inside operative paragraph {last.number} (a list or "
            "a quoted text after its colon) are kept in it"
        )
    last.text += " " + block
    last.listing = True


def _add_numbered(body: _Body, block: str, num: re.Match) -> None:
    body.seen_op = True
    text = block[(NUMBERED.match(block) or BARE_NUMBER.match(block)).end() :]  # type: ignore[union-attr]
    heading = " ".join(body.pending_heading) or None
    body.pending_heading = []
    if not body.numbered:
        body.numbered, body.lead = True, _lead_in(body.paras)
    found = _verb(text, body.warnings if body.lead is None else [])
    if body.lead is not None and not found:
        body.completing.append(num.group(1))
    body.paras.append(_Para("op", int(num.group(1)), text, found, heading))


def _add_late_preamble(body: _Body, block: str) -> None:
    """A preambular paragraph after operative ones: a later part of a resolution in parts."""
    paras = body.paras
    if not body.late_preamble:
        body.late_preamble = True
        body.warnings.append(
            f"preambular paragraphs after operative paragraph {paras[-1].number} "
            "(a resolution in parts) are listed with the preamble, the first of each "
            "part with the part's heading"
        )
    opens_part = paras[-1].kind == "op"  # the first preambular paragraph of this part
    part = " ".join(body.pending_heading) if opens_part and body.pending_heading else None
    paras.append(_Para("pre", None, block, heading=part, late=True))


def _add_unnumbered(body: _Body, i: int, block: str, plain: str) -> int:
    """An unnumbered block before any operative paragraph: an unnumbered operative paragraph
    when it opens with a verb (79/14), else a preambular paragraph. Returns the next index."""
    verb = operative_verb(plain) if not plain.rstrip().endswith(",") else None
    # "Adopts the following outcome document ...:" then the adopted text, whose own
    # preambular paragraphs end with commas
    opens_text = _ends(plain, ":")
    if verb and not _ends(plain, ",") and (opens_text or _next_is_not_preamble(body.blocks, i)):
        body.seen_op = True
        body.paras.append(_Para("op", None, block, _verb(block, body.warnings)))
        if plain.rstrip().endswith(":") and i + 1 < len(body.blocks):
            return _adopted_text(body, i)
        return i + 1
    part = None
    if body.pending_heading and ROMAN_HEADING.match(body.pending_heading[0]):
        part = " ".join(body.pending_heading)  # "I", its title: part I's preamble opens
        block, part = _title_run_in(block, part)
    elif body.pending_heading and not opens_preamble(body.pending_heading[0]):
        part = " ".join(body.pending_heading)  # a sub-heading of the preamble
    elif body.pending_heading:  # the start of this paragraph, cut off by a page break
        block = " ".join(body.pending_heading) + " " + block
    body.pending_heading = []
    body.paras.append(_Para("pre", None, block, heading=part))
    return i + 1


def _title_run_in(block: str, part: str) -> tuple[str, str]:
    """ "I" then "Conditions of service ... Tribunals Recalling its resolutions ...": the
    part's title, which the PDF gave in one block with its first preambular paragraph."""
    plain = _plain(block)
    at = -1 if opens_preamble(plain) else preamble_opening_inside(plain[:300])
    if at < 0:
        return block, part
    word = plain[at:].split(" ", 1)[0]  # where the block has it: in a PDF, in its italic span
    start = block.find(ITALIC_OPEN + word)
    start = start if start >= 0 else block.find(plain[at : at + 40])
    if start < 0:
        return block, part
    return block[start:], f"{part} {plain[:at].strip()}"


def _adopted_text(body: _Body, i: int) -> int:
    """After an unnumbered operative paragraph i ending with a colon: a titled text it adopts
    (79/1's Pact for the Future) is kept in annexes; returns the index after that text (or
    i + 1 when points, numbered paragraphs or the closing line follow instead)."""
    blocks = body.blocks
    nxt = _plain(blocks[i + 1])
    if POINT.match(nxt) or CONCLUSION.match(nxt) or NUMBERED.match(nxt):
        return i + 1
    j = _adopted_text_end(blocks, i + 1)
    body.out.annexes.append(_annex_text(blocks[i + 1 : j]))
    body.out.annex_markers.update(m for b in blocks[i + 1 : j] for m in ANCHOR.findall(b))
    body.warnings.append(
        f"operative paragraph {len(body.paras)} adopts an attached text "
        f"({nxt[:60]!r}); it is kept in annexes, not segmented"
    )
    return j


def _inner_item(paras: list[_Para], text: str) -> bool:
    """Whether a numbered block is an item of a list inside the operative paragraph before
    it: that paragraph ends with a colon (or holds such items already) and the block opens
    without an operative verb ("1. Opening of the session.", "4. The Tribunal shall ...")."""
    last = paras[-1] if paras else None
    if last is None or last.kind != "op" or last.number is None or last.points:
        return False
    if not (last.listing or _ends(last.text, ":")):
        return False
    return operative_verb(text) is None


def _lead_in(paras: list[_Para]) -> str | None:
    """The text of the only operative paragraph before the numbered ones when it is
    unnumbered and ends with a colon ("Resolves that:"): the numbered paragraphs then
    complete it and need no verb of their own (79/261). None otherwise."""
    ops = [p for p in paras if p.kind == "op"]
    if len(ops) == 1 and ops[0].number is None and ops[0].verb and _ends(ops[0].text, ":"):
        return ops[0].text
    return None


def _bare_number(plain: str, paras: list[_Para], warnings: list[str]) -> re.Match | None:
    """ "26 Condemns ...": the next paragraph number printed without its period."""
    m = BARE_NUMBER.match(plain)
    if not m:
        return None
    last = next(
        (p.number for p in reversed(paras) if p.kind == "op" and p.number is not None), None
    )
    if last is None or int(m.group(1)) != last + 1:
        return None
    if operative_verb(plain[m.end() :]) is None:
        return None
    warnings.append(
        f"operative paragraph {m.group(1)} is printed without the period after its number"
    )
    return m


def _ends(text: str, char: str) -> bool:
    return ANCHOR.sub("", text).rstrip().endswith(char)


def _next_is_not_preamble(blocks: list[str], i: int) -> bool:
    """An unnumbered paragraph is operative when no preambular paragraph (ending in ',') follows."""
    for block in blocks[i + 1 : i + 2]:
        plain = _plain(block)
        if _ends(plain, ",") and not POINT.match(plain):
            return False
    return True


def _adopted_text_end(blocks: list[str], start: int) -> int:
    for j in range(start, len(blocks)):
        if CONCLUSION.match(_plain(blocks[j])):
            return j
    return len(blocks)


def _is_heading(plain: str, after_heading: bool, next_block: str) -> bool:
    """A section heading: "I", "A.", or a short unpunctuated line before a numbered paragraph."""
    if ROMAN_HEADING.match(plain):
        return True
    if any(_ends(plain, c) for c in ",;.:") or not plain[:1].isupper():
        return False
    if after_heading and len(plain) <= 400:
        return True  # the title after "II" can be long (79/145)
    if len(plain) > 200:
        return False
    nxt = _plain(next_block)
    if NUMBERED.match(nxt):
        return True
    if len(plain) <= 120 and opens_preamble(nxt) and not opens_preamble(plain):
        return True  # "Countries in special situations" between two preambular paragraphs
    return operative_verb(plain) is None


def _verb(text: str, warnings: list[str]) -> str:
    m = ITALIC_START.match(text.lstrip())
    if m:
        span = _plain(m.group(1)).strip()
        whole = _plain(text[m.end() :]).strip()
        if span and whole and len(span.split()) <= 6:
            return span
    plain = _plain(text)
    verb = operative_verb(plain)
    if verb is None and opens_preamble(plain):
        # a numbered paragraph that opens like a preambular one: "14. Looking forward to the
        # Conference ...;", "2. Alarmed by the reductions in funding, calls upon ..."
        return preamble_phrase(plain)
    if verb is None:
        warnings.append(f"no operative verb recognized at: {plain[:40]!r}")
        return ""
    return verb


def _add_point(para: _Para, label: str, text: str) -> None:
    points = para.points
    if points and label in ROMANS and points[-1][0] not in ROMANS:
        last_letter = points[-1][0]
        expected_letter = chr(ord(last_letter[-1]) + 1) if len(last_letter) == 1 else ""
        if label != expected_letter:
            points[-1][2].append([label, text, []])
            return
    points.append([label, text, []])


def _freeze(paras: list[_Para], out: Segmented, warnings: list[str]) -> None:
    pre = [p for p in paras if p.kind == "pre"]
    ops = [p for p in paras if p.kind == "op"]
    for n, p in enumerate(pre, 1):
        text = _clean_text(p.text)
        _note_offsets(f"pre-{n}", p.text, out)
        out.preamble.append(
            PreambularParagraph(
                id=f"pre-{n}",
                phrase=preamble_phrase(text),
                text=text,
                footnotes=_markers(p.text),
                heading=_clean_text(p.heading) if p.heading else None,
            )
        )
    expected = 1
    for n, p in enumerate(ops, 1):
        if p.number == 1 and expected > 1 and p.heading:
            warnings.append(
                f"operative numbering restarts at 1 under the heading {p.heading[:60]!r}"
            )
        elif p.number is not None and p.number != expected:
            kind = "repeats" if p.number < expected else "skips"
            warnings.append(
                f"operative numbering {kind}: paragraph {p.number} where {expected} was expected"
            )
        if p.number is not None:
            expected = p.number + 1
        full = p.text + "".join(" " + _point_text(pt) for pt in p.points)
        _note_offsets(f"op-{n}", full, out)
        out.operative.append(
            OperativeParagraph(
                id=f"op-{n}",
                number=p.number,
                verb=p.verb,
                text=_clean_text(full),
                points=tuple(_point(pt) for pt in p.points),
                footnotes=_markers(full),
                heading=_clean_text(p.heading) if p.heading else None,
            )
        )
    if len(ops) > 1 and any(p.number is None for p in ops):
        warnings.append("some operative paragraphs carry no number")


def _note_offsets(pid: str, raw: str, out: Segmented) -> None:
    """Record where each footnote anchor of `raw` falls in its clean text (`_clean_text(raw)`):
    the length of the clean text before the anchor, so the marker sits right after the
    word or punctuation it was glued to."""
    if MARK_OPEN not in raw:
        return
    offsets: dict[str, int] = {}
    for m in ANCHOR.finditer(raw):
        if m.group(1) not in offsets:
            offsets[m.group(1)] = len(_clean_text(raw[: m.start()]))
    out.marker_offsets[pid] = offsets


def _point_text(pt: list) -> str:
    return f"({pt[0]}) {pt[1]}" + "".join(" " + _point_text(sub) for sub in pt[2])


def _point(pt: list) -> Point:
    return Point(label=pt[0], text=_clean_text(pt[1]), points=tuple(_point(s) for s in pt[2]))


def _annexes(blocks: list[str]) -> list[str]:
    """Text after the conclusions: annexes, split where a block starts with "Annex"."""
    out: list[list[str]] = []
    for block in blocks:
        plain = _plain(block)
        if not out or ANNEX_START.match(plain):
            out.append([])
        out[-1].append(block)
    return [_annex_text(b) for b in out if b]


def _annex_text(blocks: list[str]) -> str:
    cleaned = (_clean_text(b) for b in blocks)  # each block cleaned once (annexes are long)
    return "\n\n".join(text for text in cleaned if text)


def _markers(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ANCHOR.findall(text)))


def _plain(text: str, keep_lines: bool = False) -> str:
    if MARK_OPEN in text:
        text = ANCHOR.sub("", text)
    if ITALIC_OPEN in text or ITALIC_CLOSE in text:
        text = text.replace(ITALIC_OPEN, "").replace(ITALIC_CLOSE, "")
    return text if keep_lines else text.strip()


def _clean_text(text: str) -> str:
    return " ".join(_plain(text).split())


def _anchor_footnotes(out: Segmented, stage: Stage) -> None:
    where: dict[str, str] = {}
    paragraphs: list[PreambularParagraph | OperativeParagraph] = [*out.preamble, *out.operative]
    for p in paragraphs:
        for marker in p.footnotes:
            where.setdefault(marker, p.id)
    loose: list[str] = []
    in_annex: list[str] = []
    for marker, body in stage.footnote_bodies.items():
        pid = where.get(marker)
        if pid is None:
            (in_annex if marker in out.annex_markers else loose).append(marker)
        offset = out.marker_offsets.get(pid, {}).get(marker) if pid else None
        out.footnotes.append(Footnote(marker=marker, text=body, paragraph=pid, offset=offset))
    if in_annex:
        stage.warnings.append(
            f"footnotes cited in an annex, not in a paragraph: {', '.join(in_annex)}"
        )
    if loose:
        stage.warnings.append(f"footnotes not anchored to a paragraph: {', '.join(loose)}")
    for marker in where:
        if marker not in stage.footnote_bodies:
            stage.warnings.append(f"marker {marker} has no footnote body")

"""The parsed resolution: frozen dataclasses, no behaviour beyond small helpers.

Every stage of the pipeline reads and writes these; `serialize.py` turns them
into JSON (described by `schema/resolution.schema.json`) and `akn.py` into
Akoma Ntoso. Paragraph references everywhere use the paragraph's `id`:

    "pre-3"   the third preambular paragraph
    "op-25"   operative paragraph 25 (the position, 1-based, even when the
              paragraph carries no number, as in 79/14's single paragraph)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Point:
    """A lettered or numbered sub-point of an operative paragraph: (a), (b), (i).

    >>> Point(label="a", text="To continue ...").label
    'a'
    """

    label: str  # "a", "b", "i", "ii" (without brackets)
    text: str
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class PreambularParagraph:
    id: str  # "pre-1"
    phrase: str  # the opening participle or adjective phrase: "Recalling also", "Noting with appreciation"
    text: str  # the whole paragraph, phrase included, markers removed, whitespace normalized
    footnotes: tuple[str, ...] = ()  # markers of the footnotes anchored here ("1", "2")
    # In a resolution in parts (79/258), the heading of the part whose preamble this opens
    # ("II Request for a subvention ..."); the part's first operative paragraph repeats it.
    heading: str | None = None


@dataclass(frozen=True)
class OperativeParagraph:
    id: str  # "op-1"
    number: int | None  # as printed; None for an unnumbered single paragraph (79/14)
    verb: str  # the opening verb phrase: "Requests", "Also welcomes", "Decides"
    text: str  # the whole paragraph, verb and points included, markers removed
    points: tuple[Point, ...] = ()
    footnotes: tuple[str, ...] = ()
    heading: str | None = (
        None  # the section heading printed just before it: "I. Calendar of conferences and meetings"
    )


@dataclass(frozen=True)
class Footnote:
    marker: str  # "1"
    text: str
    paragraph: (
        str | None
    )  # id of the paragraph the marker is in; None when not found (then a warning)
    offset: int | None = None  # the marker's position in that paragraph's text; None when unknown


@dataclass(frozen=True)
class Citation:
    """A citation of a resolution or document.

    kind is one of:
      "ga-resolution"       73/135, 3369 (XXX), A/RES/73/135
      "sc-resolution"       Security Council resolution 2178 (2014)
      "hrc-resolution"      Human Rights Council resolution 16/18
      "ecosoc-resolution"   Economic and Social Council resolution 2024/5 (symbol "E/RES/2024/5")
      "ga-decision"         General Assembly decision 77/512
      "document"            A/73/328-S/2018/592, A/73/L.45, A/78/481/Add.3
      "sc-meeting-record"   S/PV.7813
      "presidential-statement"  S/PRST/2013/16
      "official-records"    Official Records of the General Assembly, ... Supplement No. 53 (A/66/53)
    """

    kind: str
    symbol: str  # normalized: "73/135", "3369 (XXX)", "S/RES/2178 (2014)", "A/73/L.45", "S/PV.7813"
    text: str  # as written in the paragraph
    paragraph: str | None  # paragraph id, or None for the heading block
    date: date | None = None  # "of 13 December 2018" when given


@dataclass(frozen=True)
class EntityMention:
    """A body named in the text, matched to the gazetteer."""

    id: str  # stable gazetteer id: "un.ohchr", "oic.iphrc"
    name: str  # canonical English name
    organization: str  # "un", "oic", "au", ... or "other"
    kind: str  # principal organ, department, office, agency, fund, programme, subsidiary organ, ...
    acronym: str | None
    paragraphs: tuple[str, ...]  # ids of the paragraphs that name it, in order
    matched: tuple[
        str, ...
    ] = ()  # the surface forms found ("OHCHR", "Office of the United Nations High Commissioner ...")


@dataclass(frozen=True)
class Mandate:
    """A request for action in an operative paragraph."""

    paragraph: str  # "op-25"
    verb: str  # "Requests"
    addressees: tuple[str, ...]  # as named: ("Secretary-General",)
    addressee_ids: tuple[str, ...]  # gazetteer ids where matched: ("un.sg",)
    action: str  # what is asked: "to submit to the General Assembly at its seventy-fifth session a report ..."
    session: int | None = None  # 75
    year: int | None = None  # 2020 (the year the session opens)
    recurrence: str | None = (
        None  # "annual", "biennial", "triennial", "quadrennial", "quinquennial"
    )


@dataclass(frozen=True)
class Basis:
    """How the resolution reached the plenary."""

    kind: str  # "plenary" (without reference to a Main Committee) or "committee"
    committee: str | None = None  # "Third Committee"
    report: str | None = None  # "A/78/481/Add.3, para. 33" or the draft "A/73/L.45"


@dataclass(frozen=True)
class Change:
    """One change an amendment makes to a draft: "Replace operative paragraph 200 with the
    following text:" and the text it brings (empty when it only deletes)."""

    number: int | None  # as printed ("1."), None when the changes are not numbered
    instruction: str  # "Delete the thirty-eighth preambular paragraph reading:"
    text: str = (
        ""  # the quoted paragraph(s) that follow the instruction, blocks joined by a blank line
    )


KINDS = ("resolution", "draft_resolution", "draft_decision", "amendment")


@dataclass(frozen=True)
class Resolution:
    symbol: str  # "A/RES/73/135"
    session: int
    number: str  # "135"
    title: str
    adopted_on: date | None
    distributed_on: date | None
    agenda_items: tuple[str, ...]  # ("128 (b)",)
    basis: Basis | None
    documents: tuple[str, ...]  # ("A/73/L.45",)
    meeting: str | None  # "52nd plenary meeting"
    preamble: tuple[PreambularParagraph, ...]
    operative: tuple[OperativeParagraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    citations: tuple[Citation, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    mandates: tuple[Mandate, ...] = ()
    warnings: tuple[str, ...] = ()
    source_format: str = "text"  # "text", "markdown", "pdf", "docx", "html"
    language: str = "en"
    formula: str = "The General Assembly,"
    annexes: tuple[
        str, ...
    ] = ()  # texts attached or adopted (annexes, the Pact of 79/1), clean, not segmented
    kind: str = "resolution"  # one of KINDS; a draft's symbol is "A/80/L.10", "A/C.3/80/L.25/Rev.1"
    # the States named before "draft resolution", or the officer who submits it ("Chair of the Committee")
    sponsors: tuple[str, ...] = ()
    on_behalf_of: tuple[str, ...] = ()  # groups a sponsor speaks for: ("Group of 77 and China",)
    revision: tuple[str, ...] = ()  # the symbol's revision marks: ("Rev.1",), ("Add.1",)
    amends: str | None = None  # an amendment: the symbol of the draft it amends ("A/80/L.18")
    changes: tuple[Change, ...] = ()  # an amendment: its changes, in order

    @property
    def short_number(self) -> str:
        """ "73/135" """
        return f"{self.session}/{self.number}"

    def paragraph(self, pid: str) -> PreambularParagraph | OperativeParagraph | None:
        paragraphs: tuple[PreambularParagraph | OperativeParagraph, ...] = (
            *self.preamble,
            *self.operative,
        )
        for p in paragraphs:
            if p.id == pid:
                return p
        return None


@dataclass
class Stage:
    """Mutable working state passed between pipeline stages (see pipeline.py).

    Each stage's docstring says which of these fields it reads and writes.
    """

    raw: bytes = b""
    text: str = ""
    source_format: str = "text"
    footnote_bodies: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

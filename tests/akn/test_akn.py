"""Akoma Ntoso output: strict validity, the AKN4UN shape, and what the text carries inline."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from resolutions.akn import AKN_NS, to_akn, validate_akn
from resolutions.model import (
    Basis,
    Citation,
    EntityMention,
    Footnote,
    OperativeParagraph,
    Point,
    PreambularParagraph,
    Resolution,
)

NS = {"a": AKN_NS}


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _resolution(**changes) -> Resolution:
    """A small resolution built by hand: footnotes, nested points, citations, entities, a heading, an annex."""
    fields = {
        "symbol": "A/RES/73/135",
        "session": 73,
        "number": "135",
        "title": "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        "adopted_on": date(2018, 12, 13),
        "distributed_on": date(2019, 1, 9),
        "agenda_items": ("128 (b)",),
        "basis": Basis(kind="plenary", report="A/73/L.45"),
        "documents": ("A/73/L.45",),
        "meeting": "52nd plenary meeting",
        "preamble": (
            PreambularParagraph(
                id="pre-1",
                phrase="Recalling",
                text="Recalling its resolutions 37/4 of 22 October 1982 and 72/74 of 6 December 2017,",
            ),
            PreambularParagraph(
                id="pre-2",
                phrase="Having considered",
                text="Having considered the report of the Secretary-General on cooperation <between> & beyond,",
                footnotes=("1",),
            ),
        ),
        "operative": (
            OperativeParagraph(
                id="op-1",
                number=1,
                verb="Takes note with satisfaction",
                text="Takes note with satisfaction of the report of the Secretary-General;",
                footnotes=("2",),
            ),
            OperativeParagraph(
                id="op-2",
                number=2,
                verb="Requests",
                text="Requests the Office of the United Nations High Commissioner for Human Rights (a) to report; "
                "(b) to consult: (i) States; (ii) the Human Rights Council;",
                points=(
                    Point(label="a", text="to report;"),
                    Point(
                        label="b",
                        text="to consult: (i) States; (ii) the Human Rights Council;",
                        points=(
                            Point(label="i", text="States;"),
                            Point(label="ii", text="the Human Rights Council;"),
                        ),
                    ),
                ),
                heading="I. Reports",
            ),
            OperativeParagraph(
                id="op-3",
                number=None,
                verb="Decides",
                text="Decides to include the item in the provisional agenda of its seventy-fifth session.",
            ),
        ),
        "footnotes": (
            Footnote(marker="1", text="A/73/328-S/2018/592.", paragraph="pre-2"),
            Footnote(marker="2", text="See S/PV.7813.", paragraph="op-1"),
            Footnote(marker="3", text="A footnote whose marker was not found.", paragraph=None),
        ),
        "citations": (
            Citation(
                kind="ga-resolution",
                symbol="37/4",
                text="37/4 of 22 October 1982",
                paragraph="pre-1",
                date=date(1982, 10, 22),
            ),
            Citation(
                kind="ga-resolution",
                symbol="72/74",
                text="72/74 of 6 December 2017",
                paragraph="pre-1",
                date=date(2017, 12, 6),
            ),
            Citation(
                kind="document",
                symbol="A/73/328-S/2018/592",
                text="A/73/328-S/2018/592",
                paragraph="pre-2",
            ),
            Citation(
                kind="sc-meeting-record", symbol="S/PV.7813", text="S/PV.7813", paragraph="op-1"
            ),
            Citation(kind="document", symbol="A/73/L.45", text="A/73/L.45", paragraph=None),
        ),
        "entities": (
            EntityMention(
                id="un.sg",
                name="Secretary-General",
                organization="un",
                kind="principal organ",
                acronym="SG",
                paragraphs=("pre-2", "op-1"),
                matched=("Secretary-General",),
            ),
            EntityMention(
                id="un.ohchr",
                name="Office of the United Nations High Commissioner for Human Rights",
                organization="un",
                kind="office",
                acronym="OHCHR",
                paragraphs=("op-2",),
            ),
            EntityMention(
                id="un.hrc",
                name="Human Rights Council",
                organization="un",
                kind="subsidiary organ",
                acronym="HRC",
                paragraphs=("op-2",),
                matched=("Human Rights Council",),
            ),
        ),
        "annexes": ("Annex\n\nA text adopted with the resolution.",),
    }
    fields.update(changes)
    return Resolution(**fields)


@pytest.fixture(scope="module")
def tree():
    xml = to_akn(_resolution())
    assert validate_akn(xml) == []
    return etree.fromstring(xml.encode())


def test_a_hand_built_resolution_validates_strictly():
    assert validate_akn(to_akn(_resolution())) == []


def test_it_names_the_work_by_its_akn4un_uri(tree):
    statement = tree.find("a:statement", NS)
    assert statement.get("name") == "resolution"
    work = tree.find(".//a:FRBRWork", NS)
    assert (
        work.find("a:FRBRuri", NS).get("value")
        == "/akn/un/statement/deliberation/un-ga/2018-12-13/73-135"
    )
    assert work.find("a:FRBRauthor", NS).get("href") == "#un-ga"
    assert work.find("a:FRBRcountry", NS).get("value") == "un"
    assert work.find("a:FRBRdate", NS).get("date") == "2018-12-13"
    expression = tree.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value")
    assert expression == "/akn/un/statement/deliberation/un-ga/2018-12-13/73-135/eng@"


def test_the_preface_carries_symbol_title_date_and_agenda_item(tree):
    preface = tree.find(".//a:preface", NS)
    assert preface.find(".//a:docNumber", NS).text == "A/RES/73/135"
    assert preface.find(".//a:docTitle", NS).text.startswith(
        "Cooperation between the United Nations"
    )
    assert preface.find(".//a:docDate", NS).get("date") == "2018-12-13"
    assert "Agenda item 128 (b)" in _text(preface)
    assert preface.find(".//a:ref", NS).text == "A/73/L.45"


def test_the_preamble_has_the_formula_and_one_container_per_paragraph(tree):
    preamble = tree.find(".//a:preamble", NS)
    assert _text(preamble.find("a:formula", NS)) == "The General Assembly,"
    containers = preamble.findall("a:container", NS)
    assert [c.get("name") for c in containers] == ["preambularParagraph"] * 2
    assert containers[0].find(".//a:i", NS).text == "Recalling"
    assert "<between> & beyond" in _text(containers[1])  # escaped by lxml, never concatenated


def test_one_paragraph_per_operative_paragraph_with_points_and_an_unnumbered_one(tree):
    paragraphs = tree.findall(".//a:mainBody//a:paragraph", NS)
    assert [p.get("eId") for p in paragraphs] == ["para_1", "para_2", "para_3"]
    assert [getattr(p.find("a:num", NS), "text", None) for p in paragraphs] == ["1.", "2.", None]
    second = paragraphs[1]
    assert second.getparent().find("a:heading", NS).text == "Reports"
    assert second.getparent().find("a:num", NS).text == "I."
    assert _text(second.find("a:intro", NS)).startswith("Requests the Office")
    points = second.findall("a:point", NS)
    assert [p.find("a:num", NS).text for p in points] == ["(a)", "(b)"]
    assert [p.find("a:num", NS).text for p in points[1].findall("a:point", NS)] == ["(i)", "(ii)"]


def test_footnotes_become_authorial_notes_in_their_paragraph(tree):
    notes = {n.get("marker"): n for n in tree.iter(f"{{{AKN_NS}}}authorialNote")}
    assert set(notes) == {"1", "2", "3"}
    assert notes["1"].get("placement") == "bottom"
    assert (
        notes["1"].xpath("ancestor::a:container", namespaces=NS)[0].get("eId")
        == "preamble__container_2"
    )
    assert notes["2"].xpath("ancestor::a:paragraph", namespaces=NS)[0].get("eId") == "para_1"
    assert notes["3"].xpath("ancestor::a:conclusions", namespaces=NS)  # kept, though not anchored
    assert notes["2"].find(".//a:ref", NS).text == "S/PV.7813"


def test_citations_become_refs_where_their_text_occurs(tree):
    refs = {r.text: r.get("href") for r in tree.iter(f"{{{AKN_NS}}}ref")}
    assert refs["37/4 of 22 October 1982"] == "/akn/un/statement/deliberation/un-ga/1982-10-22/37-4"
    assert (
        refs["72/74 of 6 December 2017"] == "/akn/un/statement/deliberation/un-ga/2017-12-06/72-74"
    )
    assert refs["A/73/328-S/2018/592"] == "/akn/un/doc/a-73-328-s-2018-592"


def test_bodies_are_tlc_organizations_and_marked_in_the_text(tree):
    tlc = {t.get("eId"): t.get("showAs") for t in tree.iter(f"{{{AKN_NS}}}TLCOrganization")}
    assert tlc["un-ga"] == "General Assembly"
    assert tlc["un-ohchr"] == "Office of the United Nations High Commissioner for Human Rights"
    marked = {(o.text, o.get("refersTo")) for o in tree.iter(f"{{{AKN_NS}}}organization")}
    assert ("Secretary-General", "#un-sg") in marked
    assert ("Human Rights Council", "#un-hrc") in marked
    assert (
        "Office of the United Nations High Commissioner for Human Rights",
        "#un-ohchr",
    ) in marked


def test_the_conclusions_carry_the_meeting_and_the_date(tree):
    conclusions = _text(tree.find(".//a:conclusions", NS))
    assert "52nd plenary meeting" in conclusions and "13 December 2018" in conclusions


def test_annexes_are_attachments(tree):
    attachment = tree.find(".//a:attachments/a:attachment/a:doc", NS)
    assert attachment.get("name") == "annex"
    assert "A text adopted with the resolution." in _text(attachment)


def test_a_resolution_without_dates_meeting_or_operative_part_still_validates():
    bare = _resolution(
        adopted_on=None,
        distributed_on=None,
        meeting=None,
        basis=None,
        operative=(),
        footnotes=(),
        annexes=(),
        agenda_items=(),
    )
    xml = to_akn(bare)
    assert validate_akn(xml) == []
    assert "/akn/un/statement/deliberation/un-ga/2018/73-135" in xml


def test_validation_reports_what_is_wrong():
    xml = to_akn(_resolution())
    broken = xml.replace('<FRBRcountry value="un"/>', "")
    errors = validate_akn(broken)
    assert errors and any("FRBRcountry" in e or "FRBRnumber" in e for e in errors)
    assert validate_akn("<akomaNtoso>") and validate_akn("<akomaNtoso>")[0].startswith(
        "not well-formed"
    )


def test_control_characters_in_the_text_are_dropped_not_fatal():
    noisy = _resolution(title="Cooperation\x01 between\x1b the United Nations\ud800 and the OIC")
    xml = to_akn(noisy)
    assert validate_akn(xml) == []
    assert "Cooperation between the United Nations and the OIC" in xml


def test_a_footnote_with_a_known_offset_sits_at_its_marker():
    text = (
        "Having considered the report of the Secretary-General on cooperation <between> & beyond,"
    )
    inside_ref = text.index("Secretary-General") + 3  # inside a marked body: goes after it
    resolution = _resolution(
        footnotes=(
            Footnote(marker="1", text="A/73/328.", paragraph="pre-2", offset=inside_ref),
            Footnote(
                marker="2",
                text="See S/PV.7813.",
                paragraph="op-1",
                offset=len("Takes note with satisfaction of the report"),
            ),
        )
    )
    xml = to_akn(resolution)
    assert validate_akn(xml) == []
    tree = etree.fromstring(xml.encode())
    first = tree.find(".//a:authorialNote[@marker='1']", NS)
    assert first.getprevious().text == "Secretary-General"
    second = tree.find(".//a:authorialNote[@marker='2']", NS)
    assert second.getprevious().tail == " of the report"
    assert second.tail == " of the "

"""Drafts as a liaison officer receives them: draft resolutions, draft decisions, amendments.

On every one of the 152 drafts of ../shared/corpus/drafts (session 80, plenary and Main
Committees): the kind, the symbol, the sponsors and the title; annexes kept out of the
operative part; the sponsors footnote never a paragraph; the notes on the organization
of work refused with a message that says what they are. Made-up drafts check the same
rules on shapes the corpus lacks (a revised symbol, a sponsor named "Trinidad and Tobago",
an "on behalf of" group in the sponsors line).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from resolutions import NotAResolution, parse, to_akn, to_json
from resolutions.akn import validate_akn
from resolutions.serialize import load_schema

DRAFTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "drafts"
PATHS = sorted(DRAFTS.glob("*.pdf"))
NOTES = {"A_C.2_80_L.1", "A_C.3_80_L.1", "A_C.4_80_L.1", "A_C.5_80_L.1", "A_C.6_80_L.1"}
DECISIONS = {
    "A_80_L.1",
    "A_80_L.37",
    "A_C.1_80_L.35",
    "A_C.1_80_L.39",
    "A_C.1_80_L.63",
    "A_C.2_80_L.61",
    "A_C.4_80_L.3",
    "A_C.4_80_L.11",
    "A_C.4_80_L.13",
    "A_C.4_80_L.15",
    "A_C.6_80_L.9",
}
AMENDMENTS = {
    "A_80_L.19",
    "A_80_L.29",
    "A_80_L.31",
    "A_80_L.33",
    "A_80_L.35",
    "A_80_L.39",
    "A_C.2_80_L.63",
    "A_C.3_80_L.57",
    "A_C.3_80_L.61",
    "A_C.3_80_L.63",
    "A_C.3_80_L.65",
}
HEADING_WORDS = re.compile(
    r"Distr\.|Original:|United Nations\s+A/|draft resolution|session\b.*Agenda"
)


pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def drafts(corpus, parsed_pdf):
    assert len(PATHS) == 152
    return {p.stem: parsed_pdf(p) for p in PATHS}


def test_every_draft_parses_into_its_kind_or_is_refused_as_a_note(drafts):
    kinds = {name: getattr(r, "kind", "refused") for name, r in drafts.items()}
    assert {n for n, k in kinds.items() if k == "refused"} == NOTES
    assert {n for n, k in kinds.items() if k == "draft_decision"} == DECISIONS
    assert {n for n, k in kinds.items() if k == "amendment"} == AMENDMENTS
    assert sum(k == "draft_resolution" for k in kinds.values()) == 125
    for name in NOTES:
        message = str(drafts[name])
        assert message.startswith(name.replace("_", "/")) and "note" in message
        assert "not a draft resolution, draft decision or amendment" in message


def test_symbol_date_session_committee_and_agenda_of_every_draft(drafts):
    for name, r in drafts.items():
        if name in NOTES:
            continue
        assert r.symbol == name.replace("_", "/"), name
        assert r.session == 80 and r.number == name.rsplit("_", 1)[1], name
        assert r.distributed_on and r.distributed_on.year == 2025, name
        assert r.agenda_items and all(
            re.fullmatch(r"\d{1,3}(?: \([a-z]{1,2}\))?", i) for i in r.agenda_items
        ), (name, r.agenda_items)
        committee = re.match(r"A_C\.(\d)_", name)
        if committee:
            ordinal = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"][
                int(committee.group(1)) - 1
            ]
            assert r.basis.committee == f"{ordinal} Committee", name
        else:
            assert r.basis.kind == "plenary" and r.basis.committee is None, name


def test_sponsors_of_every_draft_are_names_printed_on_its_first_page(drafts, pdf_text):
    for name, r in drafts.items():
        if name in NOTES:
            continue
        first_page = " ".join(first_page_of(pdf_text(DRAFTS / f"{name}.pdf")).split())
        for sponsor in r.sponsors:
            assert sponsor[:1].isupper(), (name, sponsor)
            assert not re.search(r"[:*]|draft|amendment|\band\s*$|^and\b", sponsor), (name, sponsor)
            assert sponsor.replace(" ", "") in first_page.replace(" ", ""), (name, sponsor)
        assert len(set(r.sponsors)) == len(r.sponsors), name


def first_page_of(text: str) -> str:
    return re.split(r"\n\s*2/\d+\s*\n", text, maxsplit=1)[0]


def test_sponsors_titles_known_by_hand(drafts):
    r = drafts["A_80_L.23"]
    assert r.sponsors == ("Iraq",) and r.on_behalf_of == ("Group of 77 and China",)
    assert r.title.startswith("International cooperation on humanitarian assistance in the field")
    r = drafts["A_80_L.13"]  # a list of 99 States over many lines
    assert r.sponsors[0] == "Albania" and r.sponsors[-1] == "Zambia"
    assert "Saint Vincent and the Grenadines" in r.sponsors and "Antigua and Barbuda" in r.sponsors
    assert "United Kingdom of Great Britain and Northern Ireland" in r.sponsors
    r = drafts["A_C.1_80_L.23"]  # a symbol reissued with an asterisk
    assert r.sponsors[-2:] == ("Venezuela (Bolivarian Republic of)", "Viet Nam")
    assert drafts["A_C.2_80_L.53"].sponsors == (
        "Vice-Chair of the Committee, Andrés Napurí Pita (Peru)",
    )
    assert drafts["A_C.5_80_L.5"].sponsors == ("Chair of the Committee",)
    assert drafts["A_C.6_80_L.11"].sponsors == ()  # "Draft resolution": no sponsor is named
    assert drafts["A_C.3_80_L.25"].on_behalf_of == ("Organization of Islamic Cooperation",)
    assert drafts["A_C.3_80_L.25"].title == (
        "Combating intolerance, negative stereotyping, stigmatization, discrimination, "
        "incitement to violence and violence against persons, based on religion or belief"
    )


def test_titles_are_the_title_not_the_heading_block(drafts):
    for name, r in drafts.items():
        if name in NOTES:
            continue
        if name != "A_80_L.41":  # its text adopts an outcome document and has no title of its own
            assert 10 < len(r.title) < 400, (name, r.title)
        assert not HEADING_WORDS.search(r.title), (name, r.title)
        assert not r.title.startswith(("The General Assembly", "Delete", "Replace")), name


def test_the_sponsors_footnote_is_a_footnote_never_a_paragraph(drafts):
    for name, r in drafts.items():
        if name in NOTES:
            continue
        for p in (*r.preamble, *r.operative):
            assert "list of sponsors" not in p.text and not p.text.startswith("*"), (name, p.id)
        stars = [f for f in r.footnotes if f.marker.startswith("*")]
        assert all(f.paragraph is None for f in stars), name


def test_draft_resolutions_have_a_preamble_and_numbered_operative_paragraphs(drafts):
    for name, r in drafts.items():
        if getattr(r, "kind", "") != "draft_resolution":
            continue
        assert r.operative, name
        assert r.formula.startswith("The General Assembly"), name
        assert r.adopted_on is None and r.meeting is None, name
        numbers = [p.number for p in r.operative if p.number is not None]
        # numbering runs 1..N, or restarts at 1 in each part of a resolution in parts
        for a, b in zip(numbers, numbers[1:], strict=False):
            assert b == a + 1 or b == 1, (name, a, b)
        for p in r.operative:
            assert not p.text.startswith("Annex"), (name, p.id)


def test_annexes_end_the_operative_part(drafts):
    r = drafts["A_80_L.5"]  # adopts the Doha Political Declaration, printed as its annex
    assert len(r.operative) == 1 and r.operative[0].verb == "Adopts"
    assert len(r.annexes) == 1 and r.annexes[0].startswith("Annex Doha Political Declaration")
    r = drafts["A_C.5_80_L.13"]  # two annexes of figures after 7 paragraphs
    assert [p.number for p in r.operative] == [1, 2, 3, 4, 5, 6, 7]
    assert [a.split()[:2] for a in r.annexes] == [["Annex", "I"], ["Annex", "II"]]
    r = drafts["A_80_L.41"]  # "Adopts the following outcome document ...:" and the document
    assert len(r.operative) == 1 and r.preamble == ()
    assert r.annexes[0].startswith("Outcome document of the high-level meeting")


def test_draft_decisions_parse_into_one_decision(drafts):
    r = drafts["A_C.4_80_L.11"]
    assert (len(r.preamble), len(r.operative)) == (0, 1)
    assert r.operative[0].verb == "decides" and r.operative[0].number is None
    assert r.operative[0].text.startswith("The General Assembly, taking note of the applications")
    assert r.sponsors[-1] == "Zimbabwe"
    r = drafts["A_C.4_80_L.3"]  # "The General Assembly, recalling ...:" then points (a)-(d)
    assert [p.label for p in r.operative[0].points] == ["a", "b", "c", "d"]
    r = drafts["A_C.4_80_L.15"]  # approves a programme of work "as set out below:"
    assert r.operative[0].verb == "approves" and r.operative[0].text.endswith("as set out below:")
    assert r.annexes[0].startswith("Proposed programme of work and timetable")
    r = drafts["A_80_L.1"]  # laid out like a resolution: preamble, then points
    assert len(r.preamble) == 3 and r.operative[0].points[1].text.startswith("Endorses")


def test_amendments_name_the_draft_and_their_changes(drafts):
    r = drafts["A_80_L.29"]
    assert (r.amends, r.sponsors, r.preamble, r.operative) == ("A/80/L.22", ("Brazil",), (), ())
    (change,) = r.changes
    assert change.instruction == "Replace operative paragraph 200 with the following text:"
    assert change.text.startswith(
        "Welcomes, in this regard, the convening of the thirtieth session"
    )
    r = drafts["A_C.3_80_L.57"]
    assert r.amends == "A/C.3/80/L.3/Rev.1"
    assert [c.number for c in r.changes] == [1, 2]
    assert r.changes[0].instruction.startswith("In operative paragraph 64, after")
    r = drafts["A_80_L.19"]  # the quoted paragraph, without the starred notes under it
    assert r.changes[0].instruction == "Delete the thirty-eighth preambular paragraph reading:"
    assert (
        r.changes[0].text.startswith("Recalling the inclusion")
        and "*" not in r.changes[0].text[-5:]
    )
    assert drafts["A_C.2_80_L.63"].on_behalf_of == ("European Union",)
    assert (
        drafts["A_80_L.39"].amends == "A/80/555"
    )  # "draft resolution 6 recommended ... in A/80/555"
    for name in AMENDMENTS:
        assert drafts[name].amends and drafts[name].changes, name


def test_every_draft_gives_valid_json_and_akoma_ntoso(drafts):
    validator = Draft202012Validator(load_schema(), format_checker=FormatChecker())
    for name, r in drafts.items():
        if name in NOTES:
            continue
        data = json.loads(to_json(r))
        errors = list(validator.iter_errors(data))
        assert not errors, (name, errors[0].message)
        xml = to_akn(r)
        assert not validate_akn(xml), (name, validate_akn(xml)[:2])
    xml = to_akn(drafts["A_80_L.23"])
    assert '<statement name="resolutionDraft"' in xml
    assert (
        "<docProponent>Iraq</docProponent> (on behalf of the Group of 77 and China): draft resolution"
        in xml
    )
    assert 'class="committee"' not in xml and "Distr.: Limited" in xml
    assert '<statement name="amendment"' in to_akn(drafts["A_80_L.29"])


# -- made-up drafts: shapes the corpus does not have -------------------------------------

MADE_UP = """United Nations
A/C.2/91/L.7/Rev.1
General Assembly
Distr.: Limited
3 November 2036

Original: English

Ninety-first session
Second Committee
Agenda item 19 (c)
Sustainable development: protection of global climate for present
and future generations

Trinidad and Tobago, Antigua and Barbuda, Uganda (on behalf of the Group of African
States) and Saint Kitts and Nevis:* revised draft resolution

Protection of global climate for
present and future generations

The General Assembly,

Recalling its earlier resolutions on the subject,

Noting the report of the Secretary-General,

1. Welcomes the work of the Conference of the Parties;

2. Requests the Secretary-General to report to it at its ninety-second session on the
implementation of the present resolution.

__________________
* Any changes to the list of sponsors will be reflected in the official record of the meeting.

A/C.2/91/L.7/Rev.1

2/2
36-12345
Annex
Work plan

1. Opening of the session.

2. Election of officers.
"""


def test_a_made_up_revised_draft_gives_its_symbol_sponsors_title_and_annex():
    r = parse(MADE_UP)
    assert (r.kind, r.symbol, r.revision, r.number, r.session) == (
        "draft_resolution",
        "A/C.2/91/L.7/Rev.1",
        ("Rev.1",),
        "L.7",
        91,
    )
    assert r.sponsors == (
        "Trinidad and Tobago",
        "Antigua and Barbuda",
        "Uganda",
        "Saint Kitts and Nevis",
    )
    assert r.on_behalf_of == ("Group of African States",)
    assert r.title == "Protection of global climate for present and future generations"
    assert r.agenda_items == ("19 (c)",) and r.basis.committee == "Second Committee"
    assert [p.phrase for p in r.preamble] == ["Recalling", "Noting"]
    assert [p.number for p in r.operative] == [1, 2]
    assert r.annexes == (
        "Annex Work plan\n\n1. Opening of the session.\n\n2. Election of officers.",
    )
    assert r.footnotes[-1].marker == "*" and r.footnotes[-1].paragraph is None
    assert not [w for w in r.warnings if "footnote" in w]


def test_a_made_up_amendment_and_a_note():
    amendment = MADE_UP.split("Trinidad and Tobago")[0] + (
        "Uganda: amendment to revised draft resolution\nA/C.2/91/L.7/Rev.1\n\n"
        "Protection of global climate\n\n"
        "1. In operative paragraph 2, replace “ninety-second” with “ninety-third”.\n\n"
        "2. Add a new operative paragraph reading:\n\n"
        "Decides to include the item in the provisional agenda of its ninety-third session;\n"
    )
    r = parse(amendment)
    assert (r.kind, r.amends, r.sponsors, r.title) == (
        "amendment",
        "A/C.2/91/L.7/Rev.1",
        ("Uganda",),
        "Protection of global climate",
    )
    assert [(c.number, c.text[:7]) for c in r.changes] == [(1, ""), (2, "Decides")]
    note = (
        MADE_UP.split("Trinidad and Tobago")[0]
        + "Organization of work\n\nNote by the Secretariat\n\n1. The Committee will meet.\n"
    )
    with pytest.raises(
        NotAResolution, match=r"^A/C\.2/91/L\.7/Rev\.1 is a note on the organization of work"
    ):
        parse(note)

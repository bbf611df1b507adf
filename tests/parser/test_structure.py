"""Structure read from small, hand-written resolutions (shapes the corpus has few of)."""

from __future__ import annotations

import doctest

import pytest

import resolutions.markers
import resolutions.phrases
from resolutions.pipeline import parse_text

HEAD = """United Nations
A/RES/99/1
General Assembly
Distr.: General
2 January 2045
Ninety-ninth session
Agenda items 12 and 130 (a)
Resolution adopted by the General Assembly on 20 December 2044
[on the report of the Sixth Committee (A/99/500, para. 12)]
99/1. A resolution with points
The General Assembly,

Recalling its resolution 98/7 of 1 December 2043,

"""


def body(*blocks: str) -> str:
    return HEAD + "\n\n".join(blocks) + "\n\n75th plenary meeting\n20 December 2044\n"


def test_it_nests_roman_sub_points_under_a_letter_and_reads_i_after_h_as_a_letter():
    r = parse_text(
        body(
            "1. Decides:",
            "(a) To establish a fund, which shall:",
            "(i) Receive contributions;",
            "(ii) Report annually;",
            "(b) To review it;",
            "2. Requests the Secretary-General:",
            *[f"({c}) To act;" for c in "abcdefgh"],
            "(i) To report.",
        )
    )
    first, second = r.operative
    assert [p.label for p in first.points] == ["a", "b"]
    assert [p.label for p in first.points[0].points] == ["i", "ii"]
    assert first.text.startswith("Decides: (a) To establish a fund, which shall: (i) Receive")
    assert [p.label for p in second.points] == list("abcdefghi")
    assert r.warnings == ()


def test_it_reads_the_committee_basis_and_several_agenda_items():
    r = parse_text(body("1. Takes note of the report."))
    assert r.agenda_items == ("12", "130 (a)")
    assert (r.basis.kind, r.basis.committee, r.basis.report) == (
        "committee",
        "Sixth Committee",
        "A/99/500, para. 12",
    )
    assert r.documents == ("A/99/500",)
    assert r.session == 99 and r.symbol == "A/RES/99/1"


def test_the_fourth_committee_basis_names_the_committee_and_the_report_apart():
    fourth = "[on the report of the Special Political and Decolonization Committee\n(Fourth Committee) (A/99/537, para. 15)]"
    r = parse_text(
        body("1. Takes note of the report.").replace(
            "[on the report of the Sixth Committee (A/99/500, para. 12)]", fourth
        )
    )
    assert (r.basis.committee, r.basis.report) == ("Fourth Committee", "A/99/537, para. 15")


def test_it_warns_about_a_gap_in_the_operative_numbering():
    r = parse_text(
        body("1. Takes note of the report;", "3. Decides to remain seized of the matter.")
    )
    assert [p.number for p in r.operative] == [1, 3]
    assert any("skips: paragraph 3 where 2 was expected" in w for w in r.warnings)


def test_it_keeps_a_section_heading_with_the_paragraph_that_follows():
    r = parse_text(
        body("1. Takes note of the report;", "II", "Financing", "2. Decides to finance it.")
    )
    assert r.operative[1].heading == "II Financing"
    assert r.operative[1].text == "Decides to finance it."


def test_it_closes_up_an_opening_verb_printed_letter_spaced():
    # 79/172's PDF prints paragraph 45's italic verb with its letters spaced out.
    r = parse_text(
        body("1. Welcomes the report;", "2. I n v i t e s relevant mandate holders to act;")
    )
    assert [p.verb for p in r.operative] == ["Welcomes", "Invites"]
    assert r.operative[1].text == "Invites relevant mandate holders to act;"
    assert r.warnings == ()


def test_numbered_paragraphs_completing_resolves_that_need_no_verb_of_their_own():
    # 79/261: "Resolves that:" then "1. The Working Capital Fund shall be established ...".
    r = parse_text(
        body(
            "Resolves that:",
            "1. The Working Capital Fund shall be established for 2025;",
            "2. Member States shall make advances to the Fund;",
        )
    )
    assert [(p.number, p.verb) for p in r.operative] == [(None, "Resolves"), (1, ""), (2, "")]
    assert [w for w in r.warnings if "verb" in w] == [
        "operative paragraph(s) 1, 2 complete 'Resolves that:' and open without a verb of their own"
    ]


def test_a_numbered_paragraph_without_a_verb_is_still_warned_about_on_its_own():
    r = parse_text(body("1. Welcomes the report;", "2. The Fund shall be established."))
    assert [p.verb for p in r.operative] == ["Welcomes", ""]
    assert r.warnings == ("no operative verb recognized at: 'The Fund shall be established.'",)


def test_each_part_of_a_resolution_in_parts_gives_its_heading_to_its_preamble():
    # 79/258, 79/281, 79/298: "I", a title, a preamble, paragraphs; then "II", ...
    text = (
        HEAD.replace("Recalling its resolution 98/7 of 1 December 2043,\n\n", "")
        + "\n\n".join(
            [
                "I",
                "Enterprise resource planning project",
                "Recalling its resolution 60/283,",
                "1. Takes note of the report;",
                "2. Decides to continue the project;",
                "II",
                "Capital investment planning",
                "Having considered the report of the Secretary-General,",
                "Recalling its resolution 76/245,",
                "1. Approves the plan.",
            ]
        )
        + "\n\n75th plenary meeting\n20 December 2044\n"
    )
    r = parse_text(text)
    assert [(p.heading, p.text) for p in r.preamble] == [
        ("I Enterprise resource planning project", "Recalling its resolution 60/283,"),
        (
            "II Capital investment planning",
            "Having considered the report of the Secretary-General,",
        ),
        (None, "Recalling its resolution 76/245,"),
    ]
    assert [p.phrase for p in r.preamble] == ["Recalling", "Having considered", "Recalling"]
    assert [(p.number, p.heading) for p in r.operative] == [
        (1, None),
        (2, None),
        (1, "II Capital investment planning"),
    ]


@pytest.mark.parametrize("module", [resolutions.markers, resolutions.phrases])
def test_the_examples_in_the_docstrings_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Expresses the hope that the talks resume;", "Expresses the hope"),
        ("Expresses its deep concern at the situation;", "Expresses its deep concern"),
        ("Takes into account the views of States;", "Takes into account"),
        ("Looks forward to the report;", "Looks forward"),
        ("Calls once again upon all States to act;", "Calls once again upon"),
        ("Reaffirms its request to the Secretary-General;", "Reaffirms its request"),
        ("Reaffirms the principles of the Charter;", "Reaffirms"),
        ("We reaffirm our commitment to the Charter;", "We reaffirm"),
        ("We also strongly condemn terrorism;", "We also strongly condemn"),
    ],
)
def test_multi_word_operative_openings_are_read_whole(text, verb):
    assert resolutions.phrases.operative_verb(text) == verb


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Looking forward to the conference,", "Looking forward"),
        ("Remaining deeply concerned that", "Remaining deeply concerned"),
        ("Remaining convinced that", "Remaining convinced"),
        ("Expressing the hope that", "Expressing the hope"),
        ("Looking ahead to the Review Conference,", "Looking ahead"),
        ("Being gravely concerned at the erosion,", "Being gravely concerned"),
    ],
)
def test_multi_word_preamble_openings_are_read_whole(text, phrase):
    assert resolutions.phrases.preamble_phrase(text) == phrase


def test_a_star_separator_is_neither_a_preambular_nor_an_operative_paragraph():
    r = parse_text(
        body("Noting the report,", "* * *", "1. Takes note of the report;", "*", "2. Decides.")
    )
    assert [p.text for p in r.preamble] == [
        "Recalling its resolution 98/7 of 1 December 2043,",
        "Noting the report,",
    ]
    assert [p.number for p in r.operative] == [1, 2]
    assert not any("*" in p.text for p in r.operative)


def test_a_resolution_without_the_formula_line_parses_with_a_warning():
    text = body("1. Takes note of the report;", "2. Decides.")
    r = parse_text(text.replace("The General Assembly,\n", "\n"))
    assert r.symbol == "A/RES/99/1" and [p.number for p in r.operative] == [1, 2]
    assert r.title == "A resolution with points"
    assert any("formula" in w for w in r.warnings)


def test_text_without_formula_symbol_or_adoption_line_is_still_refused():
    with pytest.raises(resolutions.NotAResolution):
        parse_text("Some notes\n\n1. Opening of the session.\n\n2. Election of officers.\n")


def test_a_numbered_list_inside_a_paragraph_is_not_operative_paragraphs():
    """Issue 11 class 6: a provisional agenda and a quoted statute article after a colon."""
    r = parse_text(
        body(
            "1. Welcomes the report;",
            "2. Approves the provisional agenda of the session, as follows:",
            "1. Opening of the session.",
            "2. Election of officers.",
            "3. Adoption of the agenda.",
            "3. Decides to amend article 4 of the statute of the Tribunal to read:",
            "4. The Tribunal shall be composed of seven judges.",
            "4. Requests the Secretary-General to report to it at its hundredth session.",
        )
    )
    assert [(p.number, p.verb) for p in r.operative] == [
        (1, "Welcomes"),
        (2, "Approves"),
        (3, "Decides"),
        (4, "Requests"),
    ]
    assert r.operative[1].text.endswith(
        "as follows: 1. Opening of the session. 2. Election of officers. 3. Adoption of the agenda."
    )
    assert r.operative[2].text.endswith(
        "to read: 4. The Tribunal shall be composed of seven judges."
    )
    assert not [w for w in r.warnings if "numbering" in w or "no operative verb" in w]


def test_a_numbered_paragraph_after_a_colon_with_its_own_verb_is_the_next_paragraph():
    r = parse_text(
        body("1. Decides as follows:", "(a) To meet;", "2. Requests the Secretariat to assist;")
    )
    assert [p.number for p in r.operative] == [1, 2]


def test_a_sub_heading_printed_without_blank_lines_is_not_glued_to_the_paragraph_before():
    """Issue 11 class 7: a text layer whose lines carry no paragraph gaps."""
    r = parse_text(
        "Resolution adopted by the General Assembly on 1 December 2036\n"
        "[on the report of the Second Committee (A/91/400, para. 10)]\n"
        "91/5. Transport\n"
        "The General Assembly,\n"
        "Recalling its earlier resolutions,\n"
        "1. Welcomes the report of the Secretary-General on sustainable transport and\n"
        "development;\n"
        "Multimodal transportation\n"
        "2. Encourages Member States to develop multimodal transport;\n"
        "Income section 3\n"
        "3. Requests the Secretary-General to report to it at its ninety-second session.\n"
        "50th plenary meeting\n"
        "1 December 2036\n"
    )
    assert [(p.number, p.heading) for p in r.operative] == [
        (1, None),
        (2, "Multimodal transportation"),
        (3, "Income section 3"),
    ]
    assert r.operative[0].text.endswith("sustainable transport and development;")
    assert not [w for w in r.warnings if "numbering" in w or "kept with it" in w]


def test_words_glued_where_the_italic_opening_ends_are_split():
    """Issue 11 class 8: "Callsfor", "beliefthat" (a space lost at the italic/roman edge);
    "within" and "therefore" are words and stay whole."""
    r = parse_text(
        body(
            "Expressing its firm beliefthat cooperation matters, in the belief shared by all,",
            "1. Callsfor the strengthening of cooperation, calls for action;",
            "2. Requests the Secretary-General to report to it within a year and therefore to act.",
        )
    )
    assert r.preamble[-1].text.startswith("Expressing its firm belief that cooperation")
    assert (r.operative[0].verb, r.operative[0].text[:24]) == (
        "Calls for",
        "Calls for the strengthen",
    )
    assert "within a year and therefore" in r.operative[1].text


def test_a_sub_heading_of_the_preamble_heads_the_paragraph_after_it():
    """A short unpunctuated line between preambular paragraphs ("Countries in special
    situations", A/C.2/80/L.15) is a heading; a paragraph cut by a page break ("Recalling its
    resolution 70/1 entitled" then the title) is joined again."""
    r = parse_text(
        body(
            "Noting the importance of energy connectivity,",
            "Countries in special situations",
            "Underlining the needs of landlocked countries,",
            "Recalling its resolution 70/1 of 25 September 2015 entitled",
            "“Transforming our world: the 2030 Agenda for Sustainable Development”,",
            "1. Decides to continue its consideration of the question.",
        )
    )
    assert [(p.heading, p.phrase) for p in r.preamble] == [
        (None, "Recalling"),
        (None, "Noting"),
        ("Countries in special situations", "Underlining"),
        (None, "Recalling"),
    ]
    assert r.preamble[-1].text.endswith("Sustainable Development”,")


@pytest.mark.parametrize("opening", ["Recalling", "\ue002Recalling\ue003"])  # a PDF's italics
def test_a_parts_title_run_into_its_first_preambular_paragraph_is_the_parts_heading(opening):
    # A/C.5/80/L.5: "I", then the title and "Recalling ..." in one block of the PDF
    text = (
        HEAD.replace("Recalling its resolution 98/7 of 1 December 2043,\n\n", "")
        + "\n\n".join(
            [
                "I",
                f"Conditions of service of the members of the Court {opening} its resolution "
                "37/240 of 21 December 1982,",
                "1. Approves the conditions of service.",
            ]
        )
        + "\n\n75th plenary meeting\n20 December 2044\n"
    )
    [p] = parse_text(text).preamble
    assert p.heading == "I Conditions of service of the members of the Court"
    assert p.text == "Recalling its resolution 37/240 of 21 December 1982,"


def test_a_numbered_paragraph_opening_like_a_preambular_one_keeps_its_opening_words():
    r = parse_text(
        body(
            "1. Looking forward to the third Conference as an opportunity to scale up support;",
            "2. Alarmed by the sharp reductions in funding, calls upon the international "
            "community to scale up funding;",
        )
    )
    assert [p.verb for p in r.operative] == ["Looking forward", "Alarmed"]
    assert not any("no operative verb" in w for w in r.warnings)
    [m] = r.mandates
    assert (m.verb, m.addressees) == ("calls upon", ("international community",))

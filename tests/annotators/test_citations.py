"""Citations of resolutions and documents (resolutions/citations.py)."""

from datetime import date

import pytest

from resolutions.citations import find_citations
from tests.annotators.seed import seed_paragraphs


def cite(text, pid="pre-1"):
    return find_citations([(pid, text)])


def test_it_reads_a_list_of_dated_resolutions():
    found = cite(
        "Recalling its resolutions 37/4 of 22 October 1982, 38/4 of 28 October 1983 "
        "and 72/74 of 6 December 2017,"
    )
    assert [(c.kind, c.symbol, c.date) for c in found] == [
        ("ga-resolution", "37/4", date(1982, 10, 22)),
        ("ga-resolution", "38/4", date(1983, 10, 28)),
        ("ga-resolution", "72/74", date(2017, 12, 6)),
    ]
    assert found[0].text == "37/4 of 22 October 1982"
    assert all(c.paragraph == "pre-1" for c in found)


def test_it_reads_the_roman_numeral_form_of_old_resolutions():
    [c] = cite("Recalling also its resolution 3369 (XXX) of 10 October 1975, by which it decided")
    assert (c.kind, c.symbol, c.date) == ("ga-resolution", "3369 (XXX)", date(1975, 10, 10))


def test_it_tells_security_council_and_human_rights_council_resolutions_apart():
    found = cite(
        "Recalling Security Council resolutions 1373 (2001) and 2178 (2014) and Human Rights "
        "Council resolution 16/18 of 24 March 2011,"
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("sc-resolution", "S/RES/1373 (2001)"),
        ("sc-resolution", "S/RES/2178 (2014)"),
        ("hrc-resolution", "A/HRC/RES/16/18"),
    ]
    assert found[2].date == date(2011, 3, 24)


def test_it_gives_each_document_symbol_its_kind():
    found = cite(
        "See A/73/328-S/2018/592; S/PV.7813; S/PRST/2013/16; A/73/L.45; A/78/481/Add.3, para. 33; "
        "A/CONF.231/7; E/2019/33; A/RES/70/1; S/RES/2178 (2014).",
        pid="fn-2",
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("document", "A/73/328-S/2018/592"),
        ("sc-meeting-record", "S/PV.7813"),
        ("presidential-statement", "S/PRST/2013/16"),
        ("document", "A/73/L.45"),
        ("document", "A/78/481/Add.3"),
        ("document", "A/CONF.231/7"),
        ("document", "E/2019/33"),
        ("ga-resolution", "70/1"),
        ("sc-resolution", "S/RES/2178 (2014)"),
    ]


def test_it_reads_an_official_records_supplement_as_one_citation():
    [c] = cite(
        "See Official Records of the General Assembly, Sixty-sixth Session, Supplement No. 53 "
        "(A/66/53), chap. II, sect. A.",
        pid="fn-6",
    )
    assert (c.kind, c.symbol) == ("official-records", "A/66/53")
    assert c.text.startswith("Official Records of the General Assembly") and c.text.endswith(
        "(A/66/53)"
    )


def test_numbers_and_dates_that_look_like_symbols_are_not_citations():
    text = (
        "Notes that 2/3 of the members voted, that services run 24/7 and are shared 50/50, "
        "that on 12/10/2018 the rate rose by 3/4 per cent to 1.5 per cent, that 10 of 22 "
        "October 1982 priority areas, paragraphs 3/4 and 7, HIV/AIDS and and/or apply, "
        "in 2018/19, and that the World Health Assembly resolution 2008/4 and "
        "the Conference of the Parties decision 14/5 stand;"
    )
    assert cite(text, pid="op-3") == []


def test_a_fraction_after_a_resolution_list_is_not_a_resolution():
    found = cite("Recalling its resolution 72/74, 2/3 of the members having voted,")
    assert [c.symbol for c in found] == ["72/74"]


def test_the_heading_own_symbol_is_not_a_citation_but_its_draft_is():
    found = find_citations(
        [
            (
                None,
                "A/RES/73/135 General Assembly [without reference to a Main Committee (A/73/L.45)]",
            )
        ]
    )
    assert [(c.symbol, c.paragraph) for c in found] == [("A/73/L.45", None)]


@pytest.mark.corpus
def test_the_28_resolutions_recalled_in_73_135_each_have_their_date(corpus):
    paragraphs = seed_paragraphs(corpus)
    found = [c for c in find_citations(paragraphs) if c.paragraph == "pre-1"]
    assert len(found) == 28
    assert all(c.kind == "ga-resolution" and c.date is not None for c in found)
    assert (found[0].symbol, found[0].date) == ("37/4", date(1982, 10, 22))
    assert (found[-1].symbol, found[-1].date) == ("72/74", date(2017, 12, 6))
    # every date falls in the year its session opened or the next one
    assert all(c.date.year - (1945 + int(c.symbol.split("/")[0])) in (0, 1) for c in found)


@pytest.mark.corpus
def test_the_documents_of_73_135_are_all_found(corpus):
    found = {(c.kind, c.symbol, c.paragraph) for c in find_citations(seed_paragraphs(corpus))}
    assert ("ga-resolution", "3369 (XXX)", "pre-2") in found
    assert ("document", "A/73/328-S/2018/592", "fn-2") in found
    assert ("sc-meeting-record", "S/PV.7813", "fn-3") in found
    assert ("presidential-statement", "S/PRST/2013/16", "fn-4") in found
    assert ("document", "S/INF/69", "fn-4") in found
    assert ("hrc-resolution", "A/HRC/RES/16/18", "pre-13") in found
    assert ("official-records", "A/66/53", "fn-6") in found
    assert ("document", "A/73/L.45", None) in found
    assert ("ga-resolution", "70/1", "fn-5") in found


def test_a_dated_resolution_whose_date_fits_the_human_rights_council_is_the_councils():
    [c] = cite("welcoming the implementation of resolution 16/18 of 24 March 2011 and all its")
    assert (c.kind, c.symbol) == ("hrc-resolution", "A/HRC/RES/16/18")
    assert cite("Recalling its resolution 72/74 of 6 December 1999,") == []


def test_a_long_recall_that_mixes_forms_yields_every_resolution():
    found = cite(
        "Recalling its resolutions 23 (I) of 10 February 1946, 97 (I) of 14 December 1946, "
        "364 B (IV) of 4 December 1949, 75/144 of 15 December 2020 and 78/236 of "
        "22 December 2023,"
    )
    assert [c.symbol for c in found] == ["23 (I)", "97 (I)", "364 B (IV)", "75/144", "78/236"]
    assert found[2].date == date(1949, 12, 4)


def test_lettered_resolutions_are_one_citation_per_letter_and_the_list_runs_on():
    found = cite("Recalling its resolutions 36/87 A and B, 78/70 A-C of 7 December 2023 and 77/1")
    assert [c.symbol for c in found] == [
        "36/87 A", "36/87 B", "78/70 A", "78/70 B", "78/70 C", "77/1",
    ]  # fmt: skip
    assert {c.kind for c in found} == {"ga-resolution"}


def test_a_pronoun_or_a_symbol_after_and_is_not_a_letter():
    found = cite("Recalling its resolution 75/1 and A/75/L.1, and resolution 70/1 and I")
    assert [c.symbol for c in found] == ["75/1", "A/75/L.1", "70/1"]


def test_assembly_decisions_and_economic_and_social_council_resolutions_have_their_kinds():
    found = cite(
        "Recalling its decision 77/512 of 1 May 2023, Economic and Social Council resolutions "
        "2024/5 and 2023/16, and decision 15/4 of the Conference of the Parties,"
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("ga-decision", "77/512"),
        ("ecosoc-resolution", "E/RES/2024/5"),
        ("ecosoc-resolution", "E/RES/2023/16"),
    ]
    assert found[0].date == date(2023, 5, 1)


def test_the_corpus_lettered_and_decision_citations_are_found(corpus):
    from resolutions import parse

    res = parse(corpus / "text" / "A_RES_78_220.txt")
    assert "2200 A (XXI)" in {c.symbol for c in res.citations}
    res = parse(corpus / "text" / "A_RES_79_136.txt")
    assert [
        (c.kind, c.symbol) for c in res.citations if c.kind in ("ga-decision", "ecosoc-resolution")
    ] == [
        ("ga-decision", "60/519"),
        ("ecosoc-resolution", "E/RES/2019/19"),
        ("ecosoc-resolution", "E/RES/2019/20"),
    ]


def test_a_list_runs_on_after_an_item_subject_a_section_or_a_lost_word_space():
    found = cite(
        "Recalling its resolutions 63/71 of 2 December 2008 on the Convention on Cluster "
        "Munitions and 70/54 of 7 December 2015, 74/270 of 2 April 2020 on global solidarity to "
        "fight the coronavirus disease (COVID-19), 45/248 B, section VI, of 21 December 1990, "
        "59/111of 6 December 2004 and 78/32 of 4 December 2023 on the implementation of the "
        "Convention,"
    )
    assert [c.symbol for c in found] == ["63/71", "70/54", "74/270", "45/248 B", "59/111", "78/32"]
    assert found[3].date == date(1990, 12, 21) and found[4].date == date(2004, 12, 6)
    # a subject that runs into other text, not into another resolution, ends the list
    assert [
        c.symbol
        for c in cite("Recalling its resolution 70/1 on the 2030 Agenda, and 40/50 of the members")
    ] == ["70/1"]


def test_an_undated_number_before_the_thirty_first_session_is_another_bodys():
    """The Assembly numbered its resolutions "3369 (XXX)" until its thirtieth session, so
    an undated "resolution 8/4" is that of a Conference of States Parties or of the
    Environment Assembly; a dated one whose date fits the Human Rights Council is the
    Council's."""
    found = cite(
        "Urges States parties to implement resolutions 7/8 on corruption in sport, 8/4 on "
        "safeguarding sport, and 10/3, and recalls resolution 16/18 of 24 March 2011 and its "
        "resolution 31/1,"
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("hrc-resolution", "A/HRC/RES/16/18"),
        ("ga-resolution", "31/1"),
    ]


def test_letter_ranges_double_letters_lettered_decisions_and_a_list_after_in_particular():
    found = cite(
        "Recalling its relevant resolutions related to culture, in particular 41/187 of "
        "8 December 1986, 51/211 A to C of 18 December 1996 and 53/77 AA of 4 December 1998, "
        "62/122 of 17 December 2007, in which it proclaimed 25 March as a day, and 78/323, and "
        "its decision 79/537 A of 6 December 2024,"
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("ga-resolution", "41/187"),
        ("ga-resolution", "51/211 A"),
        ("ga-resolution", "51/211 B"),
        ("ga-resolution", "51/211 C"),
        ("ga-resolution", "53/77 AA"),
        ("ga-resolution", "62/122"),
        ("ga-resolution", "78/323"),
        ("ga-decision", "79/537 A"),
    ]


def test_an_items_subject_does_not_carry_the_list_into_another_bodys():
    found = cite(
        "Recalling its resolutions ES-11/1 of 2 March 2022 on the aggression against Ukraine, "
        "and Human Rights Council resolutions 49/1 of 4 March 2022, 52/32 of 4 April 2023 on the "
        "situation and S-34/1 of 12 May 2022 on the deteriorating situation,"
    )
    assert [(c.kind, c.symbol) for c in found] == [
        ("ga-resolution", "ES-11/1"),
        ("hrc-resolution", "A/HRC/RES/49/1"),
        ("hrc-resolution", "A/HRC/RES/52/32"),
        ("hrc-resolution", "A/HRC/RES/S-34/1"),
    ]

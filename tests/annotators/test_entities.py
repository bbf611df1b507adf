"""Bodies named in the text, matched to the gazetteer (resolutions/entities.py)."""

import pytest

from resolutions.entities import find_entities
from tests.annotators.seed import seed_paragraphs


def ids(paragraphs):
    return [m.id for m in find_entities(paragraphs)]


def test_one_mention_per_body_with_its_paragraphs_in_order_and_surface_forms():
    found = find_entities(
        [
            ("pre-21", "Taking note of the cooperation between the Office of the United Nations High "
                       "Commissioner for Human Rights (OHCHR) and others,"),
            ("op-3", "Notes the work of OHCHR;"),
            ("op-8", "Invites the Office of the United Nations High Commissioner for Human Rights;"),
        ]
    )  # fmt: skip
    [ohchr] = [m for m in found if m.id == "un.ohchr"]
    assert ohchr.paragraphs == ("pre-21", "op-3", "op-8")
    assert ohchr.matched == (
        "Office of the United Nations High Commissioner for Human Rights",
        "OHCHR",
    )
    assert (ohchr.organization, ohchr.kind, ohchr.acronym) == ("un", "office", "OHCHR")


def test_the_longest_name_wins_over_the_names_inside_it():
    assert ids([("pre-24", "the United Nations Children's Fund on health issues")]) == ["un.unicef"]
    assert ids([("pre-24", "the United Nations Children’s Fund on health issues")]) == ["un.unicef"]


def test_acronyms_match_only_as_written_and_on_word_boundaries():
    assert ids([("op-1", "who knows; the WHOLE world; UNICEFF; XWHO")]) == []
    assert ids([("op-1", "Invites WHO and UNICEF;")]) == ["un.who", "un.unicef"]
    assert ids([("op-1", "a WHO-led initiative")]) == ["un.who"]


def test_the_former_name_maps_to_the_same_body():
    found = find_entities(
        [("fn-1", "On 28 June 2011, the Organization of the Islamic Conference changed its name "
                  "to the Organization of Islamic Cooperation.")]
    )  # fmt: skip
    assert [(m.id, m.matched) for m in found] == [
        ("oic", ("Organization of the Islamic Conference", "Organization of Islamic Cooperation"))
    ]


def test_the_secretary_general_is_the_uns_unless_another_organization_is_named():
    found = ids(
        [
            ("op-24", "Invites the Secretary-General to continue to increase awareness"),
            (
                "op-30",
                "Welcomes the visit of the Secretary-General of the Organization of Islamic Cooperation",
            ),
        ]
    )
    assert found[:2] == ["un.sg", "oic.sg"]


def test_a_shared_name_goes_to_the_partner_the_resolution_is_about():
    oic_text = [
        ("pre-1", "Welcoming the efforts of the Organization of Islamic Cooperation,"),
        ("op-1", "Requests the General Secretariat to report"),
    ]
    las_text = [
        ("pre-1", "Welcoming the efforts of the League of Arab States,"),
        ("op-1", "Requests the General Secretariat to report"),
    ]
    assert "oic.gs" in ids(oic_text)
    assert "las.gs" in ids(las_text) and "oic.gs" not in ids(las_text)
    assert ids([("op-1", "Requests the General Secretariat to report")]) == []


def test_an_acronym_defined_inline_names_its_body_later():
    found = find_entities(
        [
            ("pre-1", "Welcoming the work of the Islamic Development Bank (IDBG),"),
            ("op-2", "Invites IDBG to continue;"),
        ]
    )
    [bank] = found
    assert bank.id == "oic.isdb" and bank.paragraphs == ("pre-1", "op-2") and "IDBG" in bank.matched


def test_a_body_of_an_organization_also_names_the_organization():
    found = ids([("op-12", "the General Secretariat of the Organization of Islamic Cooperation")])
    assert found == ["oic.gs", "oic"]


@pytest.mark.corpus
def test_73_135_names_at_least_10_un_and_8_oic_bodies(corpus):
    found = find_entities([(pid or "heading", text) for pid, text in seed_paragraphs(corpus)])
    un = {m.id for m in found if m.organization == "un"}
    oic = {m.id for m in found if m.organization == "oic"}
    assert len(un) >= 10, un
    assert len(oic) >= 8, oic
    assert {"un.sg", "un.sc", "un.hrc", "un.oct", "un.cted", "un.ocha", "un.ohchr", "un.unwomen",
            "un.unossc", "un.unesco", "un.who", "un.unfpa", "un.unicef", "un.unaoc"} <= un  # fmt: skip
    assert {"oic.gs", "oic.summit", "oic.cfm", "oic.iphrc", "oic.isdb", "oic.sawt", "oic.cdpu",
            "oic.family", "oic.awc"} <= oic  # fmt: skip
    assert {"osce", "kaiciid"} <= {m.id for m in found}


@pytest.mark.corpus
def test_in_73_135_the_former_name_in_footnote_1_is_the_oic(corpus):
    found = find_entities([(pid or "heading", text) for pid, text in seed_paragraphs(corpus)])
    [oic] = [m for m in found if m.id == "oic"]
    assert "Organization of the Islamic Conference" in oic.matched
    assert "fn-1" in oic.paragraphs and "pre-2" in oic.paragraphs
    assert len(oic.paragraphs) == len(set(oic.paragraphs))

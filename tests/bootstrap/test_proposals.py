"""What the bootstrap proposes from the founding resolution (plain data, no database)."""

from __future__ import annotations

import doctest

import pytest

from accord.documents.bootstrap import areas, dates, meetings, partner, proposals


def _by_key(plan, kind):
    return {p.key: p for p in plan.of_kind(kind)}


def test_it_finds_at_least_ten_un_and_eight_oic_entities(demo_plan):
    sides = [p.data["organization"] for p in demo_plan.of_kind("entity")]
    assert sides.count("un") >= 10
    assert sides.count("oic") >= 8


def test_entities_carry_gazetteer_ids_kinds_and_names_in_three_languages(demo_plan):
    entities = _by_key(demo_plan, "entity")
    ohchr = entities["un.ohchr"].data
    assert ohchr["kind"] == "office"
    assert ohchr["acronym"] == "OHCHR"
    assert ohchr["names"]["en"] == "Office of the United Nations High Commissioner for Human Rights"
    assert ohchr["names"]["fr"] and ohchr["names"]["ar"]
    assert "un.unwomen" in entities and "oic.iphrc" in entities and "oic.isdb" in entities


def test_the_organizations_are_the_un_and_the_partner_of_the_title(demo_plan):
    assert (demo_plan.un, demo_plan.partner, demo_plan.framework_slug) == ("un", "oic", "un-oic")
    orgs = _by_key(demo_plan, "organization")
    assert orgs["oic"].confidence == 1.0
    assert orgs["oic"].data["former_names"][0]["name"] == "Organization of the Islamic Conference"
    assert orgs["oic"].data["former_names"][0]["until"] == "2011-06-28"


def test_third_organizations_wait_for_review(demo_plan):
    orgs = _by_key(demo_plan, "organization")
    assert orgs["osce"].needs_review() and orgs["kaiciid"].needs_review()


def test_it_finds_the_ten_priority_areas_reviewed_at_rabat(demo_plan):
    names = [p.data["name_en"] for p in demo_plan.of_kind("priority_area")]
    assert names == [
        "peace and security",
        "science and technology",
        "trade and development",
        "the Sustainable Development Goals",
        "refugees",
        "human rights",
        "human resource development",
        "food security and agriculture",
        "environment, health and population",
        "arts and crafts and heritage",
    ]
    assert {p.paragraph for p in demo_plan.of_kind("priority_area")} == {"pre-12"}


def test_areas_without_a_stated_count_need_review():
    text = "to review cooperation in the priority areas of health, education, transport, energy, and water,"
    names, pid, confidence = areas.find_areas([("pre-3", text)])
    assert names == ["health", "education", "transport", "energy", "water"]
    assert pid == "pre-3" and confidence < proposals.REVIEW_THRESHOLD


def test_a_list_of_fields_that_is_not_said_to_be_the_priority_areas_is_not_taken():
    text = "to cooperate in the fields of health, education, transport, energy, and water,"
    assert areas.find_areas([("op-4", text)]) == ([], None, 0.0)


def test_an_enumeration_stops_at_the_first_clause():
    text = (
        "Noting the 3 priority areas, to cooperate in the fields of health, education, transport, "
        "including through training, encourages the secretariats to meet;"
    )
    names, _, confidence = areas.find_areas([("op-4", text)])
    assert names == ["health", "education", "transport"] and confidence == 0.9


@pytest.mark.parametrize(
    ("paragraph", "kind", "signed_on", "un_party"),
    [
        ("op-12", "mou", "2018-09-25", "un.oct"),
        ("op-13", "mou", "2017-09-22", "un.unwomen"),
        ("op-14", "moc", "2016-01-24", "un.unossc"),
    ],
)
def test_it_finds_the_three_agreements_with_their_dates_and_parties(
    demo_plan, paragraph, kind, signed_on, un_party
):
    found = [p for p in demo_plan.of_kind("agreement") if p.paragraph == paragraph]
    assert len(found) == 1
    data = found[0].data
    assert (data["kind"], data["signed_on"]) == (kind, signed_on)
    assert set(data["parties"]) == {un_party, "oic.gs"}
    assert not found[0].needs_review()


@pytest.mark.parametrize(
    ("kind", "start", "end", "place"),
    [
        ("general", "2018-07-03", "2018-07-05", "Rabat"),
        ("general", "2014-05-20", "2014-05-22", "Istanbul"),
        ("brainstorming", "2017-05-10", "2017-05-11", "Jeddah"),
        ("security_council", "2013-10-28", "2013-10-28", ""),
        ("security_council", "2016-11-17", "2016-11-17", ""),
        ("conference", "2017-11-21", "2017-11-21", ""),
        ("conference", "2018-11-29", "2018-11-29", ""),
    ],
)
def test_it_finds_the_meetings_with_dates_and_places(demo_plan, kind, start, end, place):
    meeting = _by_key(demo_plan, "meeting")[f"{kind}/{start}"].data
    assert (meeting["start_on"], meeting["end_on"]) == (start, end)
    assert meeting["place"].startswith(place)


def test_the_mediation_conferences_are_numbered(demo_plan):
    titles = [p.label for p in demo_plan.of_kind("meeting") if p.data["kind"] == "conference"]
    assert any(t.startswith("First Conference") and "Mediation" in t for t in titles)
    assert any(t.startswith("Second Conference") and "Mediation" in t for t in titles)


def test_the_next_general_meeting_is_planned_for_2020_and_hosted_by_the_un(demo_plan):
    planned = _by_key(demo_plan, "meeting")["general/planned/2020"].data
    assert planned["start_on"] is None and planned["year_planned"] == 2020
    assert planned["host_organization"] == "un"


def test_paragraph_25_is_a_mandate_due_at_session_75(demo_plan):
    mandate = _by_key(demo_plan, "mandate")["op-25"].data
    assert mandate["addressee_ids"] == ["un.sg"]
    assert (mandate["session"], mandate["year"]) == (75, 2020)


def test_only_paragraphs_that_ask_for_action_are_mandates(demo_plan):
    keys = {p.paragraph for p in demo_plan.of_kind("mandate")}
    assert {"op-2", "op-5", "op-24", "op-25", "op-26"} <= keys
    assert not keys & {"op-1", "op-3", "op-12", "op-13", "op-14"}  # takes note, notes, welcomes


def test_the_report_is_a_dated_action_item_for_the_secretary_general(demo_plan):
    (item,) = demo_plan.of_kind("action_item")
    assert item.data["mandate"] == {"paragraph": "op-25", "verb": "Requests", "occurrence": 0}
    assert item.data["owner"] == "un.sg"
    assert item.data["due_on"] == "2020-09-15"  # the opening of the seventy-fifth session


def test_a_paragraph_that_asks_several_things_gives_one_mandate_each(corpus):
    import resolutions
    from accord.documents.bootstrap.propose import mandates

    path = corpus / "text" / "A_RES_79_329.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent from the corpus")
    parsed = resolutions.parse(path)
    found = mandates(parsed)
    assert len(found) == len(parsed.mandates)
    assert len({p.key for p in found}) == len(found)  # distinct natural keys


def test_every_proposal_has_a_confidence_and_most_a_source_paragraph(demo_plan):
    for p in demo_plan.proposals:
        assert 0 < p.confidence <= 1
        assert p.kind == "organization" or p.paragraph, p
        assert not p.needs_review() or p.reason, p


@pytest.mark.parametrize("module", [dates, partner, proposals])
def test_the_examples_in_the_docstrings_hold(module):
    failures, _ = doctest.testmod(module)
    assert failures == 0


def test_a_date_listed_after_a_resolution_symbol_is_not_a_meeting():
    found = meetings.find_meetings(
        [
            (
                "pre-1",
                "Recalling its resolutions 37/4 of 22 October 1982 and the meeting "
                "of the Council, and 38/4 of 28 October 1983,",
            )
        ]
    )
    assert found == []

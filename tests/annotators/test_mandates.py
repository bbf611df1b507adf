"""Mandates: operative clauses that ask someone to act (resolutions/mandates.py)."""

import pytest

from resolutions.entities import find_entities
from resolutions.mandates import find_mandates
from resolutions.model import OperativeParagraph
from tests.annotators.seed import seed_operative, seed_paragraphs


def mandates(*texts):
    ops = [
        OperativeParagraph(f"op-{n}", n, text.split(" the ")[0].split(" all ")[0], text)
        for n, text in enumerate(texts, start=1)
    ]
    return find_mandates(ops, [])


def test_a_request_to_report_names_the_addressee_the_action_and_the_session():
    [m] = mandates(
        "Requests the Secretary-General to report to the General Assembly at its seventy-fifth "
        "session on the state of cooperation between the United Nations and the Organization of "
        "Islamic Cooperation;"
    )
    assert (m.paragraph, m.verb, m.addressees, m.addressee_ids) == (
        "op-1", "Requests", ("Secretary-General",), ("un.sg",)
    )  # fmt: skip
    assert m.action.startswith("to report to the General Assembly at its seventy-fifth session")
    assert (m.session, m.year, m.recurrence) == (75, 2020, None)


def test_welcoming_taking_note_and_recognizing_are_not_mandates():
    assert (
        mandates(
            "Welcomes the cooperation between the United Nations and the Organization of Islamic Cooperation;",
            "Takes note with satisfaction of the report of the Secretary-General;",
            "Recognizes the need for the Secretary-General to act;",
            "Decides that the Committee shall meet in Geneva;",
        )
        == []
    )


def test_several_addressees_are_split_and_matched():
    [m] = mandates(
        "Encourages the United Nations and the Organization of Islamic Cooperation and their "
        "subsidiary organs, specialized and affiliated institutions and standing committees to "
        "intensify actions;"
    )
    assert m.addressees == (
        "United Nations",
        "Organization of Islamic Cooperation",
        "their subsidiary organs, specialized and affiliated institutions and standing committees",
    )
    assert m.addressee_ids == ("un", "oic")
    assert m.action == "to intensify actions"


def test_a_mandate_verb_inside_another_paragraph_counts():
    [m] = mandates(
        "Notes with satisfaction the increasing cooperation, and calls upon the two organizations "
        "to expand their cooperation in the protection of cultural and historic heritage;"
    )
    assert (m.verb, m.addressees) == ("calls upon", ("two organizations",))
    assert m.action.startswith("to expand their cooperation")


def test_recurrence_and_interjections():
    annual, biennial = mandates(
        "Requests the Secretary-General, in consultation with Member States, to submit annually "
        "a report on its implementation;",
        "Also requests the Secretary-General to report every two years at its eightieth session;",
    )
    assert annual.addressees == ("Secretary-General",) and annual.recurrence == "annual"
    assert biennial.verb == "Also requests" and biennial.recurrence == "biennial"
    assert (biennial.session, biennial.year) == (80, 2025)


def test_deciding_to_include_an_item_is_work_for_the_assembly_at_that_session():
    [m] = mandates(
        "Decides to include in the provisional agenda of its seventy-fifth session, under the item "
        "entitled “Cooperation between the United Nations and regional and other organizations”, "
        "the sub-item entitled “Cooperation between the United Nations and the Organization of "
        "Islamic Cooperation”."
    )
    assert (m.verb, m.addressees, m.addressee_ids, m.session, m.year) == (
        "Decides", ("General Assembly",), ("un.ga",), 75, 2020
    )  # fmt: skip


def test_an_invitation_between_two_bodies_names_both():
    [m] = mandates(
        "Invites increased cooperation and exchanges between the Independent Permanent Commission "
        "on Human Rights of the Organization of Islamic Cooperation and the Office of the United "
        "Nations High Commissioner for Human Rights;"
    )
    assert m.addressee_ids == ("oic.iphrc", "un.ohchr")


@pytest.mark.corpus
def test_paragraph_25_of_73_135_is_due_from_the_secretary_general_at_session_75(corpus):
    paragraphs = [(pid or "heading", text) for pid, text in seed_paragraphs(corpus)]
    found = find_mandates(seed_operative(corpus), find_entities(paragraphs))
    [op25] = [m for m in found if m.paragraph == "op-25"]
    assert (op25.verb, op25.addressee_ids, op25.session, op25.year) == (
        "Requests",
        ("un.sg",),
        75,
        2020,
    )
    by_paragraph = {m.paragraph for m in found}
    # requests, urges, invites, encourages, decides to include, and "calls upon" inside op. 19
    assert {"op-2", "op-5", "op-8", "op-9", "op-15", "op-16", "op-19", "op-22", "op-23", "op-24",
            "op-25", "op-26"} <= by_paragraph  # fmt: skip
    # welcomes, affirms, takes note, notes with satisfaction, expresses appreciation: not mandates
    assert not by_paragraph & {"op-1", "op-3", "op-4", "op-10", "op-11", "op-12", "op-13", "op-14",
                               "op-17", "op-18", "op-20"}  # fmt: skip


def test_a_renewed_request_and_a_call_for_someone_to_act_name_the_addressee():
    again, call, need = mandates(
        "Reiterates its request to intergovernmental bodies to review their meeting entitlements;",
        "Calls for the United Nations system to cooperate with the African Union;",
        "Stresses the need to further consolidate the dialogue;",
    )
    assert (again.addressees, again.action) == (
        ("intergovernmental bodies",), "to review their meeting entitlements"
    )  # fmt: skip
    assert (call.addressees, call.addressee_ids) == (("United Nations system",), ("un",))
    assert (need.addressees, need.action) == ((), "to further consolidate the dialogue")


def test_an_object_that_is_itself_the_action_is_not_an_addressee():
    [m] = mandates("Encourages continued support for measures to address the challenges;")
    assert m.addressees == () and m.action.startswith("continued support")


def test_the_two_organizations_are_the_un_and_the_partner():
    ops = [
        OperativeParagraph("op-1", 1, "Welcomes", "Welcomes the work of the League of Arab States;"),
        OperativeParagraph(
            "op-2", 2, "Requests",
            "Requests the secretariats of the two organizations to strengthen cooperation;",
        ),
    ]  # fmt: skip
    [m] = find_mandates(ops, [])
    assert m.addressee_ids == ("un", "las")


# -- class 5 of issue 11: second requests, requests in points, sessions (made-up texts) ----


def summary(ms):
    return [(m.verb, m.addressees, m.session) for m in ms]


def test_a_second_request_without_a_comma_before_it_is_a_mandate():
    ms = mandates(
        "Takes note of the report of the Secretary-General and requests the Secretary-General "
        "to report to the General Assembly at its eighty-first session on its implementation;"
    )
    assert summary(ms) == [("requests", ("Secretary-General",), 81)]
    # "and encourages the extension of ...": an action, not an addressee, so not split there
    assert mandates("Welcomes and encourages the enhancing of the close collaboration;") == []


def test_a_request_in_a_point_of_decides_is_a_mandate_of_its_own():
    ms = mandates(
        "Decides: (a) To continue its consideration of the question; (b) To request the "
        "Secretary-General to submit a report to it at its eighty-second session;"
    )
    assert summary(ms) == [("To request", ("Secretary-General",), 82)]
    ms = mandates(
        "Decides: (a) To include in the provisional agenda of its eighty-third session the item;"
    )
    assert summary(ms) == [("To include", ("General Assembly",), 83)]
    # points that say what the addressees of the opening request are to do are not requests
    ms = mandates("Calls upon all States: (a) To take measures; (b) To encourage participation;")
    assert summary(ms) == [("Calls upon", ("all States",), None)]


def test_also_and_further_decides_keep_their_addressee():
    ms = mandates(
        "Also decides to include in the provisional agenda of its eighty-first session the item;",
        "Further decides to request the Secretary-General to submit a report on the matter;",
    )
    assert summary(ms) == [
        ("Also decides", ("General Assembly",), 81),
        ("Further decides", ("Secretary-General",), None),
    ]


def test_at_that_session_is_the_session_named_earlier_in_the_paragraph():
    ms = mandates(
        "Decides to include in the provisional agenda of its eighty-fourth session the item "
        "entitled “Cooperation”, and requests the Secretary-General to submit a report at that session;"
    )
    assert summary(ms) == [
        ("Decides", ("General Assembly",), 84),
        ("requests", ("Secretary-General",), 84),
    ]


def test_the_session_is_the_requests_not_that_of_a_cited_report():
    [m] = mandates(
        "Requests the Secretary-General to transmit the report of the Commission on its "
        "seventy-second session to the General Assembly at its eighty-first session;"
    )
    assert (m.session, m.year) == (81, 2026)


def test_a_session_of_a_subsidiary_body_is_not_a_session_of_the_assembly():
    ms = mandates(
        "Requests the Secretary-General to submit, through the Commission on Science and "
        "Technology for Development at its thirtieth session, a report;",
        "Invites the Commission on Science and Technology for Development to consider the matter "
        "at its thirtieth session;",
        "Invites the Committee to submit its report to the thirtieth session of the Commission on "
        "the Status of Women;",
    )
    assert [(m.session, m.year) for m in ms] == [(None, None)] * 3
    [m] = mandates("Requests the Committee to report to it at its eighty-first session;")
    assert m.session == 81  # "to it": the Assembly


def test_a_session_at_which_a_text_was_adopted_is_a_past_act_not_a_due_date():
    [m] = mandates(
        "Encourages States to implement the resolution on multilingualism adopted during the "
        "seventy-eighth session of the General Assembly;"
    )
    assert m.session is None


@pytest.mark.corpus
def test_no_mandate_of_the_corpus_is_due_at_a_session_before_its_own(corpus):
    from resolutions import parse

    for path in sorted((corpus / "text").glob("*.txt")):
        r = parse(path)
        early = [
            (m.paragraph, m.session) for m in r.mandates if m.session and m.session < r.session
        ]
        assert not early, (path.name, early)


def test_a_request_that_someone_act_names_the_subject_of_the_clause():
    direct, aside, nobody, pointed, two, report = mandates(
        "Reiterates its request that the Secretary-General direct all departments of the "
        "Secretariat to include a summary in their reports;",
        "Requests that Member States, as appropriate to their national contexts, adopt "
        "comprehensive policies;",
        "Recommends that efforts be taken to ensure that this expertise is accessible;",
        "Encourages that Organization, States bordering straits and user States to continue "
        "their cooperation;",
        "Demands that the Syrian regime and all other parties to the conflict ensure full "
        "access, and requests the Secretary-General to report at its eighty-first session;",
    )
    assert (direct.addressees, direct.action) == (
        ("Secretary-General",), "direct all departments of the Secretariat to include a summary in their reports"
    )  # fmt: skip
    assert direct.addressee_ids == ("un.sg",)
    assert aside.addressees == ("Member States",) and aside.action.endswith(
        "adopt comprehensive policies"
    )
    assert nobody.addressees == () and nobody.action.startswith("that efforts be taken")
    assert pointed.addressees[-1] == "States bordering straits and user States"
    assert (two.addressees, two.action) == (
        ("Syrian regime", "all other parties to the conflict"),
        "ensure full access",
    )
    assert (report.addressees, report.session) == (("Secretary-General",), 81)


def test_an_aside_inside_the_addressees_keeps_the_list_whole():
    listed, alone, urges, report, respect = mandates(
        "Calls upon the relevant organizations of the United Nations system and, as appropriate, "
        "other relevant humanitarian actors to continue efforts;",
        "Calls upon States, individually and through regional fisheries management "
        "organizations and arrangements, to adopt the measures necessary;",
        "Urges all affected States, pursuant to applicable international law, to identify all "
        "areas under their jurisdiction, and requests the Secretary-General, with a view to "
        "ensuring coherence, to report;",
        "Requests the Secretary-General in this respect to enhance further initiatives;",
    )
    assert listed.addressees == (
        "relevant organizations of the United Nations system",
        "other relevant humanitarian actors",
    )
    assert (alone.addressees, alone.action) == (("States",), "to adopt the measures necessary")
    assert (urges.addressees, urges.action) == (
        ("all affected States",), "to identify all areas under their jurisdiction"
    )  # fmt: skip
    assert (report.addressees, report.action) == (("Secretary-General",), "to report")
    assert respect.action == "to enhance further initiatives"


def test_an_action_named_by_a_gerund_or_a_noun_of_action_is_not_an_addressee():
    for m in mandates(
        "Encourages strengthening efforts to empower rural women;",
        "Encourages exploring, developing and, where appropriate, the strengthening of "
        "anticipatory mechanisms to reduce the impact of disasters;",
        "Encourages the promotion of digital solutions through access to and use of digital "
        "public goods to bridge the divides;",
        "Encourages the holding of a high-level conference to discuss pastoralism;",
    ):
        assert m.addressees == (), m
    [kept] = mandates("Encourages developing countries to strengthen their statistical capacity;")
    assert kept.addressees == ("developing countries",)


def test_an_aside_alone_is_not_an_addressee():
    [m] = mandates("Urges, in this regard, States to take steps to ensure the safety of observers;")
    assert m.addressees == ("States",)


def test_the_assembly_its_main_committees_and_titles_in_quotes_keep_the_session():
    sixth, titled, own, apprise, informed, other = mandates(
        "Requests the Secretary-General to report to the Sixth Committee during the briefing "
        "at its eightieth session;",
        "Invites the Chair of the Working Group to engage in a dialogue with the Assembly under "
        "the item entitled “Elimination of racism, racial discrimination and the Conference” at "
        "its eighty-first session;",
        "Decides to consider the final report of the Panel on nuclear war effects at its "
        "eighty-second session, in 2027;",
        "Requests the Secretary-General to apprise the General Assembly of that information at "
        "its eighty-first session;",
        "Requests the Secretary-General to inform the General Assembly at its eightieth session "
        "of the implementation of the present resolution;",
        "Requests the Secretary-General to submit a text to the Preparatory Committee at its "
        "second session;",
    )
    assert [m.session for m in (sixth, titled, own, apprise, informed)] == [80, 81, 82, 81, 80]
    assert other.session is None  # the Preparatory Committee's own session

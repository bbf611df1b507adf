"""Reads: each resource answers the public what is published and a member what their
framework has; a row the caller may not read is 404, as on the pages; pages and filters."""

from __future__ import annotations

import pytest

from accord.cooperation.models import Activity

pytestmark = pytest.mark.django_db


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_the_public_reads_the_frameworks_and_their_reference_data(world, as_):
    api = as_("eve")
    body = api.get("/frameworks").json()
    assert {f["slug"] for f in body["items"]} == {"un-oic", "un-au"}
    assert body["count"] == 2
    one = api.get("/frameworks/un-oic")
    assert one.json()["partner"]["code"] == "oic"
    assert one["ETag"] == f'"{world.framework.version}"'
    assert ids(api.get("/frameworks/un-oic/bienniums")) == {world.biennium.pk}
    assert ids(api.get("/frameworks/un-oic/priority-areas")) == {world.peace.pk, world.rights.pk}
    assert api.get("/frameworks/nowhere").status_code == 404


def test_the_public_sees_only_published_activities_and_a_member_sees_all(world, as_):
    public = ids(as_("eve").get("/frameworks/un-oic/activities"))
    assert public == {world.act_ohchr.pk}
    member = ids(as_("dan").get("/frameworks/un-oic/activities"))
    assert member == {world.act_ohchr.pk, world.act_other.pk, world.act_participant.pk}
    assert ids(as_("dan").get("/frameworks/un-au/activities")) == set()


def test_an_unpublished_activity_is_404_for_the_public_and_read_by_a_member(world, as_):
    path = f"/activities/{world.act_other.pk}"
    refused = as_("eve").get(path)
    assert refused.status_code == 404
    assert refused.json()["error"]["code"] == "not_found"
    assert as_("olga").get(path).status_code == 404  # signed in, no membership
    assert as_("dan").get(f"/activities/{world.act_au.pk}").status_code == 404
    read = as_("dan").get(path)
    assert read.status_code == 200
    assert read["ETag"] == f'"{world.act_other.version}"'


def test_an_activity_comes_with_its_indicators_progress_and_sdg_targets(world, as_):
    from accord.cooperation.models import SDGTarget

    target = SDGTarget.objects.get(code="16.7")
    Activity.objects.get(pk=world.act_ohchr.pk).sdg_targets.add(target)
    body = as_("eve").get(f"/activities/{world.act_ohchr.pk}").json()
    assert body["sdg_targets"] == ["16.7"]
    assert [i["name"] for i in body["indicators"]] == ["Workshops held"]
    assert [p["text"] for p in body["progress"]] == ["Begun"]
    assert body["un_lead"] == world.ohchr.pk and body["partner_lead"] == world.iphrc.pk


def test_the_matrix_filters_are_the_matrix_pages(world, as_):
    api = as_("dan")
    by_entity = ids(api.get("/frameworks/un-oic/activities", {"entity": world.ohchr.pk}))
    assert by_entity == {world.act_ohchr.pk, world.act_participant.pk}  # lead or participant
    by_text = ids(api.get("/frameworks/un-oic/activities", {"q": "hr-02"}))
    assert by_text == {world.act_other.pk}
    assert ids(api.get("/frameworks/un-oic/activities", {"status": "completed"})) == set()
    codes = [
        a["code"]
        for a in api.get("/frameworks/un-oic/activities", {"order": "-code"}).json()["items"]
    ]
    assert codes == ["HR-03", "HR-02", "HR-01"]
    bad = api.get("/frameworks/un-oic/activities", {"biennium": "1990-1991"})
    assert bad.status_code == 400
    assert "1990-1991" in bad.json()["error"]["message"]
    assert api.get("/frameworks/un-oic/activities", {"status": "lost"}).status_code == 400
    assert api.get("/frameworks/un-oic/activities", {"order": "colour"}).status_code == 400


def test_pages_have_a_count_a_limit_and_an_offset_with_a_largest_limit(world, as_, settings):
    api = as_("dan")
    first = api.get("/frameworks/un-oic/activities", {"limit": 2, "order": "code"}).json()
    assert first["count"] == 3 and first["limit"] == 2 and first["offset"] == 0
    assert [a["code"] for a in first["items"]] == ["HR-01", "HR-02"]
    rest = api.get("/frameworks/un-oic/activities", {"limit": 2, "offset": 2, "order": "code"})
    assert [a["code"] for a in rest.json()["items"]] == ["HR-03"]
    too_many = api.get("/frameworks/un-oic/activities", {"limit": 100_000})
    assert too_many.status_code == 400
    assert too_many.json()["error"]["code"] == "bad_request"
    assert "limit" in too_many.json()["error"]["fields"]


def test_meetings_decisions_and_action_items(world, as_):
    api = as_("eve")
    assert ids(api.get("/frameworks/un-oic/meetings")) == {world.meeting.pk}
    meeting = api.get(f"/meetings/{world.meeting.pk}").json()
    assert [d["text"] for d in meeting["decisions"]] == ["Hold a workshop."]
    assert ids(api.get(f"/meetings/{world.meeting.pk}/decisions")) == {world.decision.pk}
    assert api.get(f"/decisions/{world.decision.pk}").json()["number"] == "1"
    assert api.get(f"/meetings/{world.meeting_au.pk}").status_code == 404
    items = ids(api.get("/frameworks/un-oic/action-items"))
    assert items == {world.ai_ohchr.pk, world.ai_isdb.pk}  # of a published meeting
    mine = ids(as_("dan").get("/frameworks/un-oic/action-items", {"owner": world.isdb.pk}))
    assert mine == {world.ai_isdb.pk}
    overdue = ids(as_("dan").get("/frameworks/un-oic/action-items", {"state": "overdue"}))
    assert overdue == {world.ai_ohchr.pk, world.ai_isdb.pk}  # due in 2019
    assert ids(as_("dan").get("/frameworks/un-oic/action-items", {"state": "closed"})) == set()
    assert api.get(f"/action-items/{world.ai_au.pk}").status_code == 404


def test_agreements_entities_and_focal_points(world, as_):
    assert ids(as_("eve").get("/frameworks/un-oic/agreements")) == set()  # unpublished
    assert ids(as_("dan").get("/frameworks/un-oic/agreements")) == {world.agreement.pk}
    assert as_("eve").get(f"/agreements/{world.agreement.pk}").status_code == 404
    parties = as_("dan").get(f"/agreements/{world.agreement.pk}").json()["parties"]
    assert set(parties) == {world.ohchr.pk, world.iphrc.pk}
    oic = ids(as_("eve").get("/entities", {"organization": "oic"}))
    assert oic == {world.iphrc.pk, world.isdb.pk}
    assert as_("eve").get(f"/entities/{world.ohchr.pk}").json()["acronym"] == "OHCHR"
    # focal points (people and their e-mail) are for members only
    assert ids(as_("eve").get("/focal-points")) == set()
    assert as_("eve").get(f"/focal-points/{world.fp_ohchr.pk}").status_code == 404
    assert ids(as_("dan").get("/focal-points", {"entity": world.iphrc.pk})) == {world.fp_iphrc.pk}


def test_resolutions_their_json_akn_and_mandates_are_public(world, as_):
    from accord.documents.models import Resolution

    Resolution.objects.filter(pk=world.resolution.pk).update(
        parsed={"symbol": "A/RES/73/135"}, akn="<akomaNtoso/>"
    )
    api = as_("eve")
    assert ids(api.get("/resolutions", {"framework": "un-oic"})) == {world.resolution.pk}
    detail = api.get(f"/resolutions/{world.resolution.pk}").json()
    assert detail["parsed"] == {"symbol": "A/RES/73/135"}
    akn = api.get(f"/resolutions/{world.resolution.pk}/akn")
    assert akn["Content-Type"].startswith("application/akn+xml")
    assert akn.content == b"<akomaNtoso/>"
    mandates = api.get(f"/resolutions/{world.resolution.pk}/mandates").json()["items"]
    assert [(m["verb"], m["paragraph_pid"]) for m in mandates] == [("Requests", "op-25")]
    assert api.get(f"/mandates/{world.mandate.pk}").json()["due_session"] == 75
    assert api.get("/resolutions/999999").status_code == 404


def test_search_finds_only_what_the_caller_may_read(world, as_):
    from accord.search.index import reindex

    reindex()
    public = as_("eve").get("/search", {"q": "activity", "kind": "activity"}).json()
    assert {h["object_id"] for h in public["items"]} == {world.act_ohchr.pk}
    member = as_("dan").get("/search", {"q": "activity", "kind": "activity"}).json()
    assert {world.act_other.pk, world.act_participant.pk} <= {
        h["object_id"] for h in member["items"]
    }
    assert as_("eve").get("/search").status_code == 400  # no query


def test_a_broad_search_is_counted_as_more_than_and_paged(world, as_, monkeypatch):
    from accord.search import backends
    from accord.search.index import reindex

    reindex()
    monkeypatch.setattr(backends, "RANKED", 2)  # "activity" matches more than two rows
    member = as_("dan")
    first = member.get("/search", {"q": "activity", "limit": 1}).json()
    assert (first["count"], first["capped"], first["offset"], first["more"]) == (2, True, 0, True)
    second = member.get("/search", {"q": "activity", "limit": 1, "offset": 1}).json()
    assert second["offset"] == 1 and second["items"] != first["items"]
    public = as_("eve").get("/search", {"q": "activity", "kind": "activity"}).json()
    assert {h["object_id"] for h in public["items"]} == {world.act_ohchr.pk}


def test_errors_are_translated(world, as_):
    refused = as_("eve").get("/activities/999999", **{"Accept-Language": "fr"})
    assert refused.status_code == 404
    assert refused.json()["error"]["message"] == "Cet objet n’existe pas, ou il n’est pas public."
    arabic = as_("eve").get("/frameworks", {"limit": 0}, **{"Accept-Language": "ar"})
    assert arabic.json()["error"]["message"] == "بعض قيم الطلب غير صالحة."


def test_a_path_the_api_does_not_have_answers_its_json_404(client):
    for path in ("/api/v1/nothing-here", "/api/v1/frameworks/un-oic/nowhere/deeper"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 404
        error = response.json()["error"]
        assert error["code"] == "not_found" and "/api/v1/docs" in error["message"]
        assert error["message"].startswith("L'API")


def test_a_method_a_path_does_not_answer_is_the_api_s_json_405(client, world):
    answer = client.delete("/api/v1/frameworks", HTTP_ACCEPT_LANGUAGE="fr")
    assert answer.status_code == 405 and answer["Allow"] == "GET"
    error = answer.json()["error"]
    assert error["code"] == "method_not_allowed"
    assert error["message"] == "DELETE n’est pas une opération de ce chemin ; il répond à GET."


def test_a_body_over_the_upload_limit_is_the_api_s_json_413(world, as_, settings):
    from accord.cooperation.models import Activity

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    answer = as_("carol").send(
        "PATCH", f"/activities/{a.pk}", {"description": "x" * 500}, **{"If-Match": f'"{a.version}"'}
    )
    assert answer.status_code == 413
    assert answer.json()["error"] == {"code": "too_large", "message": "The request is too large."}

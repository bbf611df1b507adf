"""Every page answers for each role, shows only the controls the role may use, and
refuses the writes it hides."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def pages(w):
    slug = w.framework.slug
    return [
        reverse("dashboard", args=[slug]),
        reverse("matrix", args=[slug]),
        reverse("activity", args=[slug, w.activities[0].pk]),
        reverse("meetings", args=[slug]),
        reverse("meeting", args=[slug, w.meeting.pk]),
        reverse("action-items", args=[slug]),
        reverse("registry", args=[slug]),
        reverse("resolutions", args=[slug]),
        reverse("resolution", args=[slug, w.resolution.pk]),
    ]


@pytest.mark.parametrize("role", ["admin", "coordinator", "focal", "viewer"])
def test_every_page_answers_for_every_role(client, world, role):
    client.force_login(getattr(world, role))
    for url in pages(world):
        assert client.get(url).status_code == 200, url


def test_an_anonymous_visitor_is_sent_to_sign_in_for_personal_pages_and_every_write(client, world):
    slug = world.framework.slug
    for url in (reverse("action-items", args=[slug]),):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    writes = [
        reverse("activity-status", args=[slug, world.activities[0].pk]),
        reverse("activity-progress", args=[slug, world.activities[0].pk]),
        reverse("decision-add", args=[slug, world.meeting.pk]),
        reverse("resolution-upload", args=[slug]),
        *pages(world),  # the public pages take no write from an anonymous visitor either
    ]
    from accord.cooperation.models import Decision

    first, decisions = world.activities[0], Decision.objects.count()
    for url in writes:
        response = client.post(url, {"status": "completed"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    version = first.version
    first.refresh_from_db()
    assert first.status != "completed" and first.version == version
    assert Decision.objects.count() == decisions


def test_the_public_reads_only_what_is_published_without_signing_in(client, world):
    from accord.cooperation.models import Activity, Meeting

    slug = world.framework.slug
    Activity.objects.filter(pk=world.activities[1].pk).update(is_published=True)
    body = client.get(reverse("dashboard", args=[slug])).content.decode()
    assert "General meeting in Rabat" not in body and "MoU OHCHR-IPHRC" not in body
    assert "Joint activity number 0" not in body and "Follow-up 0" not in body
    body = client.get(reverse("matrix", args=[slug])).content.decode()
    assert "A-0001" in body and "A-0000" not in body
    assert (
        b'name="status"'
        not in client.get(reverse("matrix", args=[slug])).content.split(b"<tbody>")[1]
    )
    assert client.get(reverse("activity", args=[slug, world.activities[1].pk])).status_code == 200
    # an unpublished row is not found (a 403 would tell the public that it exists)
    assert client.get(reverse("activity", args=[slug, world.activities[0].pk])).status_code == 404
    assert client.get(reverse("meeting", args=[slug, world.meeting.pk])).status_code == 404
    Meeting.objects.filter(pk=world.meeting.pk).update(is_published=True)
    assert client.get(reverse("meeting", args=[slug, world.meeting.pk])).status_code == 200
    body = client.get(reverse("registry", args=[slug])).content.decode()
    assert "Amina Diallo" not in body  # focal points are for members
    # resolutions of the General Assembly are public documents
    assert client.get(reverse("resolution", args=[slug, world.resolution.pk])).status_code == 200


def test_the_viewer_sees_no_edit_control_and_the_focal_point_does(client, world):
    url = reverse("matrix", args=[world.framework.slug])
    client.force_login(world.viewer)
    assert b'name="status"' not in client.get(url).content.split(b"<tbody>")[1]
    client.force_login(world.focal)
    body = client.get(url).content.decode()
    # the focal point of OHCHR edits the rows OHCHR leads, or takes part in (none here)
    ohchr_rows = [a for a in world.activities if a.un_lead_id == world.ohchr.pk]
    assert body.count('action="/f/un-oic/activities/') == 2 * len(ohchr_rows)


def test_a_viewer_posting_a_status_change_is_refused(client, world):
    client.force_login(world.viewer)
    a = world.activities[0]
    response = client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "completed", "version": a.version},
    )
    assert response.status_code == 403
    a.refresh_from_db()
    assert a.status != "completed"


def test_a_focal_point_cannot_change_an_activity_of_another_entity(client, world):
    client.force_login(world.focal)
    other = next(a for a in world.activities if a.un_lead_id == world.dppa.pk)
    response = client.post(
        reverse("activity", args=[world.framework.slug, other.pk]),
        {"title": "Hijacked", "status": "planned", "version": other.version},
    )
    assert response.status_code == 403
    title, version = other.title, other.version
    other.refresh_from_db()
    assert (other.title, other.version) == (title, version)


def test_the_dashboard_shows_the_report_due_and_overdue_items(client, world):
    client.force_login(world.viewer)
    body = client.get(reverse("dashboard", args=[world.framework.slug])).content.decode()
    assert "A/RES/73/135" in body and "#op-25" in body
    assert "Follow-up 0" in body
    assert "<svg" in body and "<table>" in body
    assert "MoU OHCHR-IPHRC" in body  # expires within six months


def test_the_matrix_filters_by_entity_status_and_text(client, world):
    client.force_login(world.viewer)
    url = reverse("matrix", args=[world.framework.slug])
    body = client.get(url, {"entity": world.dppa.pk}).content.decode()
    assert "A-0001" in body and "A-0000" not in body
    body = client.get(url, {"q": "number 3"}).content.decode()
    assert "A-0003" in body and "A-0002" not in body
    body = client.get(url, {"status": "planned"}).content.decode()
    assert "A-0000" in body and "A-0001" not in body
    body = client.get(url, {"group": "on"}).content.decode()
    assert body.index("Peace and security</h2>") < body.index("Human rights</h2>")


def test_the_resolution_reader_anchors_paragraphs_and_links_mandates_to_activities(client, world):
    client.force_login(world.viewer)
    body = client.get(
        reverse("resolution", args=[world.framework.slug, world.resolution.pk])
    ).content.decode()
    assert 'id="pre-1"' in body and 'id="op-25"' in body
    assert "The General Assembly," in body
    assert 'class="operative mandate"' in body
    assert reverse("activity", args=[world.framework.slug, world.activities[0].pk]) in body
    assert 'id="fn-1"' in body


def test_the_reader_links_a_citation_to_a_stored_resolution(client, world):
    from accord.documents.models import Resolution

    cited = Resolution.objects.create(
        framework=world.framework, symbol="A/RES/37/4", session=37, number="4"
    )
    client.force_login(world.viewer)
    body = client.get(
        reverse("resolution", args=[world.framework.slug, world.resolution.pk])
    ).content.decode()
    assert f'href="{reverse("resolution", args=[world.framework.slug, cited.pk])}"' in body


def test_the_reader_shows_the_lineage(client, world):
    from accord.documents.models import Resolution

    later = Resolution.objects.create(
        framework=world.framework,
        symbol="A/RES/75/16",
        session=75,
        number="16",
        predecessor=world.resolution,
    )
    client.force_login(world.viewer)
    body = client.get(
        reverse("resolution", args=[world.framework.slug, world.resolution.pk])
    ).content.decode()
    assert "A/RES/75/16" in body and f'/resolutions/{later.pk}/" rel="next"' in body


def test_the_registry_nests_entities_under_their_parent(client, world):
    client.force_login(world.viewer)
    body = client.get(reverse("registry", args=[world.framework.slug])).content.decode()
    secretariat = body.index(">Secretariat<")
    assert (
        secretariat < body.index("(OHCHR)") and "<ul>" in body[secretariat : body.index("(OHCHR)")]
    )
    assert "Amina Diallo" in body


def test_the_matrix_links_to_the_spreadsheet_export(client, world):
    client.force_login(world.viewer)
    body = client.get(reverse("matrix", args=[world.framework.slug])).content.decode()
    assert f"{reverse('matrix-export', kwargs={'pk': world.biennium.pk})}?format=xlsx" in body


def test_pages_speak_french_with_french_names(client, world):
    client.force_login(world.viewer)
    body = client.get(f"/fr/f/{world.framework.slug}/").content.decode()
    assert 'lang="fr"' in body and "Tableau de bord" in body and "Paix et sécurité" in body
    body = client.get(f"/ar/f/{world.framework.slug}/registry/").content.decode()
    assert (
        'dir="rtl"' in body
        and "السجل" in body
        and "مفوضية الأمم المتحدة السامية لحقوق الإنسان" in body
    )


def test_the_matrix_escapes_what_people_typed(client, world):
    from accord.cooperation.models import Activity

    Activity.objects.filter(pk=world.activities[0].pk).update(title='<script>alert("x")</script>')
    world.ohchr.acronym = 'O"H<b>'
    world.ohchr.save()
    client.force_login(world.focal)
    body = client.get(reverse("matrix", args=[world.framework.slug])).content.decode()
    assert (
        "<script>alert" not in body and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    )
    assert 'O"H<b>' not in body and "O&quot;H&lt;b&gt;" in body


def test_the_dashboard_links_to_the_report_of_the_secretary_general(client, world):
    client.force_login(world.coordinator)
    body = client.get(reverse("dashboard", args=[world.framework.slug])).content.decode()
    assert f'href="{reverse("report-sg", kwargs={"framework": world.framework.slug})}"' in body


def test_only_who_may_decide_reads_the_review_list(client, world):
    url = reverse("resolution-review", args=[world.framework.slug, world.resolution.pk])
    for role, status in (("viewer", 403), ("focal", 403), ("coordinator", 200), ("admin", 200)):
        client.force_login(getattr(world, role))
        assert client.get(url).status_code == status, role


def test_a_signed_in_outsider_sees_only_what_is_published(client, world):
    from django.contrib.auth import get_user_model

    from accord.cooperation.models import Activity, Meeting

    outsider = get_user_model().objects.create_user("outsider")
    Activity.objects.filter(pk=world.activities[1].pk).update(is_published=True)
    client.force_login(outsider)
    body = client.get(reverse("dashboard", args=[world.framework.slug])).content.decode()
    assert "General meeting in Rabat" not in body and "MoU OHCHR-IPHRC" not in body
    assert "Joint activity number 0" not in body and "Follow-up 0" not in body
    Meeting.objects.filter(pk=world.meeting.pk).update(is_published=True)
    body = client.get(reverse("dashboard", args=[world.framework.slug])).content.decode()
    assert "General meeting in Rabat" in body
    body = client.get(reverse("matrix", args=[world.framework.slug])).content.decode()
    assert "A-0001" in body and "A-0000" not in body
    assert (
        client.get(
            reverse("activity", args=[world.framework.slug, world.activities[0].pk])
        ).status_code
        == 404
    )
    body = client.get(reverse("registry", args=[world.framework.slug])).content.decode()
    assert "Amina Diallo" not in body  # focal points are for members


def test_the_public_never_sees_a_username_but_members_see_who_changed_what(client, world):
    from django.contrib.auth import get_user_model

    from accord.cooperation.models import Activity

    slug = world.framework.slug
    activity = world.activities[1]
    activity.is_published = True
    activity._history_user = world.focal
    activity.save()
    names = set(get_user_model().objects.values_list("username", flat=True))
    urls = [reverse("dashboard", args=[slug]), reverse("activity", args=[slug, activity.pk])]
    for url in urls:
        body = client.get(url).content.decode()
        shown = {n for n in names if f"· {n}" in body or f">{n}<" in body}
        assert not shown, (url, shown)
    public_history = client.get(urls[1]).content.decode().split('class="history"')[1]
    assert "·" in public_history, "the public history lists the change, by entity"
    client.force_login(world.viewer)
    member_history = client.get(urls[1]).content.decode().split('class="history"')[1]
    label = world.focal.get_full_name() or world.focal.get_username()
    assert label in member_history
    assert Activity.history.filter(id=activity.pk, history_user=world.focal).exists()

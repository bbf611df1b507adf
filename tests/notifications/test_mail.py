"""Every notification kind comes from its event, reaches the right people in their
language, by mail when they want it (immediately, in a daily or weekly digest, or not),
with a working one-click unsubscribe link; `accord remind` sends each mail once."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accord.cooperation import services as cooperation
from accord.cooperation.models import ActionItem
from accord.notifications import services
from accord.notifications.models import Kind, Notification, SentMail

pytestmark = pytest.mark.django_db


def kinds_of(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def remind(on=None):
    args = ["remind"] + ([f"--on={on.isoformat()}"] if on else [])
    call_command(*args)


def test_an_action_item_assigned_to_an_entity_mails_its_focal_point_at_once(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.decision_to_action_items(
            decision=world.decision,
            user=world.coordinator,
            items=[{"title": "Draft the workshop agenda", "owner": world.ohchr}],
        )
    assert kinds_of(world.focal) == [Kind.ASSIGNED]
    assert kinds_of(world.coordinator) == []  # who assigned it is not told
    [message] = mails_to(world.focal)
    assert "Draft the workshop agenda" in message.subject
    item = ActionItem.objects.get(title="Draft the workshop agenda")
    link = reverse("action-item-edit", args=[world.framework.slug, item.pk])
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and link in html and 'dir="ltr"' in html


def test_reassigning_an_item_tells_the_new_owner_focal_point(
    world, django_capture_on_commit_callbacks
):
    item = ActionItem.objects.create(framework=world.framework, title="Unowned", owner=None)
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.action_item_update(
            item=item, user=world.coordinator, expected_version=item.version, owner=world.ohchr
        )
    assert kinds_of(world.focal) == [Kind.ASSIGNED]
    assert len(mails_to(world.focal)) == 1


def test_a_mail_is_written_in_the_recipient_language_right_to_left_in_arabic(
    world, django_capture_on_commit_callbacks
):
    services.language_set(user=world.focal, language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.decision_to_action_items(
            decision=world.decision,
            user=world.coordinator,
            items=[{"title": "Workshop", "owner": world.ohchr}],
        )
    [message] = mails_to(world.focal)
    assert "بند عمل" in message.subject, message.subject
    html = message.alternatives[0][0]
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    services.language_set(user=world.focal, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        cooperation.decision_to_action_items(
            decision=world.decision,
            user=world.coordinator,
            items=[{"title": "Atelier", "owner": world.ohchr}],
        )
    assert "Point d’action" in mails_to(world.focal)[-1].subject


def test_remind_twice_the_same_day_sends_each_mail_once_and_digests_group(world):
    remind()
    # three overdue items of OHCHR: one daily digest for the focal point and the coordinator
    [digest] = mails_to(world.focal)
    for item in world.items:
        assert item.title in digest.body
    assert len(mails_to(world.coordinator)) == 1
    assert "MoU OHCHR-IPHRC" in mails_to(world.coordinator)[0].body  # expiring in 90 days
    assert mails_to(world.viewer) == []
    before = len(mail.outbox)
    remind()
    assert len(mail.outbox) == before
    assert Notification.objects.filter(kind=Kind.OVERDUE, recipient=world.focal).count() == 3


def test_a_weekly_digest_waits_for_the_week_and_off_sends_nothing(world):
    services.preference_set(user=world.focal, kind=Kind.OVERDUE, frequency="weekly")
    services.preference_set(user=world.focal, kind=Kind.AGREEMENT_EXPIRING, frequency="weekly")
    services.preference_set(user=world.coordinator, kind=Kind.OVERDUE, frequency="off")
    services.preference_set(user=world.coordinator, kind=Kind.AGREEMENT_EXPIRING, frequency="off")
    today = timezone.localdate()
    remind(today)
    assert len(mails_to(world.focal)) == 1
    assert mails_to(world.coordinator) == []
    assert Notification.objects.filter(recipient=world.coordinator).exists()  # still listed
    remind(today)
    assert len(mails_to(world.focal)) == 1
    assert SentMail.objects.filter(recipient=world.focal, key__startswith="weekly:").count() == 1


def test_an_action_item_due_in_seven_days_is_told_to_its_owner(world):
    today = timezone.localdate()
    ActionItem.objects.create(
        framework=world.framework,
        title="Send the report",
        owner=world.ohchr,
        due_on=today + datetime.timedelta(days=7),
    )
    remind(today)
    assert Kind.DUE_SOON in kinds_of(world.focal)
    assert "Send the report" in mails_to(world.focal)[0].body


def test_a_report_obligation_due_at_the_next_session_is_told_to_the_coordinators(world):
    today = timezone.localdate()
    session = today.year - 1945 + (0 if today.month < 9 else 1)
    world.mandate.due_session = session
    world.mandate.save()
    remind(today)
    assert Kind.MANDATE_DUE in kinds_of(world.coordinator)
    assert f"{session}" in mails_to(world.coordinator)[0].body


def test_an_agreement_is_told_at_90_days_and_again_at_30(world):
    today = timezone.localdate()
    remind(today)
    assert kinds_of(world.focal).count(Kind.AGREEMENT_EXPIRING) == 1  # OHCHR is a party
    remind(today + datetime.timedelta(days=61))
    assert kinds_of(world.focal).count(Kind.AGREEMENT_EXPIRING) == 2


def test_the_unsubscribe_link_of_a_mail_stops_that_kind(client, world):
    remind()
    [digest] = mails_to(world.focal)
    url = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", digest.body).group(0)
    assert digest.extra_headers["List-Unsubscribe"] == f"<{url}>"
    path = url.split("8000", 1)[1]
    assert client.get(path).status_code == 200  # a scanner following the link changes nothing
    assert services.frequency_of(world.focal.pk, Kind.OVERDUE) == "daily"
    response = client.post(path)  # RFC 8058 one-click, no session needed
    assert response.status_code == 200
    assert services.frequency_of(world.focal.pk, Kind.OVERDUE) == "off"
    assert client.post(path[:-5] + "xxxx/").status_code == 404  # a forged link


def test_a_resolution_uploaded_tells_the_members_and_its_review_the_coordinators(
    client, world, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.world import DEMO

    world.resolution.delete()
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("resolution-upload", args=[world.framework.slug]),
            {"file": SimpleUploadedFile("A_RES_73_135.md", DEMO.read_bytes())},
        )
    assert kinds_of(world.focal) == [Kind.RESOLUTION_UPLOADED]
    assert kinds_of(world.viewer) == [Kind.RESOLUTION_UPLOADED]
    assert kinds_of(world.coordinator) == [Kind.RESOLUTION_UPLOADED, Kind.REVIEW_WAITING]
    assert kinds_of(world.admin) == []  # the uploader
    [review] = mails_to(world.coordinator)  # immediately; the upload waits for the digest
    assert "wait for your decision" in review.subject
    assert "/review/" in review.body


def test_a_stale_edit_refused_is_kept_for_its_author(client, world):
    item = ActionItem.objects.create(framework=world.framework, title="Plan", owner=world.ohchr)
    client.force_login(world.focal)
    url = reverse("action-item-edit", args=[world.framework.slug, item.pk])
    cooperation.action_item_update(
        item=item, user=world.coordinator, expected_version=item.version, title="Changed"
    )
    response = client.post(
        url,
        {"title": "Mine", "owner": world.ohchr.pk, "status": "open", "version": item.version},
    )
    assert response.status_code == 200
    assert kinds_of(world.focal) == [Kind.STALE_EDIT]


def test_a_stale_inline_status_change_is_kept_for_its_author_and_mailed(
    client, world, django_capture_on_commit_callbacks
):
    a = world.activities[0]
    seen = a.version
    client.force_login(world.coordinator)
    client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "ongoing", "version": seen},
    )
    client.force_login(world.focal)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("activity-status", args=[world.framework.slug, a.pk]),
            {"status": "cancelled", "version": seen},
        )
    assert kinds_of(world.focal) == [Kind.STALE_EDIT]
    assert kinds_of(world.coordinator) == []
    [message] = mails_to(world.focal)
    assert a.title in message.subject and "not saved" in message.subject


def test_a_stale_close_of_an_action_item_is_kept_for_its_author(
    client, world, django_capture_on_commit_callbacks
):
    item = world.items[0]
    seen = item.version
    cooperation.action_item_update(  # the coordinator saves first
        item=item, user=world.coordinator, expected_version=seen, title="Follow-up 0, renamed"
    )
    client.force_login(world.focal)
    url = reverse("action-item-close", args=[world.framework.slug, item.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"evidence": "Done.", "evidence_url": "", "version": seen})
    item.refresh_from_db()
    assert item.status in ActionItem.OPEN_STATUSES
    assert kinds_of(world.focal) == [Kind.STALE_EDIT]

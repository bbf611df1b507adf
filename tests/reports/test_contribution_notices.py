"""A call for contributions reaches the entities' focal points: told when the call opens
(at once, in their language, linking to their contribution page) and told again by
``accord remind`` when the call is due within 7 days and they have not submitted; twice
the same day sends nothing twice, and a submitted contribution is not chased."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from accord.notifications import services
from accord.notifications.models import Kind, Notification
from accord.reports.contributions import open_call, save_contribution
from tests.reports.test_contributions import person

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)
DUE = datetime.date(2020, 9, 30)


@pytest.fixture
def people(world):
    """The people of test_contributions, each with an e-mail address for the mails."""
    un = world.framework.un_organization
    people = {
        "coordinator": person("coord", "coordinator", world, organization=un),
        "ohchr": person("ohchr-fp", "focal_point", world, entity=world.un_entities[1]),
        "unicef": person("unicef-fp", "focal_point", world, entity=world.un_entities[3]),
    }
    for user in people.values():
        user.email = f"{user.username}@example.org"
        user.save()
    return people


def due_in(language):
    with translation.override(language):
        return date_format(DUE, "DATE_FORMAT")


def told(user, kind):
    return Notification.objects.filter(recipient=user, kind=kind)


def mails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def opened(world, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return open_call(
            framework=world.framework, start=START, end=END, due_on=DUE, by=people["coordinator"]
        )


def test_opening_a_call_tells_each_entity_focal_point_at_once_in_their_language(
    world, people, django_capture_on_commit_callbacks
):
    services.language_set(user=people["unicef"], language="fr")
    call = opened(world, people, django_capture_on_commit_callbacks)
    ohchr = call.contributions.get(entity=world.un_entities[1])
    [note] = told(people["ohchr"], Kind.CONTRIBUTION_REQUESTED)
    assert note.object_id == ohchr.pk
    assert not told(people["coordinator"], Kind.CONTRIBUTION_REQUESTED).exists()  # who opened
    [message] = mails_to(people["ohchr"])
    assert str(world.un_entities[1]) in message.subject and due_in("en") in message.body
    assert reverse("contribution", args=[ohchr.pk]) in message.body
    [french] = mails_to(people["unicef"])
    assert "Contribution de" in french.subject and due_in("fr") in french.body
    assert str(world.un_entities[1]) not in french.subject  # each is told of their own entity


def test_remind_chases_a_draft_due_within_seven_days_once_and_not_a_submitted_one(
    world, people, django_capture_on_commit_callbacks
):
    call = opened(world, people, django_capture_on_commit_callbacks)
    unicef = call.contributions.get(entity=world.un_entities[3])
    save_contribution(
        contribution=unicef,
        by=people["unicef"],
        expected_version=unicef.version,
        text="UNICEF and the OIC ran a campaign.",
        submit=True,
    )
    mail.outbox.clear()
    call_command("remind", f"--on={(DUE - datetime.timedelta(days=8)).isoformat()}")
    assert not told(people["ohchr"], Kind.CONTRIBUTION_DUE).exists()  # not yet
    week_before = (DUE - datetime.timedelta(days=7)).isoformat()
    call_command("remind", f"--on={week_before}")
    call_command("remind", f"--on={week_before}")
    assert told(people["ohchr"], Kind.CONTRIBUTION_DUE).count() == 1
    assert not told(people["unicef"], Kind.CONTRIBUTION_DUE).exists()  # submitted
    due_mails = [m for m in mails_to(people["ohchr"]) if f"due on {due_in('en')}" in m.body]
    assert len(due_mails) == 1

"""One validation for every text a person types (issue 12, item 7): control characters
refused everywhere, bidi overrides refused in names, codes and titles, lengths bounded;
``accord create-user`` checks like the pages; errors name the field."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accord.cooperation.models import Activity, ProgressUpdate
from accord.web.edit_forms import ActivityFullForm, RenameForm


def _activity_data(world, **changes) -> dict:
    a = world.activities[0]
    data = {
        "code": a.code,
        "title": a.title,
        "description": a.description,
        "priority_area": a.priority_area_id,
        "un_lead": a.un_lead_id or "",
        "partner_lead": a.partner_lead_id or "",
        "status": a.status,
        "version": a.version,
    }
    data.update(changes)
    return data


def test_the_activity_form_refuses_control_characters_and_bidi_overrides_by_field(world):
    a = world.activities[0]
    form = ActivityFullForm(
        _activity_data(
            world,
            title="Report \u202eevil\u202c",
            description="Bell\x07",
            code="A\x1bB",
            funding_source="Ok",
        ),
        instance=a,
        framework=world.framework,
    )
    assert not form.is_valid()
    assert "override" in " ".join(form.errors["title"])
    assert "control character" in " ".join(form.errors["description"])
    assert "code" in form.errors
    ok = ActivityFullForm(
        _activity_data(world, description="Two lines\nand a tab\t, in العربية"),
        instance=a,
        framework=world.framework,
    )
    assert "description" not in ok.errors


def test_a_rename_refuses_a_bidi_override_in_a_name(world):
    form = RenameForm({"name_en": "Good\u202eName", "on": "2020-01-01", "version": 1})
    assert not form.is_valid() and "override" in " ".join(form.errors["name_en"])


def test_a_bad_progress_date_is_named_as_the_date(client, world):
    a = world.activities[0]
    client.force_login(world.admin)
    before = ProgressUpdate.objects.filter(activity=a).count()
    response = client.post(
        reverse("activity-progress", args=[world.framework.slug, a.pk]),
        {"text": "Some progress", "date": "31/31/2020", "version": a.version},
        follow=True,
    )
    page = response.content.decode()
    assert "Date: Enter a valid date." in page and "needs some text" not in page
    assert ProgressUpdate.objects.filter(activity=a).count() == before
    response = client.post(
        reverse("activity-progress", args=[world.framework.slug, a.pk]),
        {"text": "Ring\x07", "version": a.version},
        follow=True,
    )
    assert "Progress update: This text contains a control character" in response.content.decode()
    assert not ProgressUpdate.objects.filter(text__contains="\x07").exists()
    assert Activity.objects.get(pk=a.pk).version == a.version


@pytest.mark.parametrize(
    ("username", "email", "message"),
    [
        ("bad user/<script>", "", "username: Enter a valid username"),
        ("x" * 200, "", "username: Ensure this value has at most 150 characters"),
        ("eve\u202eliam", "", "username: This name contains a right-to-left"),
        ("good", "not-an-address", "email: Enter a valid email address"),
    ],
)
def test_create_user_validates_like_the_pages(world, username, email, message):
    before = get_user_model().objects.count()
    with pytest.raises(CommandError) as caught:
        call_command("create_user", username, "--email", email, stdout=io.StringIO())
    assert message.lower() in str(caught.value).lower()
    assert get_user_model().objects.count() == before


def test_create_user_still_creates_a_good_user(world):
    out = io.StringIO()
    call_command("create_user", "new.person", "--email", "np@example.org", stdout=out)
    assert "created user new.person" in out.getvalue()

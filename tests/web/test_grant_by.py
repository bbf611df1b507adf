"""`accord grant ... --by USERNAME` records who granted the role: the membership's
history names that user; without --by it names nobody and says "command line" (the
admin's history page shows it). --by names someone the permissions module lets grant
that role (an administrator; a coordinator for a focal point of their side), or the
command refuses and writes nothing."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from accord.accounts.models import Membership
from accord.registry.models import Entity

pytestmark = pytest.mark.django_db

FOCAL_OHCHR = ["--role", "focal-point", "--framework", "un-oic", "--entity", "un.ohchr"]


@pytest.fixture
def pia(world):
    """A user without a role, in the pages' world whose entities the command line names
    by their gazetteer ids."""
    for entity, gazetteer_id in ((world.ohchr, "un.ohchr"), (world.iphrc, "oic.iphrc")):
        Entity.objects.filter(pk=entity.pk).update(gazetteer_id=gazetteer_id)
    return get_user_model().objects.create_user("pia", first_name="Pia", last_name="Lund")


def grant(*args: str) -> str:
    out = io.StringIO()
    call_command("grant", *args, stdout=out)
    return out.getvalue()


def test_the_history_names_who_granted(world, pia):
    assert "granted" in grant("pia", *FOCAL_OHCHR, "--by", world.admin.username)
    record = Membership.objects.get(user=pia).history.get()
    assert record.history_user == world.admin and not record.history_change_reason


def test_a_coordinator_grants_a_focal_point_of_their_side(world, pia):
    grant("pia", *FOCAL_OHCHR, "--by", world.coordinator.username)  # the UN side's
    assert Membership.objects.get(user=pia).history.get().history_user == world.coordinator
    with pytest.raises(CommandError, match="may not grant the role focal-point"):
        grant(
            "pia", "--role", "focal-point", "--framework", "un-oic", "--entity", "oic.iphrc",
            "--by", world.coordinator.username,
        )  # fmt: skip
    with pytest.raises(CommandError, match="may not grant the role viewer"):
        grant("pia", "--role", "viewer", "--framework", "un-oic", "--by", world.viewer.username)
    assert Membership.objects.filter(user=pia).count() == 1


def test_an_unknown_granter_is_refused(world, pia):
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        grant("pia", *FOCAL_OHCHR, "--by", "nobody")
    assert not Membership.objects.filter(user=pia).exists()


def test_without_by_the_history_says_command_line(client, world, pia):
    grant("pia", *FOCAL_OHCHR)
    membership = Membership.objects.get(user=pia)
    record = membership.history.get()
    assert record.history_user is None and record.history_change_reason == "command line"
    client.force_login(world.admin)
    page = client.get(reverse("admin:accounts_membership_history", args=[membership.pk]))
    assert page.status_code == 200 and "command line" in page.content.decode()

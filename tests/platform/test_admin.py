"""The back office: every model has an admin page; edits there follow the same rules as
the services (version check, soft delete, undo through history, permissions)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from accord.accounts.models import Membership
from accord.cooperation.models import Activity, ProgressUpdate
from accord.cooperation.services import activity_update
from tests.world import form_values

pytestmark = pytest.mark.django_db

ACCORD_APPS = {"registry", "cooperation", "documents"}


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser(
        "root", "root@example.org", "pw-root-123", first_name="Root", last_name="Admin"
    )


@pytest.fixture
def root_client(client, root):
    client.force_login(root)
    return client


def test_every_model_of_the_three_apps_has_an_admin_with_search():
    from django.apps import apps

    for app in ACCORD_APPS:
        for model in apps.get_app_config(app).get_models():
            if (
                model.__name__.startswith("Historical")
                or model.__module__ != f"accord.{app}.models"
            ):
                continue
            assert model in admin.site._registry, model
            assert admin.site._registry[model].search_fields, model


def test_every_list_and_add_page_opens_for_an_administrator(root_client, activity):
    ProgressUpdate.objects.create(activity=activity, date="2019-02-01", text="Held")
    for model in admin.site._registry:
        if model._meta.app_label not in ACCORD_APPS or not model.__module__.endswith(".models"):
            continue
        base = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert root_client.get(reverse(f"{base}_changelist")).status_code == 200, model
        assert root_client.get(reverse(f"{base}_changelist"), {"q": "x"}).status_code == 200, model
        assert root_client.get(reverse(f"{base}_add")).status_code == 200, model
    page = root_client.get(reverse("admin:cooperation_activity_change", args=[activity.pk]))
    assert page.status_code == 200
    assert (
        b"progress_updates-TOTAL_FORMS" in page.content
        and b"indicators-TOTAL_FORMS" in page.content
    )


def test_an_admin_save_on_a_stale_form_is_refused_naming_the_other_editor(
    root_client, activity, bob
):
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    data = form_values(root_client.get(url), "activity_form")
    assert data["expected_version"] == ["1"]
    activity_update(activity=activity, user=bob, expected_version=1, title="Bob's title")
    data["title"] = ["Root's title"]
    response = root_client.post(url, data)
    assert response.status_code == 200
    assert "Bob Haddad" in response.content.decode()
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.title == "Bob's title" and fresh.version == 2


def test_an_admin_save_on_a_current_form_goes_through_and_is_recorded(root_client, activity, root):
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    data = form_values(root_client.get(url), "activity_form")
    data["title"] = ["Root's title"]
    response = root_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.title == "Root's title" and fresh.version == 2
    assert fresh.history.order_by("-history_date").first().history_user == root


def test_deleting_in_the_admin_is_soft_and_restorable(root_client, activity):
    url = reverse("admin:cooperation_activity_delete", args=[activity.pk])
    assert root_client.post(url, {"post": "yes"}).status_code == 302
    kept = Activity.all_objects.get(pk=activity.pk)
    assert kept.deleted_at is not None
    listing = reverse("admin:cooperation_activity_changelist")
    assert list(root_client.get(listing).context["cl"].result_list) == []
    assert list(root_client.get(listing, {"deleted": "yes"}).context["cl"].result_list) == [kept]
    root_client.post(
        listing + "?deleted=yes", {"action": "restore_selected", "_selected_action": [activity.pk]}
    )
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_deleting_an_inline_progress_update_is_soft(root_client, activity):
    update = ProgressUpdate.objects.create(
        activity=activity, date="2019-02-01", text="Held in Rabat"
    )
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    data = form_values(root_client.get(url), "activity_form")
    data["progress_updates-0-DELETE"] = ["on"]
    assert root_client.post(url, data).status_code == 302
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()
    assert ProgressUpdate.all_objects.get(pk=update.pk).deleted_at is not None


def test_revert_in_the_history_page_restores_with_a_new_version(root_client, activity, bob):
    activity_update(activity=activity, user=bob, expected_version=1, title="Bob's title")
    first = activity.history.get(history_type="+")
    url = reverse("admin:cooperation_activity_simple_history", args=[activity.pk, first.history_id])
    assert root_client.get(url).status_code == 200
    page = root_client.get(url)
    assert "Workshop on human rights mechanisms" in page.content.decode()
    assert root_client.post(url, {"_save": "Revert"}).status_code == 302
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.title == "Workshop on human rights mechanisms"
    assert fresh.version == 3


def test_a_viewer_cannot_use_the_admin(client, world, activity):
    viewer = get_user_model().objects.create_user("vera", password="pw-vera-123", is_staff=True)
    Membership.objects.create(user=viewer, role=Membership.Role.VIEWER, framework=world.framework)
    client.force_login(viewer)
    listing = client.get(reverse("admin:cooperation_activity_changelist"))
    assert listing.status_code == 302 and "/admin/login/" in listing["Location"]
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    assert client.get(url).status_code in (302, 403)


def test_a_coordinator_is_sent_to_the_pages_even_when_marked_staff(client, world, activity):
    """The admin is for administrators only: a coordinator works in the pages, and a
    stale is_staff flag does not let them in."""
    coordinator = get_user_model().objects.create_user(
        "cora", password="pw-cora-123", is_staff=True
    )
    Membership.objects.create(
        user=coordinator,
        role=Membership.Role.COORDINATOR,
        framework=world.framework,
        organization=world.framework.un_organization,
    )
    client.force_login(coordinator)
    page = client.get(reverse("admin:cooperation_activity_changelist"), follow=True)
    assert ("/", 302) in page.redirect_chain
    assert "The administration pages are for administrators" in page.content.decode()
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    client.post(url, {"title": "Coordinated title"})
    assert Activity.objects.get(pk=activity.pk).title != "Coordinated title"
    org_url = reverse("admin:registry_organization_change", args=[world.framework.partner.pk])
    client.post(org_url, {"code": "oic", "name_en": "Renamed", "kind": "regional"})
    world.framework.partner.refresh_from_db()
    assert world.framework.partner.name_en == "Organization of Islamic Cooperation"


def test_an_administrator_by_membership_edits_through_the_admin(client, world, activity):
    chief = get_user_model().objects.create_user("chief", password="pw-chief-123")
    Membership.objects.create(user=chief, role=Membership.Role.ADMINISTRATOR)
    client.force_login(chief)
    url = reverse("admin:cooperation_activity_change", args=[activity.pk])
    data = form_values(client.get(url), "activity_form")
    data["title"] = ["Administered title"]
    assert client.post(url, data).status_code == 302
    assert Activity.objects.get(pk=activity.pk).title == "Administered title"
